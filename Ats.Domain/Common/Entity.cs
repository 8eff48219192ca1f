namespace Ats.Domain.Common;

/// Every public model row: a time-ordered id, UTC timestamps and an application-managed version
/// that doubles as the optimistic-concurrency token (SQLite cannot generate row versions).
public abstract class Entity
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }
}

/// A row owned by one tenant. The tenant never appears on the wire and is never taken from a client.
public abstract class TenantEntity : Entity
{
    public Guid TenantId { get; set; }
}
