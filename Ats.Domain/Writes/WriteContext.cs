using Ats.Domain.Common;
using Ats.Domain.Data;
using Ats.Domain.Resources;
using Microsoft.EntityFrameworkCore;

namespace Ats.Domain.Writes;

public enum WriteKind { Create, Update, Delete }

/// What a model's rules may look at while a write is under way.
public sealed record WriteContext(Actor Actor, AtsDbContext Db, DateTime Now, WriteKind Kind)
{
    public bool IsCreate => Kind == WriteKind.Create;

    /// The person confirmed a change the rules ask them to think twice about (such as reopening a hired card).
    public bool Confirmed { get; init; }

    /// True when the property differs from the stored row (always true on create).
    public bool Changed<T>(T row, string property) where T : TenantEntity =>
        IsCreate || Db.Entry(row).Property(property).IsModified;

    /// Rows of <typeparamref name="TRef"/> this actor may read, for reference checks.
    public IQueryable<TRef> Readable<TRef>() where TRef : TenantEntity => Db.Set<TRef>().AsNoTracking().Readable(Actor, Db);

    /// Like <see cref="RequireReadableAsync{TRef}"/>, checked only when the property changed.
    public Task RequireReferenceAsync<TRef>(TenantEntity row, string property, string field, Guid? id,
        ValidationErrors errors, CancellationToken ct) where TRef : TenantEntity =>
        Changed(row, property) ? RequireReadableAsync<TRef>(id, field, errors, ct) : Task.CompletedTask;

    /// Adds an error unless the row exists and the actor may read it (no id: nothing to check).
    public async Task RequireReadableAsync<TRef>(Guid? id, string field, ValidationErrors errors, CancellationToken ct) where TRef : TenantEntity
    {
        if (id is not { } value || value == Guid.Empty || errors.Has(field)) return;
        if (!await Readable<TRef>().AnyAsync(r => r.Id == value, ct)) errors.Add(field, Messages.UnknownReference);
    }

    /// Adds an error unless every id is an active user of this tenant.
    public async Task RequireUsersAsync(IReadOnlyCollection<Guid> ids, string field, ValidationErrors errors, CancellationToken ct)
    {
        if (ids.Count == 0) return;
        var distinct = ids.Distinct().ToList();
        var found = await Db.Users.CountAsync(u => distinct.Contains(u.Id) && u.TenantId == Actor.TenantId && u.IsActive, ct);
        if (found != distinct.Count) errors.Add(field, Messages.UnknownUser);
    }
}
