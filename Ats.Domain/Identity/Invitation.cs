namespace Ats.Domain.Identity;

/// An admin's invitation to join their organisation: the invitee chooses their own password through a one-time link.
/// Only the SHA-256 hash of the link's token is kept; a resend replaces it, so the older link stops working.
public sealed class Invitation
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public string Email { get; set; } = "";
    /// Upper-case, as Identity normalises addresses: one pending invitation per address and organisation.
    public string NormalizedEmail { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string Role { get; set; } = "";
    public Guid InvitedBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public string TokenHash { get; set; } = "";
    public DateTime? AcceptedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
}
