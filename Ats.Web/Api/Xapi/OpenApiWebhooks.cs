using System.Text.Json.Nodes;
using Ats.Domain.Webhooks;

namespace Ats.Web.Api.Xapi;

/// The /xapi2/webhooks part of the OpenAPI document.
public static class OpenApiWebhooks
{
    public static void Add(JsonObject paths, JsonObject schemas)
    {
        schemas["webhook"] = Webhook(withSecret: false);
        schemas["webhook_with_secret"] = Webhook(withSecret: true);
        schemas["webhook_create"] = Input(["url", "events"]);
        schemas["webhook_update"] = Input([]);
        schemas["webhook_delivery"] = Delivery();
        var id = new JsonArray(new JsonObject { ["$ref"] = "#/components/parameters/id" });
        paths["/xapi2/webhooks"] = new JsonObject
        {
            ["get"] = Op("webhook_list", "List the organisation's webhook endpoints", WebhookService.ReadScope, "200",
                Response("The endpoints, oldest first.", Obj(new JsonObject { ["data"] = Array(Ref("webhook")) }, ["data"]))),
            ["post"] = Op("webhook_create", "Create a webhook endpoint; its signing secret is in this answer only", WebhookService.WriteScope, "201",
                Response("Created; Location names it.", Ref("webhook_with_secret")), Body("webhook_create")),
        };
        paths["/xapi2/webhooks/{id}"] = new JsonObject
        {
            ["parameters"] = id.DeepClone(),
            ["get"] = Op("webhook_get", "Read one webhook endpoint (never its secret)", WebhookService.ReadScope, "200", Response("The endpoint.", Ref("webhook"))),
            ["patch"] = Op("webhook_update", "Change an endpoint; active=true also clears a disabled endpoint and sends what waited", WebhookService.WriteScope, "200",
                Response("The endpoint.", Ref("webhook")), Body("webhook_update")),
            ["delete"] = Op("webhook_delete", "Delete an endpoint and its delivery log", WebhookService.WriteScope, "204", new JsonObject { ["description"] = "Deleted." }),
        };
        paths["/xapi2/webhooks/{id}/rotate-secret"] = new JsonObject
        {
            ["parameters"] = id.DeepClone(),
            ["post"] = Op("webhook_rotate_secret", "A new signing secret (in this answer only); each replaced one keeps signing for 24 hours after it was replaced", WebhookService.WriteScope, "200",
                Response("The endpoint with its new secret.", Ref("webhook_with_secret"))),
        };
        paths["/xapi2/webhooks/{id}/deliveries"] = new JsonObject
        {
            ["parameters"] = id.DeepClone(),
            ["get"] = Op("webhook_deliveries", "The endpoint's delivery log, newest first", WebhookService.ReadScope, "200",
                Response("A page of deliveries.", Obj(new JsonObject
                {
                    ["data"] = Array(Ref("webhook_delivery")),
                    ["meta"] = Obj(new JsonObject { ["limit"] = Type("integer"), ["offset"] = Type("integer"), ["has_more"] = Type("boolean") }, ["limit", "offset", "has_more"]),
                }, ["data", "meta"])),
                parameters: new JsonArray(
                    Query("limit", new JsonObject { ["type"] = "integer", ["minimum"] = 1, ["maximum"] = 200, ["default"] = 50 }, "Page size."),
                    Query("offset", new JsonObject { ["type"] = "integer", ["minimum"] = 0, ["default"] = 0 }, "Deliveries to skip."))),
        };
        paths["/xapi2/webhooks/{id}/deliveries/{delivery_id}/redeliver"] = new JsonObject
        {
            ["parameters"] = new JsonArray(new JsonObject { ["$ref"] = "#/components/parameters/id" },
                new JsonObject { ["name"] = "delivery_id", ["in"] = "path", ["required"] = true, ["description"] = "The delivery (its webhook-id).", ["schema"] = new JsonObject { ["type"] = "string", ["format"] = "uuid" } }),
            ["post"] = Op("webhook_redeliver", "Send a delivery again: same webhook-id and body, a fresh series of attempts", WebhookService.WriteScope, "202",
                Response("Queued.", Ref("webhook_delivery"))),
        };
    }

    private static JsonObject Op(string id, string summary, string scope, string status, JsonObject response, JsonObject? body = null, JsonArray? parameters = null)
    {
        var operation = new JsonObject
        {
            ["operationId"] = id,
            ["tags"] = new JsonArray("webhooks"),
            ["summary"] = summary,
            ["description"] = $"For admins: a JWT from /xapi2/auth/token, or a personal access token of an admin with the scope {scope}. "
                + "Creating, changing url or events, and redelivering also need the read scopes of every model the endpoint carries.",
            ["responses"] = new JsonObject { [status] = response, ["default"] = new JsonObject { ["$ref"] = "#/components/responses/problem" } },
        };
        if (parameters is not null) operation["parameters"] = parameters;
        if (body is not null) operation["requestBody"] = body;
        return operation;
    }

