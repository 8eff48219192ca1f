using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ats.Domain.Data;
using Ats.Domain.Webhooks;
using Ats.Web.Api.Access;
using Ats.Web.Api.Operations;

namespace Ats.Web.Api.Xapi;

/// /xapi2/webhooks: endpoints and their delivery logs, for admins (a PAT needs webhook:read or webhook:write).
public static class WebhookApi
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapMethods("", Read, async (HttpContext http, WebhookService webhooks) =>
        {
            NoQuery(http);
            var list = await webhooks.ListAsync(http.Actor(), http.RequestAborted);
            return Results.Json(new JsonObject { ["data"] = new JsonArray([.. list.Select(ToJson)]) });
        });
        group.MapPost("", CreateAsync);
        group.MapMethods("/{id}", Read, async (string id, HttpContext http, WebhookService webhooks) =>
        {
            NoQuery(http);
            return Results.Json(ToJson(await webhooks.GetAsync(http.Actor(), ParseId(id), http.RequestAborted)));
        });
        group.MapPatch("/{id}", UpdateAsync);
        group.MapDelete("/{id}", async (string id, HttpContext http, WebhookService webhooks) =>
        {
            NoQuery(http);
            await webhooks.DeleteAsync(http.Actor(), ParseId(id), http.RequestAborted);
            return Results.NoContent();
        });
        group.MapPost("/{id}/rotate-secret", async (string id, HttpContext http, WebhookService webhooks) =>
        {
            NoQuery(http);
            return WithSecret(http, await webhooks.RotateSecretAsync(http.Actor(), ParseId(id), http.RequestAborted), StatusCodes.Status200OK);
        });
        group.MapMethods("/{id}/deliveries", Read, DeliveriesAsync);
        group.MapPost("/{id}/deliveries/{deliveryId}/redeliver", async (string id, string deliveryId, HttpContext http, WebhookService webhooks) =>
        {
            NoQuery(http);
            var delivery = await webhooks.RedeliverAsync(http.Actor(), ParseId(id), ParseId(deliveryId), http.RequestAborted);
            return Results.Json(ToJson(delivery), statusCode: StatusCodes.Status202Accepted);
        });
    }

    private static readonly string[] Read = [HttpMethods.Get, HttpMethods.Head];
    private static readonly string[] CreateFields = ["url", "events", "description"];
    private static readonly string[] UpdateFields = ["url", "events", "description", "active"];

    private static async Task<IResult> CreateAsync(HttpContext http, WebhookService webhooks)
    {
        NoQuery(http);
        var body = await Body(http, CreateFields);
        foreach (var required in new[] { "url", "events" })
            if (!body.ContainsKey(required))
                throw new BodyException(400, "missing_field", $"'{required}' is required.", new Dictionary<string, string[]> { [required] = ["Required."] });
        var created = await webhooks.CreateAsync(http.Actor(), Text(body, "url"), Events(body), Text(body, "description"), http.RequestAborted);
        http.Response.Headers.Location = $"/xapi2/webhooks/{created.Webhook.Id}";
        return WithSecret(http, created, StatusCodes.Status201Created);
    }

    private static async Task<IResult> UpdateAsync(string id, HttpContext http, WebhookService webhooks)
    {
        NoQuery(http);
        var endpointId = ParseId(id);
        var body = await Body(http, UpdateFields);
        bool? active = body["active"] switch
        {
            null when !body.ContainsKey("active") => null,
            { } node when node.GetValueKind() is JsonValueKind.True or JsonValueKind.False => node.GetValue<bool>(),
            _ => throw Invalid("active", "true or false"),
        };
        var change = new WebhookChange(Text(body, "url"), Events(body), Text(body, "description"), active);
        return Results.Json(ToJson(await webhooks.UpdateAsync(http.Actor(), endpointId, change, http.RequestAborted)));
    }

    private static async Task<IResult> DeliveriesAsync(string id, HttpContext http, WebhookService webhooks)
    {
        var query = http.Request.Query;
        if (query.Keys.FirstOrDefault(k => k is not ("limit" or "offset")) is { } unknown)
            throw new BodyException(400, "unknown_parameter", $"Unknown parameter '{unknown}'. Use limit and offset.");
        var limit = Number(http, "limit", 50, 1, 200);
        var offset = Number(http, "offset", 0, 0, int.MaxValue);
        var (deliveries, hasMore) = await webhooks.DeliveriesAsync(http.Actor(), ParseId(id), limit, offset, http.RequestAborted);
        return Results.Json(new JsonObject
        {
            ["data"] = new JsonArray([.. deliveries.Select(ToJson)]),
            ["meta"] = new JsonObject { ["limit"] = limit, ["offset"] = offset, ["has_more"] = hasMore },
        });
    }

    private static int Number(HttpContext http, string name, int fallback, int min, int max)
    {
        var values = http.Request.Query[name];
        if (values.Count == 0) return fallback;
        return values.Count == 1 && int.TryParse(values[0], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? n : throw new BodyException(400, "invalid_parameter", $"'{name}' must be a whole number from {min} to {max}.");
    }

    private static void NoQuery(HttpContext http)
    {
        if (http.Request.Query.Count > 0)
            throw new BodyException(400, "unknown_parameter", $"Unknown parameter '{http.Request.Query.Keys.First()}'.");
    }

    private static async Task<JsonObject> Body(HttpContext http, string[] fields)
    {
        var body = await JsonBody.ReadAsync(http.Request);
        if (body.Select(p => p.Key).FirstOrDefault(k => !fields.Contains(k)) is { } unknown)
            throw new BodyException(400, "unknown_field", $"Unknown field '{unknown}'. Fields: {string.Join(", ", fields)}.",
                new Dictionary<string, string[]> { [unknown] = ["Unknown field."] });
        return body;
    }

    /// A string, or null when absent (left as it is); JSON null counts as absent only for the description.
    private static string? Text(JsonObject body, string name) => body[name] switch
    {
        null when !body.ContainsKey(name) => null,
        null when name == "description" => "",
        { } node when node.GetValueKind() == JsonValueKind.String => node.GetValue<string>(),
        _ => throw Invalid(name, "a string"),
    };

    private static List<string>? Events(JsonObject body) => body["events"] switch
    {
        null when !body.ContainsKey("events") => null,
        JsonArray list when list.All(e => e?.GetValueKind() == JsonValueKind.String) => [.. list.Select(e => e!.GetValue<string>())],
        _ => throw Invalid("events", "an array of event types such as \"candidate.created\", or [\"*\"]"),
    };

    private static BodyException Invalid(string field, string expected) =>
        new(400, "invalid_type", $"'{field}' must be {expected}.", new Dictionary<string, string[]> { [field] = [$"Expected {expected}."] });

    private static Guid ParseId(string id) =>
        Guid.TryParse(id, out var value) ? value : throw new BodyException(400, "invalid_id", $"'{id}' is not a UUID.");

    /// The secret is in this answer only; no cache on the way may keep it.
    private static IResult WithSecret(HttpContext http, WebhookWithSecret created, int status)
    {
        var json = ToJson(created.Webhook);
        json["secret"] = created.Secret;
        http.Response.Headers.CacheControl = "no-store";
        return Results.Json(json, statusCode: status);
    }

    private static JsonObject ToJson(WebhookView w) => new()
    {
        ["id"] = w.Id,
        ["url"] = w.Url,
        ["description"] = w.Description,
        ["events"] = new JsonArray([.. w.Events.Select(e => (JsonNode)e)]),
        ["active"] = w.Active,
        ["disabled_at"] = w.DisabledAt,
        ["disabled_reason"] = w.DisabledReason,
        ["failing_since"] = w.FailingSince,
        ["previous_secret_expires_at"] = w.PreviousSecretExpiresAt,
        ["last_delivery_status"] = w.LastDeliveryStatus is { } status ? SnakeCase<DeliveryStatus>.Name(status) : null,
        ["last_delivery_at"] = w.LastDeliveryAt,
        ["created_at"] = w.CreatedAt,
        ["updated_at"] = w.UpdatedAt,
    };

    private static JsonObject ToJson(DeliveryView d) => new()
    {
        ["id"] = d.Id,
        ["event_id"] = d.EventId.ToString(CultureInfo.InvariantCulture),
        ["event_type"] = d.EventType,
        ["status"] = SnakeCase<DeliveryStatus>.Name(d.Status),
        ["attempts"] = d.Attempts,
        ["created_at"] = d.CreatedAt,
        ["next_attempt_at"] = d.NextAttemptAt,
        ["last_attempt_at"] = d.LastAttemptAt,
        ["last_status_code"] = d.LastStatusCode,
        ["last_duration_ms"] = d.LastDurationMs,
        ["last_response"] = d.LastResponse,
        ["delivered_at"] = d.DeliveredAt,
    };
}
