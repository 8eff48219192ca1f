using System.Text.Json.Nodes;
using Ats.Domain.Jobs;
using Ats.Domain.Models;
using Ats.Domain.Scorecards;
using Ats.Domain.Tokens;
using Ats.Web.Api.Operations;

namespace Ats.Web.Api.Xapi;

/// /xapi2/openapi.json, generated from the model descriptors: every model, field, filter and error code.
public static class OpenApiDocument
{
    public static readonly string[] ErrorCodes =
    [
        "invalid_json", "unknown_field", "read_only_field", "invalid_type", "missing_field", "unsupported_media_type", "payload_too_large",
        "unknown_parameter", "unknown_sort_field", "invalid_parameter", "invalid_id", "invalid_header", "unknown_model", "not_found",
        "method_not_allowed", "unauthorized", "invalid_token", "token_expired", "token_revoked", "user_inactive", "invalid_credentials",
        "invalid_ticket", "ticket_used", "ticket_expired",
        "two_factor_required", "two_factor_setup_required", "too_many_attempts",
        "missing_scope", "forbidden", "not_the_author", "admin_only", "inactive_user", "validation_failed", "precondition_failed", "version_conflict",
        "conflict", "rate_limited", "internal_error", "too_many_values", "too_many_sort_keys", "too_many_members", "too_many_items",
    ];

    public static JsonObject Build()
    {
        var paths = new JsonObject();
        var schemas = new JsonObject
        {
            ["problem"] = Problem(),
            ["fit_profile"] = FitProfileSchema(),
            ["evaluation_amendment"] = AmendmentSchema(),
        };
        foreach (var model in ModelCatalog.All)
        {
            schemas[model.Name] = Schema(model, f => !f.IsWriteOnly, required: model.Fields.Where(f => !f.IsWriteOnly).Select(f => f.Name));
            schemas[$"{model.Name}_create"] = Schema(model, f => f.IsWritable, required: model.Fields.Where(f => f.IsRequired).Select(f => f.Name));
            schemas[$"{model.Name}_update"] = Schema(model, f => f.IsWritable, required: []);
            paths[$"/xapi2/data/{model.Name}"] = Collection(model);
            paths[$"/xapi2/data/{model.Name}/{{id}}"] = Item(model);
        }
        paths["/xapi2/data/offer/{id}/pdf"] = OfferLetter();
        paths["/xapi2/auth/token"] = AuthToken();
        (paths["/xapi2/tokens"], paths["/xapi2/tokens/{id}"]) = Tokens();
        paths["/xapi2/ch/ticket"] = SocketTicket();
        schemas["token"] = TokenSchema(withSecret: false);
        schemas["token_created"] = TokenSchema(withSecret: true);
        OpenApiWebhooks.Add(paths, schemas);

        return new JsonObject
        {
            ["openapi"] = "3.1.0",
            ["info"] = new JsonObject
            {
                ["title"] = "Ats REST API",
                ["version"] = "2",
                ["description"] = "Every model of Ats under /xapi2/data/{model}, with the same access rules, validation and audit as the app. "
                    + "Authenticate with a personal access token from the Integrations menu (or a short-lived JWT from /xapi2/auth/token). "
                    + "Errors are RFC 9457 problem documents with a stable code.",
                ["contact"] = new JsonObject { ["name"] = "Ats", ["url"] = "https://github.com/" },
                ["license"] = new JsonObject { ["name"] = "MIT", ["identifier"] = "MIT" },
            },
            ["servers"] = new JsonArray(new JsonObject { ["url"] = "/", ["description"] = "This installation" }),
            ["security"] = new JsonArray(new JsonObject { ["bearer"] = new JsonArray() }),
            ["tags"] = new JsonArray(ModelCatalog.All.Select(m => (JsonNode)new JsonObject { ["name"] = m.Name, ["description"] = $"The {m.Name} model." })
                .Append(new JsonObject { ["name"] = "auth", ["description"] = "Tokens." })
                .Append(new JsonObject { ["name"] = "webhooks", ["description"] = "Signed webhooks (Standard Webhooks); see docs/webhooks.md." }).ToArray()),
            ["paths"] = paths,
            ["components"] = new JsonObject
            {
                ["securitySchemes"] = new JsonObject
                {
                    ["bearer"] = new JsonObject { ["type"] = "http", ["scheme"] = "bearer", ["description"] = "pat_… token or JWT" },
                },
                ["schemas"] = schemas,
                ["responses"] = new JsonObject
                {
                    ["problem"] = new JsonObject
                    {
                        ["description"] = "A problem document; see its code.",
                        ["content"] = new JsonObject { [Problems.ContentType] = new JsonObject { ["schema"] = Ref("problem") } },
                    },
                },
                ["parameters"] = new JsonObject
                {
                    ["id"] = Parameter("id", "path", new JsonObject { ["type"] = "string", ["format"] = "uuid" }, "The row's id.", required: true),
                    ["if_match"] = Parameter("If-Match", "header", new JsonObject { ["type"] = "string" },
                        "The ETag of the version you read, e.g. \"3\"; a stale one gets 412 and nothing is written."),
                    ["confirm"] = Parameter("confirm", "query", new JsonObject { ["type"] = "boolean" },
                        "true confirms a change the rules otherwise refuse with 422: taking an application out of hired, rejected or talent_pool."),
                },
            },
        };
    }

