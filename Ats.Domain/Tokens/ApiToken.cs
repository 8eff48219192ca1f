namespace Ats.Domain.Tokens;

/// A personal access token. Only its SHA-256 hash is stored; the token itself is shown once, at creation.
/// It acts for its creator, never beyond the creator's current role, and only within its scopes.
public sealed class ApiToken
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid UserId { get; set; }
    public string Name { get; set; } = "";
    /// The first characters ("pat_AbCd1234"), so people can tell their tokens apart in a list.
    public string Prefix { get; set; } = "";
    public string Hash { get; set; } = "";
    public List<string> Scopes { get; set; } = [];
    public DateTime CreatedAt { get; set; }
    public DateTime? ExpiresAt { get; set; }
    public DateTime? LastUsedAt { get; set; }
    public string? LastUsedIp { get; set; }
    public DateTime? RevokedAt { get; set; }
}
