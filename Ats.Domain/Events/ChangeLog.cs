using System.Reflection;
using Ats.Domain.Audit;
using Ats.Domain.Common;
using Ats.Domain.Data;
using Ats.Domain.Identity;
using Ats.Domain.Models;
using Ats.Domain.Writes;
using Microsoft.EntityFrameworkCore;

namespace Ats.Domain.Events;

/// Writes the change log inside the write's transaction and reads it back for the live channel.
public static class ChangeLog
{
    public static readonly TimeSpan Retention = TimeSpan.FromHours(48); // the promise is 24 hours; twice that is slack

    public static ChangeLogEntry Record(AtsDbContext db, Actor actor, string model, TenantEntity row, AuditAction action,
        IReadOnlyList<string> fields, DateTime at)
    {
        var entry = new ChangeLogEntry
        {
            TenantId = actor.TenantId,
            At = at,
            Model = model,
            RecordId = row.Id,
            Action = action,
            Version = row.Version,
            ChangedFields = [.. fields],
            ActorId = actor.UserId,
            Channel = actor.ChannelName,
        };
        if (action == AuditAction.Delete)
        {
            var descriptor = ModelCatalog.For(row.GetType());
            entry.Keys = descriptor.Fields.Where(f => f.IsFilterable && WireText.IsKey(f.ClrType))
                .ToDictionary(f => f.Name, f => WireText.Of(f.GetValue(row)));
        }
        db.ChangeLog.Add(entry);
        return entry;
    }

    /// Called before the deletes are saved: who could read each deleted row, asked of the access rules while it is still there.
    public static async Task NoteReadersOfDeletesAsync(AtsDbContext db, Guid tenantId, IReadOnlyList<(TenantEntity Row, ChangeLogEntry Entry)> deletes,
        CancellationToken ct)
    {
        if (deletes.Count == 0) return;
        var users = await db.Users.Where(u => u.TenantId == tenantId && u.IsActive).Select(UserDirectory.AsActiveUser(db)).ToListAsync(ct);
        foreach (var entry in deletes.Select(d => d.Entry)) entry.Readers = [];
        foreach (var group in deletes.GroupBy(d => d.Row.GetType()))
        {
            var ids = group.Select(d => d.Row.Id).ToList();
            var read = ReadableIds.MakeGenericMethod(group.Key);
            foreach (var user in users.Where(u => u.Role.Length > 0))
            {
                var reader = new Actor(user.Id, tenantId, user.Role, user.Name, Channel.System);
                var visible = await (Task<HashSet<Guid>>)read.Invoke(null, [db, reader, ids, ct])!;
                foreach (var (row, entry) in group)
                    if (visible.Contains(row.Id)) entry.Readers!.Add(user.Id);
            }
        }
    }

    private static readonly MethodInfo ReadableIds = typeof(ChangeLog).GetMethod(nameof(ReadableIdsAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    private static async Task<HashSet<Guid>> ReadableIdsAsync<T>(AtsDbContext db, Actor reader, List<Guid> ids, CancellationToken ct) where T : TenantEntity =>
        [.. await db.Set<T>().AsNoTracking().Readable(reader, db).Where(r => ids.Contains(r.Id)).Select(r => r.Id).ToListAsync(ct)];

    /// The entries after <paramref name="afterId"/>, oldest first, across tenants (the caller filters per reader).
    public static async Task<List<ChangeLogEntry>> ReadAfterAsync(AtsDbContext db, long afterId, int limit, CancellationToken ct) =>
        await db.ChangeLog.AsNoTracking().Where(e => e.Id > afterId).OrderBy(e => e.Id).Take(limit).ToListAsync(ct);

    public static async Task<long> LatestIdAsync(AtsDbContext db, CancellationToken ct) =>
        await db.ChangeLog.MaxAsync(e => (long?)e.Id, ct) ?? 0;

    /// The oldest entry still kept, so a resume from before it can be told it came too late.
    public static async Task<long?> OldestIdAsync(AtsDbContext db, CancellationToken ct) =>
        await db.ChangeLog.MinAsync(e => (long?)e.Id, ct);

    public static Task<int> PruneAsync(AtsDbContext db, DateTime now, CancellationToken ct)
    {
        var cutoff = now - Retention;
        return db.ChangeLog.Where(e => e.At < cutoff).ExecuteDeleteAsync(ct);
    }
}