    private static JsonObject Webhook(bool withSecret)
    {
        var properties = new JsonObject
        {
            ["id"] = new JsonObject { ["type"] = "string", ["format"] = "uuid" },
            ["url"] = new JsonObject { ["type"] = "string", ["format"] = "uri" },
            ["description"] = Type("string"),
            ["events"] = Array(Type("string")),
            ["active"] = Type("boolean"),
            ["disabled_at"] = Time(true),
            ["disabled_reason"] = new JsonObject { ["type"] = new JsonArray("string", "null"), ["enum"] = new JsonArray(WebhookDispatcher.Gone, WebhookDispatcher.Failing, null) },
            ["failing_since"] = Time(true),
            ["previous_secret_expires_at"] = Time(true, "When the last replaced secret still signing stops."),
            ["last_delivery_status"] = new JsonObject { ["type"] = new JsonArray("string", "null"), ["enum"] = new JsonArray("pending", "delivered", "failed", null) },
            ["last_delivery_at"] = Time(true),
            ["created_at"] = Time(false),
            ["updated_at"] = Time(false),
        };
        if (withSecret) properties["secret"] = new JsonObject { ["type"] = "string", ["description"] = "whsec_…: shown in this answer only." };
        return Obj(properties, withSecret ? ["id", "url", "events", "active", "secret"] : ["id", "url", "events", "active"]);
    }

    private static JsonObject Input(string[] required)
    {
        var schema = Obj(new JsonObject
        {
            ["url"] = new JsonObject { ["type"] = "string", ["format"] = "uri", ["maxLength"] = WebhookTargets.MaxUrlLength, ["description"] = "A public http(s) address." },
            ["events"] = Array(new JsonObject { ["type"] = "string", ["enum"] = new JsonArray([.. WebhookService.EventTypes.Append(WebhookService.All).Select(e => (JsonNode)e)]) }),
            ["description"] = new JsonObject { ["type"] = new JsonArray("string", "null"), ["maxLength"] = WebhookService.MaxDescription },
            ["active"] = Type("boolean"),
        }, required);
        if (required.Length > 0) schema["properties"]!.AsObject().Remove("active");
        schema["additionalProperties"] = false;
        return schema;
    }

    private static JsonObject Delivery() => Obj(new JsonObject
    {
        ["id"] = new JsonObject { ["type"] = "string", ["format"] = "uuid", ["description"] = "The webhook-id header." },
        ["event_id"] = new JsonObject { ["type"] = "string", ["description"] = "The change's event_id (as on the WebSocket)." },
        ["event_type"] = Type("string"),
        ["status"] = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray("pending", "delivered", "failed") },
        ["attempts"] = Type("integer"),
        ["created_at"] = Time(false),
        ["next_attempt_at"] = Time(true),
        ["last_attempt_at"] = Time(true),
        ["last_status_code"] = new JsonObject { ["type"] = new JsonArray("integer", "null") },
        ["last_duration_ms"] = new JsonObject { ["type"] = new JsonArray("integer", "null") },
        ["last_response"] = new JsonObject { ["type"] = new JsonArray("string", "null"), ["description"] = "The first 1000 characters of the answer, or why there was none." },
        ["delivered_at"] = Time(true),
    }, ["id", "event_id", "event_type", "status", "attempts", "created_at"]);

    private static JsonObject Obj(JsonObject properties, string[] required)
    {
        var schema = new JsonObject { ["type"] = "object", ["properties"] = properties };
        if (required.Length > 0) schema["required"] = new JsonArray([.. required.Select(r => (JsonNode)r)]);
        return schema;
    }

    private static JsonObject Type(string type) => new() { ["type"] = type };
    private static JsonObject Time(bool nullable, string? description = null)
    {
        var schema = new JsonObject { ["type"] = nullable ? new JsonArray("string", "null") : "string", ["format"] = "date-time" };
        if (description is not null) schema["description"] = description;
        return schema;
    }
    private static JsonObject Array(JsonObject items) => new() { ["type"] = "array", ["items"] = items };
    private static JsonObject Ref(string schema) => new() { ["$ref"] = $"#/components/schemas/{schema}" };

    private static JsonObject Body(string schema) => new()
    {
        ["required"] = true,
        ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = Ref(schema) } },
    };

    private static JsonObject Response(string description, JsonObject schema) => new()
    {
        ["description"] = description,
        ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = schema } },
    };

    private static JsonObject Query(string name, JsonObject schema, string description) => new()
    {
        ["name"] = name, ["in"] = "query", ["required"] = false, ["description"] = description, ["schema"] = schema,
    };
}
