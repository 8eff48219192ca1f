using Ats.Domain.Audit;
using Ats.Domain.Common;
using Ats.Domain.Data;
using Ats.Domain.Events;
using Ats.Domain.Models;
using Ats.Domain.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Ats.Domain.Writes;

/// The one write path for the public models. Every surface (UI, REST, WebSocket, MCP, /v1) calls this:
/// actor → scope and access rules → model rules and validation → save with a version check, with the
/// audit entries in the same transaction → change events after commit.
public sealed class RecordService(IDbContextFactory<AtsDbContext> dbFactory, ChangeFeed feed, TimeProvider clock, RulesRegistry rules)
{
    public async Task<T> CreateAsync<T>(Actor actor, T row, CancellationToken ct = default) where T : TenantEntity
    {
        var model = ModelCatalog.For<T>();
        AccessRules.RequireScope(actor, model, write: true);
        await using var db = await OpenAsync(actor, ct);
        var now = Now;
        if (actor.Channel != Channel.System) model.ResetServerOwned(row); // the server itself sets them (a reminder's recipient)
        model.NormalizeValues(row);
        row.Id = Guid.CreateVersion7();
        row.TenantId = actor.TenantId;
        row.CreatedAt = row.UpdatedAt = now;
        row.Version = 1;
        db.Entry(row).State = EntityState.Added; // this row only, never a graph hanging off navigation properties

        await ApplyRulesAsync(model, row, new WriteContext(actor, db, now, WriteKind.Create), ct);
        await CommitAsync(db, actor, now, ct);
        return row;
    }

    /// Applies <paramref name="change"/> to the stored row. With <paramref name="expectedVersion"/> a row changed
    /// by someone else since is refused; an update that changes nothing writes nothing.
    public Task<T> UpdateAsync<T>(Actor actor, Guid id, int? expectedVersion, Action<T> change, CancellationToken ct = default)
        where T : TenantEntity => UpdateAsync(actor, id, expectedVersion, change, confirmed: false, ct);

    /// <paramref name="confirmed"/>: the person confirmed a change the rules otherwise refuse (see <see cref="WriteContext.Confirmed"/>).
    public async Task<T> UpdateAsync<T>(Actor actor, Guid id, int? expectedVersion, Action<T> change, bool confirmed,
        CancellationToken ct = default) where T : TenantEntity
    {
        var changes = new Dictionary<Guid, (int?, Action<T>)> { [id] = (expectedVersion, change) };
        return (await UpdateManyAsync(actor, changes, confirmed, ct))[0];
    }

    /// Several rows changed together: all are written, or none (bulk moves, a column's new ranks).
    public async Task<IReadOnlyList<T>> UpdateManyAsync<T>(Actor actor, IReadOnlyDictionary<Guid, (int? ExpectedVersion, Action<T> Change)> changes,
        bool confirmed = false, CancellationToken ct = default) where T : TenantEntity
    {
        var model = ModelCatalog.For<T>();
        AccessRules.RequireScope(actor, model, write: true);
        await using var db = await OpenAsync(actor, ct);
        var ids = changes.Keys.ToList();
        // Several rows in one query; the common single-row update keeps its simple lookup by key.
        var stored = ids.Count == 1 ? null
            : await db.Set<T>().Readable(actor, db).Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
        var rows = new List<T>();
        foreach (var (id, (expectedVersion, change)) in changes)
        {
            var row = stored is null ? await LoadAsync<T>(actor, db, model, id, expectedVersion, ct)
                : Check(actor, model, stored.GetValueOrDefault(id), id, expectedVersion);
            var (serverOwned, tenant) = (model.ServerOwnedValues(row), row.TenantId);
            change(row);
            // Whatever a caller touched, only the rules set these; the system itself (the mail outbox) is the server.
            if (actor.Channel != Channel.System) ModelDescriptor.Restore(row, serverOwned);
            row.TenantId = tenant;
            model.NormalizeValues(row);
            rows.Add(row);
        }
        db.ChangeTracker.DetectChanges();

        var now = Now;
        var context = new WriteContext(actor, db, now, WriteKind.Update) { Confirmed = confirmed };
        foreach (var row in rows) await ApplyRulesAsync(model, row, context, ct);
        await CommitAsync(db, actor, now, ct);
        return rows;
    }

