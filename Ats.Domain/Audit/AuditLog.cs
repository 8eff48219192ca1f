using Ats.Domain.Data;
using Ats.Domain.Writes;

namespace Ats.Domain.Audit;

/// Adds the audit entry for a write to the write's own context, so both commit in one transaction.
public static class AuditLog
{
    public static AuditEntry Record(AtsDbContext db, Actor actor, string model, Guid recordId, AuditAction action,
        IEnumerable<string> changedFields, DateTime at)
    {
        var entry = new AuditEntry
        {
            TenantId = actor.TenantId,
            At = at,
            ActorId = actor.UserId,
            ActorName = actor.Name,
            Channel = actor.ChannelName,
            Model = model,
            RecordId = recordId,
            Action = action,
            ChangedFields = changedFields.Order(StringComparer.Ordinal).ToList(),
        };
        db.AuditEntries.Add(entry);
        return entry;
    }
}
