using Ats.Domain.Data;
using Ats.Domain.Writes;
using Microsoft.EntityFrameworkCore;

namespace Ats.Domain.Audit;

public sealed record AuditFilter(string? Model = null, Guid? RecordId = null, Guid? ActorId = null,
    DateTime? From = null, DateTime? To = null, int Offset = 0, int Limit = 50);

public sealed record AuditPage(IReadOnlyList<AuditEntry> Entries, int Total);

/// Reads the audit log, newest first. Admins only.
public sealed class AuditQuery(IDbContextFactory<AtsDbContext> dbFactory)
{
    public async Task<AuditPage> SearchAsync(Actor actor, AuditFilter filter, CancellationToken ct = default)
    {
        if (!actor.IsAdmin || actor.Scopes is not null) throw ForbiddenException.AdminOnly();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.TenantId = actor.TenantId;
        var entries = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrEmpty(filter.Model)) entries = entries.Where(e => e.Model == filter.Model);
        if (filter.RecordId is { } record) entries = entries.Where(e => e.RecordId == record);
        if (filter.ActorId is { } actorId) entries = entries.Where(e => e.ActorId == actorId);
        if (filter.From is { } from) entries = entries.Where(e => e.At >= from);
        if (filter.To is { } to) entries = entries.Where(e => e.At < to);
        var total = await entries.CountAsync(ct);
        var page = await entries.OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Skip(Math.Max(filter.Offset, 0)).Take(Math.Clamp(filter.Limit, 1, 200)).ToListAsync(ct);
        return new AuditPage(page, total);
    }
}
