using System.Reflection;
using Ats.Domain.Audit;
using Ats.Domain.Common;
using Ats.Domain.Data;
using Ats.Domain.Identity;
using Ats.Domain.Models;
using Ats.Domain.Writes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Ats.Domain.Events;

/// Writes the change log inside the write's transaction and reads it back for the live channel.
public static class ChangeLog
{
    public static readonly TimeSpan Retention = TimeSpan.FromHours(48); // the promise is 24 hours; twice that is slack

    /// <paramref name="tracked"/>: the row as the context tracks it, whose original values are the row before an update.
    public static ChangeLogEntry Record(AtsDbContext db, Actor actor, string model, EntityEntry<TenantEntity> tracked, AuditAction action,
        IReadOnlyList<string> fields, DateTime at)
    {
        var row = tracked.Entity;
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
        var keyFields = ModelCatalog.For(row.GetType()).Fields.Where(f => f.IsFilterable && WireText.IsKey(f.ClrType)).ToList();
        entry.Keys = keyFields.ToDictionary(f => f.Name, f => WireText.Of(f.GetValue(row)));
        if (action == AuditAction.Update)
        {
            var old = keyFields.ToDictionary(f => f.Name, f => tracked.Metadata.FindProperty(f.Property.Name) is { } column
                ? WireText.Of(tracked.OriginalValues[column]) : entry.Keys[f.Name]);
            if (old.Any(k => entry.Keys[k.Key] != k.Value)) entry.OldKeys = old;
        }
        db.ChangeLog.Add(entry);
        return entry;
    }

    /// Called before the changes are saved: who could read each updated or deleted row before (a deleted row's readers
    /// cannot be asked afterwards).
    public static async Task NoteReadersBeforeAsync(AtsDbContext db, Guid tenantId, IReadOnlyList<(TenantEntity Row, ChangeLogEntry Entry)> changes,
        CancellationToken ct)
    {
        var before = changes.Where(c => c.Entry.Action is AuditAction.Update or AuditAction.Delete).ToList();
        foreach (var (entry, readers) in await ReadersAsync(db, tenantId, before, ct))
            if (entry.Action == AuditAction.Delete) entry.Readers = readers;
            else entry.OldReaders = readers;
    }

    /// Called after the changes are saved, in their transaction: who can read each created or updated row now.
    /// An update that changed no one's access keeps one list.
    public static async Task NoteReadersAfterAsync(AtsDbContext db, Guid tenantId, IReadOnlyList<(TenantEntity Row, ChangeLogEntry Entry)> changes,
        CancellationToken ct)
    {
        var after = changes.Where(c => c.Entry.Action is AuditAction.Create or AuditAction.Update).ToList();
        foreach (var (entry, readers) in await ReadersAsync(db, tenantId, after, ct))
        {
            entry.Readers = readers;
            if (entry.OldReaders is { } old && old.Count == readers.Count && old.All(readers.Contains)) entry.OldReaders = null;
        }
    }

    /// Asked of the access rules, user by user, as each of them would list the rows; a user whose role reads every
    /// row of a type (the rules hand the rows back untouched) is not asked. Hiring managers are answered for all of
    /// them at once from the rows' hiring teams where <see cref="HiringTeamReaders"/> knows the type: with hundreds
    /// of them, one query each made every write slow.
    private static async Task<Dictionary<ChangeLogEntry, List<Guid>>> ReadersAsync(AtsDbContext db, Guid tenantId,
        IReadOnlyList<(TenantEntity Row, ChangeLogEntry Entry)> changes, CancellationToken ct)
    {
        var readers = changes.ToDictionary(c => c.Entry, _ => new List<Guid>());
        if (changes.Count == 0) return readers;
        var users = await db.Users.Where(u => u.TenantId == tenantId && u.IsActive).Select(UserDirectory.AsActiveUser(db)).ToListAsync(ct);
        foreach (var group in changes.GroupBy(c => c.Row.GetType()))
        {
            var ids = group.Select(c => c.Row.Id).Distinct().ToList();
            var read = ReadableIds.MakeGenericMethod(group.Key);
            var teams = users.Any(u => u.Role == Roles.HiringManager) ? await HiringTeamReaders.ForAsync(db, group.Key, ids, ct) : null;
            foreach (var user in users.Where(u => u.Role.Length > 0))
            {
                if (teams is not null && user.Role == Roles.HiringManager)
                {
                    foreach (var (row, entry) in group)
                        if (teams.TryGetValue(row.Id, out var team) && team.Contains(user.Id)) readers[entry].Add(user.Id);
                    continue;
                }
                var reader = new Actor(user.Id, tenantId, user.Role, user.Name, Channel.System);
                var visible = await (Task<HashSet<Guid>?>)read.Invoke(null, [db, reader, ids, ct])!;
                foreach (var (row, entry) in group)
                    if (visible?.Contains(row.Id) != false) readers[entry].Add(user.Id);
            }
        }
        return readers;
    }

    private static readonly MethodInfo ReadableIds = typeof(ChangeLog).GetMethod(nameof(ReadableIdsAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// Null when the reader reads every row of the type.
    private static async Task<HashSet<Guid>?> ReadableIdsAsync<T>(AtsDbContext db, Actor reader, List<Guid> ids, CancellationToken ct) where T : TenantEntity
    {
        var all = db.Set<T>();
        var readable = all.Readable(reader, db);
        if (ReferenceEquals(readable, all)) return null;
        return [.. await readable.AsNoTracking().Where(r => ids.Contains(r.Id)).Select(r => r.Id).ToListAsync(ct)];
    }

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
