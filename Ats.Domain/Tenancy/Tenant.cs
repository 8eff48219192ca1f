namespace Ats.Domain.Tenancy;

/// An organisation. Every domain row and every user belongs to exactly one.
public sealed class Tenant
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Name { get; set; }
    /// Postal address for letterheads (offer letters), one line per line.
    public string? Address { get; set; }
    public DateTime CreatedAt { get; set; }
}
