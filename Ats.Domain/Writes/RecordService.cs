using Ats.Domain.Audit;
using Ats.Domain.Common;
using Ats.Domain.Data;
using Ats.Domain.Models;
using Microsoft.EntityFrameworkCore;

namespace Ats.Domain.Writes;

/// The one write path for the public models. Every surface (UI, REST, WebSocket, MCP, /v1) calls this:
/// actor → scope and access rules → model rules and validation → save with a version check, with the
/// audit entry in the same transaction → change event after commit.
public sealed class RecordService(IDbContextFactory<AtsDbContext> dbFactory, ChangeFeed feed, TimeProvider clock, RulesRegistry rules)
{
    public async Task<T> CreateAsync<T>(Actor actor, T row, CancellationToken ct = default) where T : TenantEntity
    {
        var model = ModelCatalog.For<T>();
        AccessRules.RequireScope(actor, model, write: true);
        await using var db = await OpenAsync(actor, ct);
        var now = Now;
        row.TenantId = actor.TenantId;
        row.CreatedAt = row.UpdatedAt = now;
        row.Version = 1;
        db.Entry(row).State = EntityState.Added; // this row only, never a graph hanging off navigation properties

        var context = new WriteContext(actor, db, now, WriteKind.Create);
        await ApplyRulesAsync(model, row, context, ct);
        var fields = model.FieldsSetOn(row);
        AuditLog.Record(db, actor, model.Name, row.Id, AuditAction.Create, fields, now);
        await SaveAsync(db, model, row, ct);
        Publish(actor, model, row, AuditAction.Create, fields, now);
        return row;
    }

    /// Applies <paramref name="change"/> to the stored row. With <paramref name="expectedVersion"/> a row changed
    /// by someone else since is refused; an update that changes nothing writes nothing.
    public async Task<T> UpdateAsync<T>(Actor actor, Guid id, int? expectedVersion, Action<T> change, CancellationToken ct = default)
        where T : TenantEntity
    {
        var model = ModelCatalog.For<T>();
        AccessRules.RequireScope(actor, model, write: true);
        await using var db = await OpenAsync(actor, ct);
        var row = await LoadAsync<T>(actor, db, model, id, expectedVersion, ct);
        var (tenant, created, version) = (row.TenantId, row.CreatedAt, row.Version);

        change(row);
        (row.Id, row.TenantId, row.CreatedAt, row.Version) = (id, tenant, created, version); // server-owned
        db.ChangeTracker.DetectChanges();

        var now = Now;
        var context = new WriteContext(actor, db, now, WriteKind.Update);
        await ApplyRulesAsync(model, row, context, ct);
        db.ChangeTracker.DetectChanges();
        var changed = db.Entry(row).Properties.Where(p => p.IsModified)
            .Select(p => model.FieldForProperty(p.Metadata.Name)?.Name).OfType<string>().ToList();
        if (changed.Count == 0) return row;

        row.Version = version + 1;
        row.UpdatedAt = now;
        AuditLog.Record(db, actor, model.Name, row.Id, AuditAction.Update, changed, now);
        await SaveAsync(db, model, row, ct);
        Publish(actor, model, row, AuditAction.Update, changed, now);
        return row;
    }

    public async Task DeleteAsync<T>(Actor actor, Guid id, int? expectedVersion, CancellationToken ct = default) where T : TenantEntity
    {
        var model = ModelCatalog.For<T>();
        AccessRules.RequireScope(actor, model, write: true);
        await using var db = await OpenAsync(actor, ct);
        var row = await LoadAsync<T>(actor, db, model, id, expectedVersion, ct);
        var now = Now;
        var errors = new ValidationErrors();
        await rules.For<T>().ValidateDeleteAsync(row, new WriteContext(actor, db, now, WriteKind.Delete), errors, ct);
        errors.ThrowIfAny();

        db.Remove(row);
        AuditLog.Record(db, actor, model.Name, row.Id, AuditAction.Delete, [], now);
        await SaveAsync(db, model, row, ct);
        Publish(actor, model, row, AuditAction.Delete, [], now);
    }

    /// Runs a read over the rows the actor may see (tenant, role rules, token scope), untracked.
    public async Task<TResult> ReadAsync<T, TResult>(Actor actor, Func<IQueryable<T>, AtsDbContext, Task<TResult>> query,
        CancellationToken ct = default) where T : TenantEntity
    {
        AccessRules.RequireScope(actor, ModelCatalog.For<T>(), write: false);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.TenantId = actor.TenantId;
        return await query(db.Set<T>().AsNoTracking().Readable(actor, db), db);
    }

    public Task<T?> FindAsync<T>(Actor actor, Guid id, CancellationToken ct = default) where T : TenantEntity =>
        ReadAsync<T, T?>(actor, (rows, _) => rows.FirstOrDefaultAsync(r => r.Id == id, ct), ct);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private async Task<AtsDbContext> OpenAsync(Actor actor, CancellationToken ct)
    {
        var db = await dbFactory.CreateDbContextAsync(ct);
        db.TenantId = actor.TenantId;
        // A circuit or token can outlive its user's deactivation: check on every write.
        if (actor.UserId is { } userId && !await db.Users.AnyAsync(u => u.Id == userId && u.TenantId == actor.TenantId && u.IsActive, ct))
        {
            await db.DisposeAsync();
            throw ForbiddenException.Inactive();
        }
        return db;
    }

    private static async Task<T> LoadAsync<T>(Actor actor, AtsDbContext db, ModelDescriptor model, Guid id, int? expectedVersion,
        CancellationToken ct) where T : TenantEntity
    {
        var row = await db.Set<T>().Readable(actor, db).FirstOrDefaultAsync(r => r.Id == id, ct)
            ?? throw new NotFoundException(model.Name, id);
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

    private static async Task SaveAsync<T>(AtsDbContext db, ModelDescriptor model, T row, CancellationToken ct) where T : TenantEntity
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone else wrote the row between our read and our save.
            db.ChangeTracker.Clear();
            var current = await db.Set<T>().Where(r => r.Id == row.Id).Select(r => (int?)r.Version).FirstOrDefaultAsync(ct);
            throw current is null ? new NotFoundException(model.Name, row.Id) : new ConcurrencyException(model.Name, row.Id, current.Value);
        }
        catch (DbUpdateException)
        {
            // A unique index caught what validation could not see (two writers at once).
            throw new ConflictException();
        }
    }

    private void Publish(Actor actor, ModelDescriptor model, TenantEntity row, AuditAction action, IReadOnlyList<string> fields, DateTime at) =>
        feed.Publish(new ChangeEvent(actor.TenantId, model.Name, row.Id, action, row.Version, fields, actor.UserId, actor.Channel, at));
}
