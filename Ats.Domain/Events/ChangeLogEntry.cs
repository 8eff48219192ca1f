using Ats.Domain.Audit;

namespace Ats.Domain.Events;

/// One committed change, kept so that a client reconnecting with "since" misses nothing (kept at least 24 hours).
/// The id is the event_id on the wire: it grows in commit order, because it is assigned inside the writing transaction
/// and SQLite admits one writer at a time. Like the audit log it holds field names, never values.
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
    /// For deletes only: the users who could read the row just before it went (its readers cannot be asked afterwards).
    public List<Guid>? Readers { get; set; }
    /// For deletes only: the row's filterable ids, states and flags (never text, which may be personal data), so that
    /// a subscription filtered on, say, job_id still hears of the delete.
    public Dictionary<string, string>? Keys { get; set; }
}
