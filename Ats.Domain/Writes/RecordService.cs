using Ats.Domain.Common;
using Ats.Domain.Data;
using Ats.Domain.Models;
using Microsoft.EntityFrameworkCore;

namespace Ats.Domain.Writes;

/// The one write path for the public models. Every surface (UI, REST, WebSocket, MCP, /v1) calls this:
/// actor → scope and access rules → model rules and validation → save with a version check. Below the save the
/// <see cref="WriteJournal"/> adds the audit entries, change log and webhook deliveries, and publishes after the commit.
public sealed class RecordService(IDbContextFactory<AtsDbContext> dbFactory, TimeProvider clock, RulesRegistry rules)
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
        await CommitAsync(db, ct);
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
        await CommitAsync(db, ct);
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
        await CommitAsync(db, ct, taken);
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

    private Task<AtsDbContext> OpenAsync(Actor actor, CancellationToken ct) => dbFactory.OpenAsync(actor, ct);

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

    /// Saves the write. The journal below every save audits and logs each row it touched (cascades included) and
    /// queues its webhook deliveries in one transaction, then publishes. <paramref name="order"/>: a delete's rows,
    /// each after what hung on it, so that a child's delete event comes before its parent's.
    private static async Task CommitAsync(AtsDbContext db, CancellationToken ct, IReadOnlyList<TenantEntity>? order = null)
    {
        db.WriteOrder = order;
        await SaveAsync(db, ct);
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
