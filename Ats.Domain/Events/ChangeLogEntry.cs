using Ats.Domain.Audit;

namespace Ats.Domain.Events;

/// One committed change, kept so that a client reconnecting with "since" misses nothing (kept at least 24 hours).
/// The id is the event_id on the wire: it grows in commit order, because it is assigned inside the writing transaction
/// and SQLite admits one writer at a time. Like the audit log it holds field names, never values, except the row's
/// ids, states and flags (never text, which may be personal data), so that filters and readers are decided from the
/// log: a replay decides as the live event did.
public sealed class ChangeLogEntry
{
    public long Id { get; set; }
    public Guid TenantId { get; set; }
    public DateTime At { get; set; }
    public string Model { get; set; } = "";
    public Guid RecordId { get; set; }
    public AuditAction Action { get; set; }
    public int Version { get; set; }
    public List<string> ChangedFields { get; set; } = [];
    public Guid? ActorId { get; set; }
    public string Channel { get; set; } = "";
    /// The users who could read the row as the change left it; for a delete, just before it went (its readers cannot
    /// be asked afterwards). Null on entries written before readers were noted for every change.
    public List<Guid>? Readers { get; set; }
    /// Updates only: the users who could read the row before the update, when they were not the same as after.
    public List<Guid>? OldReaders { get; set; }
    /// The row's filterable ids, states and flags as the change left it (for a delete, as it was), so that a
    /// subscription filtered on, say, job_id is decided on the row as it was then, not as it is when the event is sent.
    public Dictionary<string, string>? Keys { get; set; }
    /// Updates only: the same before the update, when one of them changed.
    public Dictionary<string, string>? OldKeys { get; set; }
}
