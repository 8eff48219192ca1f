using Ats.Domain.Common;
using Ats.Domain.Models;
using Ats.Domain.Writes;
using Ats.Web.Api.Access;
using Ats.Web.Api.Operations;

namespace Ats.Web.Api.Xapi;

/// CRUD for one model over /xapi2/data/{model}, driven by its descriptor and written through the domain's one write path.
public interface IModelApi
{
    Task<IResult> ListAsync(HttpContext http);
    Task<IResult> GetAsync(HttpContext http, Guid id);
    Task<IResult> CreateAsync(HttpContext http);
    Task<IResult> UpdateAsync(HttpContext http, Guid id);
    Task<IResult> DeleteAsync(HttpContext http, Guid id);
}

public sealed class ModelApi<T>(ModelOperations<T> operations) : IModelApi where T : TenantEntity, new()
{
    private static readonly ModelDescriptor Model = ModelCatalog.For<T>();

    public async Task<IResult> ListAsync(HttpContext http)
    {
        var query = ListQuery.Parse(Model, http.Request.Query);
        return new ListResult(await operations.ListAsync(http.Actor(), query, http.RequestAborted), query);
    }

    /// {"data":[…],"meta":{…}} written straight to the response.
    private sealed class ListResult(ListPage page, ListQuery query) : IResult
    {
        public async Task ExecuteAsync(HttpContext http)
        {
            http.Response.ContentType = "application/json; charset=utf-8";
            await using var writer = new System.Text.Json.Utf8JsonWriter(http.Response.BodyWriter);
            ListJson.Write(writer, Model, page, query);
        }
    }

    public async Task<IResult> GetAsync(HttpContext http, Guid id)
    {
        ListQuery.Allow(http.Request.Query);
        return Object(http, await operations.GetAsync(http.Actor(), id, http.RequestAborted));
    }

    public async Task<IResult> CreateAsync(HttpContext http)
    {
        ListQuery.Allow(http.Request.Query);
        var body = await JsonBody.ReadAsync(http.Request);
        var created = await operations.CreateAsync(http.Actor(), body, http.RequestAborted);
        http.Response.Headers.Location = $"/xapi2/data/{Model.Name}/{created.Id}";
        return Object(http, created, StatusCodes.Status201Created);
    }

    public async Task<IResult> UpdateAsync(HttpContext http, Guid id)
    {
        ListQuery.Allow(http.Request.Query, "confirm");
        var body = await JsonBody.ReadAsync(http.Request);
        var updated = await operations.UpdateAsync(http.Actor(), id, IfMatch.Version(http), body, Confirmed(http), http.RequestAborted);
        return Object(http, updated);
    }

    public async Task<IResult> DeleteAsync(HttpContext http, Guid id)
    {
        ListQuery.Allow(http.Request.Query);
        await operations.DeleteAsync(http.Actor(), id, IfMatch.Version(http), http.RequestAborted);
        return Results.NoContent();
    }

    /// ?confirm=true: the caller confirms a change the rules otherwise refuse, such as taking a card out of a final stage.
    private static bool Confirmed(HttpContext http) => ListQuery.Flag(http.Request.Query, "confirm");

    private static IResult Object(HttpContext http, TenantEntity row, int status = StatusCodes.Status200OK)
    {
        http.Response.Headers.ETag = IfMatch.ETag(row.Version);
        return Results.Json(Model.ToWire(row), statusCode: status);
    }
}

/// Optimistic concurrency over HTTP: ETag "3" is version 3; If-Match with an older version gets 412 and writes nothing.
public static class IfMatch
{
    private static readonly object Key = new();

    public static string ETag(int version) => $"\"{version}\"";

    public static int? Version(HttpContext http)
    {
        var header = http.Request.Headers.IfMatch.ToString().Trim();
        if (header.Length == 0 || header == "*") return null;
        var tag = header.StartsWith("W/", StringComparison.Ordinal) ? header[2..] : header;
        if (tag.Length < 3 || tag[0] != '"' || tag[^1] != '"' || !int.TryParse(tag[1..^1], out var version) || version < 1)
            throw new BodyException(400, "invalid_header", "If-Match must be an ETag from an earlier response, such as \"3\".");
        http.Items[Key] = true;
        return version;
    }

    public static bool WasSent(HttpContext http) => http.Items.ContainsKey(Key);
}
