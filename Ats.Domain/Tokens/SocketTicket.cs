namespace Ats.Domain.Tokens;

/// A short-lived, single-use pass for opening /xapi2/ch without putting a token in the URL. Only its SHA-256 hash is
/// stored; it stands for the token it was made from (a PAT by its hash, or a JWT's user and expiry), never for more.
public sealed class SocketTicket
{
    public string Hash { get; set; } = "";
    public string? PatHash { get; set; }
    public Guid? UserId { get; set; }
    public Guid? TenantId { get; set; }
    public DateTime? JwtExpiresAt { get; set; }
    /// The rate-limit partition of the token it was made from (a hash of it), so the socket counts where that token's REST requests do.
    public string? RateKey { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? UsedAt { get; set; }
}