    private static JsonObject Collection(ModelDescriptor model)
    {
        var parameters = new JsonArray(
            Parameter("limit", "query", new JsonObject { ["type"] = "integer", ["minimum"] = 1, ["maximum"] = ListQuery.MaxLimit, ["default"] = ListQuery.DefaultLimit }, "Rows per page."),
            Parameter("offset", "query", new JsonObject { ["type"] = "integer", ["minimum"] = 0, ["default"] = 0 }, "Rows to skip."),
            Parameter("sort", "query", new JsonObject { ["type"] = "string" },
                $"Comma list of at most {ListQuery.MaxSortKeys} fields, '-' for descending. Sortable: " + string.Join(", ", model.Fields.Where(f => f.IsSortable).Select(f => f.Name)) + "."),
            Parameter("count", "query", new JsonObject { ["type"] = "boolean" }, "Add meta.total (costs a count)."),
            Parameter("created_after", "query", new JsonObject { ["type"] = "string", ["format"] = "date-time" }, "Only rows created after this time."),
            Parameter("updated_after", "query", new JsonObject { ["type"] = "string", ["format"] = "date-time" }, "Only rows changed after this time."));
        if (model.Fields.Any(f => f.IsSearchable))
            parameters.Add(Parameter("q", "query", new JsonObject { ["type"] = "string", ["maxLength"] = 200 },
                "Text search over " + string.Join(", ", model.Fields.Where(f => f.IsSearchable).Select(f => f.Name)) + "."));
        foreach (var field in model.Fields.Where(f => f.IsFilterable))
            parameters.Add(Parameter(field.Name, "query", new JsonObject { ["type"] = "string" }, $"Equals any of these comma-separated values, at most {ListQuery.MaxValuesPerFilter} ({JsonBody.Describe(field.ClrType)})."));

        return new JsonObject
        {
            ["get"] = Operation(model, "list", $"List {model.Name} rows", parameters, Ok("Rows and paging.", Page(model))),
            ["post"] = Operation(model, "create", $"Create a {model.Name}", null,
                new JsonObject { ["201"] = Response("Created; Location names it.", Ref(model.Name), etag: true) }, Body($"{model.Name}_create")),
        };
    }

