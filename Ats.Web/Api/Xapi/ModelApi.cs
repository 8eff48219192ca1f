using System.Text.Json.Nodes;
using Ats.Domain.Common;
using Ats.Domain.Models;
using Ats.Domain.Writes;
using Microsoft.EntityFrameworkCore;

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

public sealed class ModelApi<T>(RecordService records) : IModelApi where T : TenantEntity, new()
{
    private static readonly ModelDescriptor Model = ModelCatalog.For<T>();

    public async Task<IResult> ListAsync(HttpContext http)
    {
        var query = ListQuery.Parse(Model, http.Request.Query);
        var (rows, total) = await records.ReadAsync<T, (List<T>, int?)>(http.Actor(), async (all, reads) =>
        {
            var filtered = query.Apply(all, reads);
            var page = await filtered.Skip(query.Offset).Take(query.Limit + 1).ToListAsync(http.RequestAborted);
            int? count = query.Count ? await filtered.CountAsync(http.RequestAborted) : null;
            return (page, count);
        }, http.RequestAborted);

        return new ListResult(rows.Take(query.Limit).ToList(), query, rows.Count > query.Limit, total);
    }

    /// {"data":[…],"meta":{…}} written straight to the response.
    private sealed class ListResult(List<T> rows, ListQuery query, bool hasMore, int? total) : IResult
    {
        public async Task ExecuteAsync(HttpContext http)
        {
            http.Response.ContentType = "application/json; charset=utf-8";
            await using var writer = new System.Text.Json.Utf8JsonWriter(http.Response.BodyWriter);
            writer.WriteStartObject();
            writer.WriteStartArray("data");
            foreach (var row in rows) Model.WriteWire(writer, row);
            writer.WriteEndArray();
            writer.WriteStartObject("meta");
            writer.WriteNumber("limit", query.Limit);
            writer.WriteNumber("offset", query.Offset);
            writer.WriteBoolean("has_more", hasMore);
            if (total is { } count) writer.WriteNumber("total", count);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }
    }

    public async Task<IResult> GetAsync(HttpContext http, Guid id)
    {
        ListQuery.Allow(http.Request.Query);
        var row = await records.FindAsync<T>(http.Actor(), id, http.RequestAborted) ?? throw new NotFoundException(Model.Name, id);
        return Object(http, row);
    }

    public async Task<IResult> CreateAsync(HttpContext http)
    {
        ListQuery.Allow(http.Request.Query);
        var body = await JsonBody.ReadAsync(http.Request);
        var row = new T();
        JsonBody.Apply(Model, body, row, isCreate: true);
        var created = await records.CreateAsync(http.Actor(), row, http.RequestAborted);
        http.Response.Headers.Location = $"/xapi2/data/{Model.Name}/{created.Id}";
        return Object(http, created, StatusCodes.Status201Created);
    }

    public async Task<IResult> UpdateAsync(HttpContext http, Guid id)
    {
        ListQuery.Allow(http.Request.Query, "confirm");
        var body = await JsonBody.ReadAsync(http.Request);
        // Check the body before touching the row, so a bad field is reported as such and not as a conflict.
        JsonBody.Apply(Model, body, new T(), isCreate: false);
        var updated = await records.UpdateAsync<T>(http.Actor(), id, IfMatch.Version(http), row => JsonBody.Apply(Model, body, row, isCreate: false),
            Confirmed(http), http.RequestAborted);
        return Object(http, updated);
    }

    public async Task<IResult> DeleteAsync(HttpContext http, Guid id)
    {
        ListQuery.Allow(http.Request.Query);
        await records.DeleteAsync<T>(http.Actor(), id, IfMatch.Version(http), http.RequestAborted);
        return Results.NoContent();
    }

    /// ?confirm=true: the caller confirms a change the rules otherwise refuse, such as taking a card out of a final stage.
    private static bool Confirmed(HttpContext http) => ListQuery.Flag(http.Request.Query, "confirm");

    private static IResult Object(HttpContext http, T row, int status = StatusCodes.Status200OK)
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
