namespace Ats.Domain.Audit;

public enum AuditAction { Create, Update, Delete }

/// One write, recorded in the same transaction as the write itself. Holds field names, never values,
/// so that the audit log never becomes a second copy of personal data.
public sealed class AuditEntry
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public DateTime At { get; set; }
    public Guid? ActorId { get; set; }
    public string ActorName { get; set; } = "";
    public string Channel { get; set; } = "";
    public string Model { get; set; } = "";
    public Guid RecordId { get; set; }
    public AuditAction Action { get; set; }
    public List<string> ChangedFields { get; set; } = [];
}