    /// Deletes the row and what hangs on it (applications, their interviews and scorecards, notes, tasks …),
    /// each with its own audit entry and change event.
    public async Task DeleteAsync<T>(Actor actor, Guid id, int? expectedVersion, CancellationToken ct = default) where T : TenantEntity
    {
        // A dependent changed meanwhile (the outbox marked a mail of this interview sent): the caller's intent still
        // holds for the row they named, so take the dependents afresh. A change to that row itself is the caller's to see.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await DeleteOnceAsync<T>(actor, id, expectedVersion, ct);
                return;
            }
            catch (ConcurrencyException ex) when (ex.Id != id && attempt < 3)
            {
            }
        }
    }

    private async Task DeleteOnceAsync<T>(Actor actor, Guid id, int? expectedVersion, CancellationToken ct) where T : TenantEntity
    {
        var model = ModelCatalog.For<T>();
        AccessRules.RequireScope(actor, model, write: true);
        await using var db = await OpenAsync(actor, ct);
        var row = await LoadAsync<T>(actor, db, model, id, expectedVersion, ct);
        var now = Now;
        var errors = new ValidationErrors();
        await rules.For<T>().ValidateDeleteAsync(row, new WriteContext(actor, db, now, WriteKind.Delete), errors, ct);
        errors.ThrowIfAny();

        var taken = await Cascades.TrackDependentsAsync(db, row, ct);
        db.Remove(row);
        await CommitAsync(db, actor, now, ct, taken);
    }

    /// Runs a read over the rows the actor may see (tenant, role rules, token scope), untracked; like a write,
    /// it re-checks that the user is still active in that role.
    public async Task<TResult> ReadAsync<T, TResult>(Actor actor, Func<IQueryable<T>, ReadContext, Task<TResult>> query,
        CancellationToken ct = default) where T : TenantEntity
    {
        await using var db = await OpenAsync(actor, ct);
        var reads = new ReadContext(db, actor);
        return await query(reads.Rows<T>(), reads);
    }

    public Task<T?> FindAsync<T>(Actor actor, Guid id, CancellationToken ct = default) where T : TenantEntity =>
        ReadAsync<T, T?>(actor, (rows, _) => rows.FirstOrDefaultAsync(r => r.Id == id, ct), ct);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private async Task<AtsDbContext> OpenAsync(Actor actor, CancellationToken ct)
    {
        var db = await dbFactory.CreateDbContextAsync(ct);
        db.TenantId = actor.TenantId;
        try
        {
            await ActorCheck.RequireCurrentAsync(db, actor, ct);
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
        return db;
    }

    private static async Task<T> LoadAsync<T>(Actor actor, AtsDbContext db, ModelDescriptor model, Guid id, int? expectedVersion,
        CancellationToken ct) where T : TenantEntity
    {
        var row = await db.Set<T>().Readable(actor, db).FirstOrDefaultAsync(r => r.Id == id, ct);
        return Check(actor, model, row, id, expectedVersion);
    }

    /// The row exists for this actor, is still the version the caller saw, and is theirs to change.
    private static T Check<T>(Actor actor, ModelDescriptor model, T? row, Guid id, int? expectedVersion) where T : TenantEntity
    {
        if (row is null) throw new NotFoundException(model.Name, id);
        if (expectedVersion is { } expected && row.Version != expected)
            throw new ConcurrencyException(model.Name, id, row.Version);
        AccessRules.RequireWrite(actor, model, row);
        return row;
    }

    private async Task ApplyRulesAsync<T>(ModelDescriptor model, T row, WriteContext context, CancellationToken ct) where T : TenantEntity
    {
        var modelRules = rules.For<T>();
        await modelRules.PrepareAsync(row, context, ct);
        AccessRules.RequireWrite(context.Actor, model, row);
        var errors = new ValidationErrors();
        FieldValidation.Validate(model, row, errors);
        await modelRules.ValidateAsync(row, context, errors, ct);
        errors.ThrowIfAny();
    }

    /// Audits and logs every row the write touched (cascades included) and queues its webhook deliveries, all in one
    /// transaction, then publishes. <paramref name="order"/>: a delete's rows, each after what hung on it, so that
    /// a child's delete event comes before its parent's.
    private async Task CommitAsync(AtsDbContext db, Actor actor, DateTime now, CancellationToken ct, IReadOnlyList<TenantEntity>? order = null)
    {
        db.ChangeTracker.DetectChanges();
        var changes = new List<(TenantEntity Row, ChangeLogEntry Entry)>();
        foreach (var entry in InOrder(db.ChangeTracker.Entries<TenantEntity>().ToList(), order))
        {
            if (Describe(entry) is not var (action, fields)) continue;
            var row = entry.Entity;
            if (action == AuditAction.Update)
            {
                row.Version++;
                row.UpdatedAt = now;
            }
            var model = ModelCatalog.For(row.GetType());
            AuditLog.Record(db, actor, model.Name, row.Id, action, fields, now);
            changes.Add((row, ChangeLog.Record(db, actor, model.Name, entry, action, fields, now)));
        }
        if (changes.Count == 0) return;
        await ChangeLog.NoteReadersBeforeAsync(db, actor.TenantId, changes, ct);
        var firstSubmissions = WebhookOutbox.FirstSubmissions(db.ChangeTracker);

        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            await SaveAsync(db, ct);
            // Who can read the rows now is asked of the saved rows, before anyone else can change them.
            await ChangeLog.NoteReadersAfterAsync(db, actor.TenantId, changes, ct);
            await WebhookOutbox.EnqueueAsync(db, actor.TenantId, changes, firstSubmissions, now, ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        foreach (var (_, e) in changes)
            feed.Publish(new ChangeEvent(e.TenantId, e.Model, e.RecordId, e.Action, e.Version, e.ChangedFields, e.ActorId, actor.Channel, e.At, e.Id));
    }

    /// The tracked rows, those named in <paramref name="order"/> last and in its order (a stable sort keeps the rest as tracked).
    private static IEnumerable<EntityEntry<TenantEntity>> InOrder(List<EntityEntry<TenantEntity>> entries, IReadOnlyList<TenantEntity>? order)
    {
        if (order is null) return entries;
        var rank = new Dictionary<TenantEntity, int>(ReferenceEqualityComparer.Instance);
        foreach (var row in order) rank.TryAdd(row, rank.Count);
        return entries.OrderBy(e => rank.GetValueOrDefault(e.Entity, -1));
    }

    private static (AuditAction, IReadOnlyList<string>)? Describe(EntityEntry<TenantEntity> entry)
    {
        var model = ModelCatalog.For(entry.Entity.GetType());
        switch (entry.State)
        {
            case EntityState.Added:
                return (AuditAction.Create, model.FieldsSetOn(entry.Entity));
            case EntityState.Deleted:
                return (AuditAction.Delete, []);
            case EntityState.Modified:
                var changed = entry.Properties.Where(p => p.IsModified)
                    .Select(p => model.FieldForProperty(p.Metadata.Name)?.Name).OfType<string>().ToList();
                if (changed.Count > 0) return (AuditAction.Update, changed);
                entry.State = EntityState.Unchanged; // only derived columns moved: nothing the world can see changed
                return null;
            default:
                return null;
        }
    }

    private static async Task SaveAsync(AtsDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            // Someone else wrote a row between our read and our save.
            var entry = ex.Entries[0];
            var model = ModelCatalog.For(entry.Entity.GetType());
            var id = ((TenantEntity)entry.Entity).Id;
            var current = await entry.GetDatabaseValuesAsync(ct);
            throw current is null ? new NotFoundException(model.Name, id)
                : new ConcurrencyException(model.Name, id, current.GetValue<int>(nameof(Entity.Version)));
        }
        catch (DbUpdateException)
        {
            // A unique index or a foreign key caught what validation could not see (two writers at once).
            throw new ConflictException();
        }
    }
}
