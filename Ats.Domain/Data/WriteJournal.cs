using Ats.Domain.Audit;
using Ats.Domain.Common;
using Ats.Domain.Events;
using Ats.Domain.Webhooks;
using Ats.Domain.Writes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Ats.Domain.Data;

/// The one place below every write: whatever saves through <see cref="AtsDbContext"/> (the model pipeline, Identity's
/// stores, tokens, webhooks, settings, workers) gets, for each audited row, the audit entry, the version bump, the
/// change log row and webhook deliveries of a public model, and its change event once the transaction commits.
/// Who acts is the context's <see cref="AtsDbContext.Actor"/>; a save with audited changes and none throws, unless
/// the context says it is a system write (<see cref="AtsDbContext.SystemWrite"/>).
public sealed class WriteJournal(ChangeFeed feed, TimeProvider clock)
{
    internal async Task<int> SaveAsync(AtsDbContext db, Func<CancellationToken, Task<int>> save, CancellationToken ct)
    {
        db.ChangeTracker.DetectChanges();
        var changes = Describe(db);
        db.Noted.Clear();
        if (changes.Count == 0 || db.SystemReason is not null) return await save(ct);
        var actor = db.Actor ?? throw MissingActor(changes);
        var now = clock.GetUtcNow().UtcDateTime;

        var logged = new List<(TenantEntity Row, ChangeLogEntry Entry)>();
        foreach (var (entry, change) in changes)
        {
            if (entry is null) continue;
            if (change.Action == AuditAction.Update) Bump(entry, now);
            if (entry.Entity is TenantEntity row) logged.Add((row, ChangeLog.Record(db, actor, change.Model, db.Entry(row), change.Action, change.Fields, now)));
        }
        foreach (var change in Merge(changes.Select(c => c.Change))) db.Audit(change, () => AuditLog.Record(db, actor, change.Model, change.RecordId, change.Action, change.Fields, now));
        await ChangeLog.NoteReadersBeforeAsync(db, actor.TenantId, logged, ct);
        var firstSubmissions = WebhookOutbox.FirstSubmissions(db.ChangeTracker);

        // The readers after the write and the webhook deliveries are asked of the saved rows, in the same transaction.
        await using var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var saved = await save(ct);
        if (logged.Count > 0)
        {
            await ChangeLog.NoteReadersAfterAsync(db, actor.TenantId, logged, ct);
            await WebhookOutbox.EnqueueAsync(db, actor.TenantId, logged, firstSubmissions, now, ct);
            await save(ct);
        }
        foreach (var (_, e) in logged)
            db.AddEvent(new ChangeEvent(e.TenantId, e.Model, e.RecordId, e.Action, e.Version, e.ChangedFields, e.ActorId, actor.Channel, e.At, e.Id));
        foreach (var change in Merge(changes.Where(c => c.Entry?.Entity is not TenantEntity && c.Change.Publishes).Select(c => c.Change)))
            db.AddEvent(new ChangeEvent(actor.TenantId, change.Model, change.RecordId, change.Action, 0, change.Fields, actor.UserId, actor.Channel, now));
        if (own is not null) await own.CommitAsync(ct);
        return saved;
    }

    /// The sync path serves Data Protection's key ring and other bookkeeping; an audited write must be awaited.
    internal static void RequireNothingAudited(AtsDbContext db)
    {
        db.ChangeTracker.DetectChanges();
        if (db.SystemReason is null && Describe(db) is { Count: > 0 } changes)
            throw new InvalidOperationException($"Audited rows ({string.Join(", ", changes.Select(c => c.Change.Model).Distinct())}) save with SaveChangesAsync.");
    }

    /// Publishes what the committed transaction wrote.
    internal void Publish(IEnumerable<ChangeEvent> events)
    {
        foreach (var change in events) feed.Publish(change);
    }

    /// The audited changes, a delete's rows after what hung on them (a child's delete event before its parent's).
    private static List<(EntityEntry? Entry, AuditedChange Change)> Describe(AtsDbContext db)
    {
        var rank = new Dictionary<object, int>(ReferenceEqualityComparer.Instance);
        foreach (var row in db.WriteOrder ?? []) rank.TryAdd(row, rank.Count);
        return [.. db.ChangeTracker.Entries().ToList()
            .Select(e => (Entry: e, Change: AuditedTypes.Describe(e)))
            .Where(c => c.Change is not null)
            .Select(c => ((EntityEntry?)c.Entry, c.Change!))
            .OrderBy(c => rank.GetValueOrDefault(c.Item1!.Entity, -1)), .. db.Noted.Select(n => ((EntityEntry?)null, n))];
    }

    /// One entry per record: a user created with a role is one "create" (the role is a row of its own).
    private static IEnumerable<AuditedChange> Merge(IEnumerable<AuditedChange> changes) =>
        changes.GroupBy(c => (c.Model, c.RecordId)).Select(g => g.Count() == 1 ? g.First() : g.First() with
        {
            Action = g.Any(c => c.Action == AuditAction.Create) ? AuditAction.Create : g.Any(c => c.Action == AuditAction.Delete) ? AuditAction.Delete : AuditAction.Update,
            Fields = [.. g.SelectMany(c => c.Fields).Distinct()],
        });

    private static void Bump(EntityEntry entry, DateTime now)
    {
        if (entry.Metadata.FindProperty("Version") is null) return;
        entry.Property("Version").CurrentValue = (int)entry.Property("Version").CurrentValue! + 1;
        entry.Property("UpdatedAt").CurrentValue = now;
    }

    private static InvalidOperationException MissingActor(List<(EntityEntry? Entry, AuditedChange Change)> changes) =>
        new($"A write to {string.Join(", ", changes.Select(c => c.Change.Model).Distinct())} needs an actor: db.ActAs(actor), " +
            "or db.SystemWrite(reason) for bookkeeping that is not audited.");
}
