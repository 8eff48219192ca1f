using System.Text.Json.Nodes;
using Ats.Domain.Common;
using Ats.Domain.Models;
using Ats.Domain.Writes;
using Microsoft.EntityFrameworkCore;

namespace Ats.Web.Api.Operations;

/// A page of a list: the rows, whether more follow, and the total when it was asked for.
public sealed record ListPage(IReadOnlyList<TenantEntity> Rows, bool HasMore, int? Total);

/// The CRUD of one model, independent of the transport: REST and the WebSocket channel call the same operations,
/// which go through the domain's one read and write path.
public interface IModelOperations
{
    ModelDescriptor Model { get; }
    Task<ListPage> ListAsync(Actor actor, ListQuery query, CancellationToken ct);
    Task<TenantEntity> GetAsync(Actor actor, Guid id, CancellationToken ct);
    Task<TenantEntity> CreateAsync(Actor actor, JsonObject body, CancellationToken ct);
    Task<TenantEntity> UpdateAsync(Actor actor, Guid id, int? expectedVersion, JsonObject body, bool confirmed, CancellationToken ct);
    Task DeleteAsync(Actor actor, Guid id, int? expectedVersion, CancellationToken ct);
    /// The rows among <paramref name="ids"/> the actor may read (live events are read this way, a batch at a time).
    Task<IReadOnlyList<TenantEntity>> ReadableAsync(Actor actor, IReadOnlyCollection<Guid> ids, CancellationToken ct);
}

/// <paramref name="route"/>: the model's use cases for fields with an intent (null: every field is saved as it is).
public sealed class ModelOperations<T>(RecordService records, IUpdateRoute<T>? route = null) : IModelOperations where T : TenantEntity, new()
{
    public ModelDescriptor Model { get; } = ModelCatalog.For<T>();

    public Task<ListPage> ListAsync(Actor actor, ListQuery query, CancellationToken ct) =>
        records.ReadAsync<T, ListPage>(actor, async (all, reads) =>
        {
            var filtered = query.Apply(all, reads);
            var page = await filtered.Skip(query.Offset).Take(query.Limit + 1).ToListAsync(ct);
            int? total = query.Count ? await filtered.CountAsync(ct) : null;
            return new ListPage(page.Take(query.Limit).ToList(), page.Count > query.Limit, total);
        }, ct);

    public async Task<TenantEntity> GetAsync(Actor actor, Guid id, CancellationToken ct) =>
        await records.FindAsync<T>(actor, id, ct) ?? throw new NotFoundException(Model.Name, id);

    public async Task<TenantEntity> CreateAsync(Actor actor, JsonObject body, CancellationToken ct)
    {
        var row = new T();
        JsonBody.Apply(Model, body, row, isCreate: true);
        return await records.CreateAsync(actor, row, ct);
    }

    public async Task<TenantEntity> UpdateAsync(Actor actor, Guid id, int? expectedVersion, JsonObject body, bool confirmed, CancellationToken ct)
    {
        // Check the body before touching the row, so a bad field is reported as such and not as a conflict.
        JsonBody.Apply(Model, body, new T(), isCreate: false);
        void Apply(T row) => JsonBody.Apply(Model, body, row, isCreate: false);
        if (route is not null && body.Any(field => route.Fields.Contains(field.Key)))
            return await route.UpdateAsync(actor, id, expectedVersion, Apply, confirmed, ct);
        return await records.UpdateAsync<T>(actor, id, expectedVersion, Apply, confirmed, ct);
    }

    public Task DeleteAsync(Actor actor, Guid id, int? expectedVersion, CancellationToken ct) =>
        records.DeleteAsync<T>(actor, id, expectedVersion, ct);

    public async Task<IReadOnlyList<TenantEntity>> ReadableAsync(Actor actor, IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        await records.ReadAsync<T, List<T>>(actor, (rows, _) => rows.Where(r => ids.Contains(r.Id)).ToListAsync(ct), ct);
}