    private static JsonObject Item(ModelDescriptor model) => new()
    {
        ["parameters"] = new JsonArray(new JsonObject { ["$ref"] = "#/components/parameters/id" }),
        ["get"] = Operation(model, "get", $"Read a {model.Name}", null, new JsonObject { ["200"] = Response("The row.", Ref(model.Name), etag: true) }),
        // Only applications have changes that need a confirmation (leaving a final stage).
        ["patch"] = Operation(model, "update", $"Change some fields of a {model.Name}",
            model.EntityType == typeof(Ats.Domain.Pipeline.Application)
                ? new JsonArray(new JsonObject { ["$ref"] = "#/components/parameters/if_match" }, new JsonObject { ["$ref"] = "#/components/parameters/confirm" })
                : IfMatchParameter(),
            new JsonObject { ["200"] = Response("The changed row.", Ref(model.Name), etag: true) }, Body($"{model.Name}_update")),
        ["delete"] = Operation(model, "delete", $"Delete a {model.Name}", IfMatchParameter(), new JsonObject { ["204"] = new JsonObject { ["description"] = "Deleted." } }),
    };

    private static JsonObject OfferLetter() => new()
    {
        ["parameters"] = new JsonArray(new JsonObject { ["$ref"] = "#/components/parameters/id" }),
        ["get"] = new JsonObject
        {
            ["operationId"] = "offer_letter_pdf",
            ["tags"] = new JsonArray("offer"),
            ["summary"] = "The offer letter as PDF",
            ["description"] = "The letter the candidate gets when the offer is sent, in their language (needs offer:read; not for a hiring manager unless an admin allowed salaries for the job).",
            ["responses"] = new JsonObject
            {
                ["200"] = new JsonObject
                {
                    ["description"] = "The letter.",
                    ["content"] = new JsonObject { ["application/pdf"] = new JsonObject { ["schema"] = new JsonObject { ["type"] = "string", ["format"] = "binary" } } },
                },
                ["default"] = new JsonObject { ["$ref"] = "#/components/responses/problem" },
            },
        },
    };

    private static JsonObject AuthToken() => new()
    {
        ["post"] = new JsonObject
        {
            ["operationId"] = "auth_token",
            ["tags"] = new JsonArray("auth"),
            ["summary"] = "Exchange email and password for a short-lived JWT",
            ["description"] = "Returns a bearer token valid for 15 minutes that acts as the user. A user with two-factor sign-in also sends "
                + "'code' (the authenticator app's 6 digits, or a recovery code). Failed attempts slow down: 429 too_many_attempts with Retry-After.",
            ["security"] = new JsonArray(),
            ["requestBody"] = new JsonObject
            {
                ["required"] = true,
                ["content"] = new JsonObject
                {
                    ["application/json"] = new JsonObject
                    {
                        ["schema"] = Object(new JsonObject
                        {
                            ["email"] = new JsonObject { ["type"] = "string" },
                            ["password"] = new JsonObject { ["type"] = "string" },
                            ["code"] = new JsonObject { ["type"] = "string", ["description"] = "Second factor, when the user has switched it on." },
                        }, ["email", "password"]),
                    },
                },
            },
            ["responses"] = new JsonObject
            {
                ["200"] = Response("The token.", Object(new JsonObject
                {
                    ["access_token"] = new JsonObject { ["type"] = "string" },
                    ["token_type"] = new JsonObject { ["type"] = "string", ["const"] = "Bearer" },
                    ["expires_in"] = new JsonObject { ["type"] = "integer" },
                }, ["access_token", "token_type", "expires_in"])),
                ["default"] = new JsonObject { ["$ref"] = "#/components/responses/problem" },
            },
        },
    };

    private static JsonObject SocketTicket() => new()
    {
        ["post"] = new JsonObject
        {
            ["operationId"] = "socket_ticket",
            ["tags"] = new JsonArray("auth"),
            ["summary"] = "Get a single-use ticket for the WebSocket",
            ["description"] = "Open /xapi2/ch?ticket=… within 30 seconds; the ticket works once and acts as the token it was made from, "
                + "so browsers need not put the token into the URL.",
            ["responses"] = new JsonObject
            {
                ["200"] = Response("The ticket.", Object(new JsonObject
                {
                    ["ticket"] = new JsonObject { ["type"] = "string" },
                    ["expires_at"] = new JsonObject { ["type"] = "string", ["format"] = "date-time" },
                }, ["ticket", "expires_at"])),
                ["default"] = new JsonObject { ["$ref"] = "#/components/responses/problem" },
            },
        },
    };

