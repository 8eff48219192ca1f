namespace Ats.Domain.Tenancy;

/// An organisation. Every domain row and every user belongs to exactly one.
public sealed class Tenant
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Name { get; set; }
    /// Postal address for letterheads (offer letters), one line per line.
    public string? Address { get; set; }
    /// Admins must sign in with a second factor (TOTP); one without it sets it up right after signing in.
    public bool RequireTwoFactorForAdmins { get; set; }
    public DateTime CreatedAt { get; set; }
}