    /// Token management: admins signed in with a JWT (a personal access token cannot manage tokens).
    private static (JsonObject Collection, JsonObject Item) Tokens()
    {
        static JsonObject Op(string id, string summary, JsonObject responses, JsonObject? body = null)
        {
            responses["default"] = new JsonObject { ["$ref"] = "#/components/responses/problem" };
            var operation = new JsonObject
            {
                ["operationId"] = id,
                ["tags"] = new JsonArray("auth"),
                ["summary"] = summary,
                ["description"] = "For admins signed in with a JWT from /xapi2/auth/token; a personal access token gets 403 sign_in_required.",
                ["responses"] = responses,
            };
            if (body is not null) operation["requestBody"] = body;
            return operation;
        }
        var create = new JsonObject
        {
            ["required"] = true,
            ["content"] = new JsonObject
            {
                ["application/json"] = new JsonObject
                {
                    ["schema"] = Object(new JsonObject
                    {
                        ["name"] = new JsonObject { ["type"] = "string", ["maxLength"] = 100 },
                        ["scopes"] = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray(TokenService.AllScopes.Select(sc => (JsonNode)sc).ToArray()) } },
                        ["expires_at"] = new JsonObject { ["type"] = "string", ["format"] = "date-time", ["description"] = "Default 90 days; at most the server's Ats:Tokens:MaxLifetimeDays (90 unless configured), later is 422." },
                        ["never_expires"] = new JsonObject { ["type"] = "boolean", ["description"] = "Refused here (422): tokens that never expire are made in the app, with the password." },
                    }, ["name", "scopes"]),
                },
            },
        };
        var list = Object(new JsonObject { ["data"] = new JsonObject { ["type"] = "array", ["items"] = Ref("token") } }, ["data"]);
        return (
            new JsonObject
            {
                ["get"] = Op("token_list", "List the organisation's access tokens", new JsonObject { ["200"] = Response("The tokens, newest first.", list) }),
                ["post"] = Op("token_create", "Create an access token; the secret is in this answer only",
                    new JsonObject { ["201"] = Response("Created; Location names it.", Ref("token_created")) }, create),
            },
            new JsonObject
            {
                ["parameters"] = new JsonArray(new JsonObject { ["$ref"] = "#/components/parameters/id" }),
                ["get"] = Op("token_get", "Read one access token (never its secret)", new JsonObject { ["200"] = Response("The token.", Ref("token")) }),
                ["delete"] = Op("token_revoke", "Revoke an access token; the next request with it fails",
                    new JsonObject { ["204"] = new JsonObject { ["description"] = "Revoked." } }),
            });
    }

    private static JsonObject TokenSchema(bool withSecret)
    {
        JsonObject Time(bool nullable) => new() { ["type"] = nullable ? new JsonArray("string", "null") : "string", ["format"] = "date-time" };
        var properties = new JsonObject
        {
            ["id"] = new JsonObject { ["type"] = "string", ["format"] = "uuid" },
            ["name"] = new JsonObject { ["type"] = "string" },
            ["prefix"] = new JsonObject { ["type"] = "string", ["description"] = "The start of the token, to recognise it." },
            ["scopes"] = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "string" } },
            ["created_at"] = Time(false),
            ["expires_at"] = Time(true),
            ["last_used_at"] = Time(true),
            ["revoked_at"] = Time(true),
            ["created_by"] = new JsonObject { ["type"] = "string" },
        };
        if (withSecret) properties["token"] = new JsonObject { ["type"] = "string", ["description"] = "The secret: shown once, stored only as a hash." };
        return Object(properties, withSecret ? ["id", "name", "prefix", "scopes", "token"] : ["id", "name", "prefix", "scopes"]);
    }

    private static JsonObject Operation(ModelDescriptor model, string op, string summary, JsonArray? parameters, JsonObject responses, JsonObject? body = null)
    {
        responses["default"] = new JsonObject { ["$ref"] = "#/components/responses/problem" };
        var scope = op is "list" or "get" ? model.ReadScope : model.WriteScope;
        var operation = new JsonObject
        {
            ["operationId"] = $"{model.Name}_{op}",
            ["tags"] = new JsonArray(model.Name),
            ["summary"] = summary,
            ["description"] = $"Needs the scope {scope}.",
            ["responses"] = responses,
        };
        if (parameters is not null) operation["parameters"] = parameters;
        if (body is not null) operation["requestBody"] = body;
        return operation;
    }

    private static JsonObject Schema(ModelDescriptor model, Func<FieldDescriptor, bool> include, IEnumerable<string> required)
    {
        var properties = new JsonObject();
        foreach (var field in model.Fields.Where(include)) properties[field.Name] = FieldSchema(field);
        var schema = Object(properties, required.ToArray());
        schema["additionalProperties"] = false;
        return schema;
    }

    private static JsonNode FieldSchema(FieldDescriptor field)
    {
        var nullable = Nullable.GetUnderlyingType(field.ClrType) is not null || (!field.ClrType.IsValueType && !field.IsRequired && field.ClrType == typeof(string));
        var schema = TypeSchema(Nullable.GetUnderlyingType(field.ClrType) ?? field.ClrType);
        if (field.MaxLength is { } max) schema["maxLength"] = max;
        if (field.Range is { } range) (schema["minimum"], schema["maximum"]) = (range.Min, range.Max);
        if (field.Format == FieldFormat.Email) schema["format"] = "email";
        if (field.Format == FieldFormat.Url) schema["format"] = "uri";
        if (field.IsReadOnly) schema["readOnly"] = true;
        if (field.IsWriteOnly) schema["writeOnly"] = true;
        if (nullable && schema["type"] is JsonValue type) schema["type"] = new JsonArray(type.GetValue<string>(), "null");
        return schema;
    }

    private static JsonObject TypeSchema(Type type) => type switch
    {
        _ when type == typeof(string) => new JsonObject { ["type"] = "string" },
        _ when type == typeof(Guid) => new JsonObject { ["type"] = "string", ["format"] = "uuid" },
        _ when type == typeof(int) => new JsonObject { ["type"] = "integer" },
        _ when type == typeof(decimal) => new JsonObject { ["type"] = "number" },
        _ when type == typeof(bool) => new JsonObject { ["type"] = "boolean" },
        _ when type == typeof(DateTime) => new JsonObject { ["type"] = "string", ["format"] = "date-time" },
        _ when type == typeof(DateOnly) => new JsonObject { ["type"] = "string", ["format"] = "date" },
        _ when type.IsEnum => new JsonObject { ["type"] = "string", ["enum"] = new JsonArray(Enum.GetNames(type).Select(n => (JsonNode)FieldDescriptor.WireName(n)).ToArray()) },
        _ when type == typeof(List<string>) => new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "string" } },
        _ when type == typeof(List<Guid>) => new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "string", ["format"] = "uuid" } },
        _ when type == typeof(FitProfile) => new JsonObject { ["$ref"] = "#/components/schemas/fit_profile" },
        _ when type == typeof(List<ScorecardAmendment>) =>
            new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["$ref"] = "#/components/schemas/evaluation_amendment" } },
        _ => throw new NotSupportedException($"No OpenAPI type for {type}."),
    };

    /// One change to a submitted scorecard: when, by whom, why, and the values it replaced.
    private static JsonObject AmendmentSchema()
    {
        JsonObject Nullable(JsonObject schema)
        {
            schema["type"] = new JsonArray(schema["type"]!.GetValue<string>(), "null");
            return schema;
        }
        var rating = new JsonObject { ["type"] = "integer", ["minimum"] = 1, ["maximum"] = 5 };
        return Object(new JsonObject
        {
            ["at"] = new JsonObject { ["type"] = "string", ["format"] = "date-time" },
            ["by"] = Nullable(new JsonObject { ["type"] = "string", ["format"] = "uuid" }),
            ["reason"] = new JsonObject { ["type"] = "string" },
            ["interview_id"] = Nullable(new JsonObject { ["type"] = "string", ["format"] = "uuid" }),
            ["skills"] = Nullable((JsonObject)rating.DeepClone()),
            ["culture"] = Nullable((JsonObject)rating.DeepClone()),
            ["communication"] = Nullable((JsonObject)rating.DeepClone()),
            ["recommendation"] = TypeSchema(typeof(Recommendation)),
            ["note"] = Nullable(new JsonObject { ["type"] = "string" }),
        }, ["at", "by", "reason", "interview_id", "skills", "culture", "communication", "recommendation", "note"]);
    }

    private static JsonObject FitProfileSchema()
    {
        var keywords = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "string" } };
        return Object(new JsonObject
        {
            ["requirements"] = new JsonObject
            {
                ["type"] = "array",
                ["items"] = Object(new JsonObject
                {
                    ["text"] = new JsonObject { ["type"] = "string" },
                    ["weight"] = new JsonObject { ["type"] = "integer", ["minimum"] = 1, ["maximum"] = 5 },
                    ["keywords"] = keywords.DeepClone(),
                }, ["text", "weight"]),
            },
            ["knockout_criteria"] = new JsonObject
            {
                ["type"] = "array",
                ["items"] = Object(new JsonObject { ["text"] = new JsonObject { ["type"] = "string" }, ["keywords"] = keywords.DeepClone() }, ["text"]),
            },
        }, []);
    }

    private static JsonObject Problem() => Object(new JsonObject
    {
        ["type"] = new JsonObject { ["type"] = "string" },
        ["title"] = new JsonObject { ["type"] = "string" },
        ["status"] = new JsonObject { ["type"] = "integer" },
        ["detail"] = new JsonObject { ["type"] = "string" },
        ["code"] = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray(ErrorCodes.Select(c => (JsonNode)c).ToArray()) },
        ["trace_id"] = new JsonObject { ["type"] = "string" },
        ["errors"] = new JsonObject { ["type"] = "object", ["additionalProperties"] = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "string" } } },
    }, ["type", "title", "status", "detail", "code", "trace_id"]);

    private static JsonObject Page(ModelDescriptor model) => Object(new JsonObject
    {
        ["data"] = new JsonObject { ["type"] = "array", ["items"] = Ref(model.Name) },
        ["meta"] = Object(new JsonObject
        {
            ["limit"] = new JsonObject { ["type"] = "integer" },
            ["offset"] = new JsonObject { ["type"] = "integer" },
            ["has_more"] = new JsonObject { ["type"] = "boolean" },
            ["total"] = new JsonObject { ["type"] = "integer", ["description"] = "Only with count=true." },
        }, ["limit", "offset", "has_more"]),
    }, ["data", "meta"]);

    private static JsonObject Object(JsonObject properties, string[] required)
    {
        var schema = new JsonObject { ["type"] = "object", ["properties"] = properties };
        if (required.Length > 0) schema["required"] = new JsonArray(required.Select(r => (JsonNode)r).ToArray());
        return schema;
    }

    private static JsonObject Ref(string schema) => new() { ["$ref"] = $"#/components/schemas/{schema}" };

    private static JsonObject Body(string schema) => new()
    {
        ["required"] = true,
        ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = Ref(schema) } },
    };

    private static JsonObject Ok(string description, JsonObject schema) => new() { ["200"] = Response(description, schema) };

    private static JsonObject Response(string description, JsonObject schema, bool etag = false)
    {
        var response = new JsonObject
        {
            ["description"] = description,
            ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = schema } },
        };
        if (etag) response["headers"] = new JsonObject { ["ETag"] = new JsonObject { ["description"] = "The row's version, for If-Match.", ["schema"] = new JsonObject { ["type"] = "string" } } };
        return response;
    }

    private static JsonArray IfMatchParameter() => new(new JsonObject { ["$ref"] = "#/components/parameters/if_match" });

    private static JsonObject Parameter(string name, string location, JsonObject schema, string description, bool required = false) => new()
    {
        ["name"] = name,
        ["in"] = location,
        ["required"] = required,
        ["description"] = description,
        ["schema"] = schema,
    };
}
