using System.Text.Json.Nodes;
using Ats.Domain.Models;
using Ats.Domain.Writes;
using Ats.Web.Api.Operations;
using Microsoft.Extensions.Primitives;

namespace Ats.Web.Api.Sockets;

/// CRUD over the socket: list, get, create, update and delete go through the same operations as REST
/// (scopes, access rules, validation, audit with channel "ws", change events).
public sealed class ChannelRequests(IServiceProvider services)
{
    public async Task<byte[]> HandleAsync(Actor actor, RequestFrame frame, CancellationToken ct)
    {
        var id = frame.RequireId();
        switch (frame.Op)
        {
            case "list":
            {
                frame.AllowOnly("dataType", "query");
                var operations = Operations(frame);
                var query = ListQuery.Parse(operations.Model, AsQuery(frame.OptionalObject("query")));
                var page = await operations.ListAsync(actor, query, ct);
                return ChannelFrames.Result(id, w => ListJson.WriteMembers(w, operations.Model, page, query));
            }
            case "get":
            {
                frame.AllowOnly("dataType", "recordId");
                var operations = Operations(frame);
                return Row(id, operations, await operations.GetAsync(actor, frame.RequireRecordId(), ct));
            }
            case "create":
            {
                frame.AllowOnly("dataType", "data");
                var operations = Operations(frame);
                return Row(id, operations, await operations.CreateAsync(actor, frame.RequireObject("data"), ct));
            }
            case "update":
            {
                frame.AllowOnly("dataType", "recordId", "data", "version", "confirm");
                var operations = Operations(frame);
                var (recordId, body, version, confirm) = (frame.RequireRecordId(), frame.RequireObject("data"), frame.OptionalVersion(), frame.Flag("confirm"));
                return Row(id, operations, await operations.UpdateAsync(actor, recordId, version, body, confirm, ct));
            }
            case "delete":
            {
                frame.AllowOnly("dataType", "recordId", "version");
                var operations = Operations(frame);
                await operations.DeleteAsync(actor, frame.RequireRecordId(), frame.OptionalVersion(), ct);
                return ChannelFrames.Result(id, w => w.WriteNull("data"));
            }
            default:
                throw RequestFrame.Bad("unknown_op",
                    $"Unknown op '{frame.Op}'. Ops: subscribe, unsubscribe, list, get, create, update, delete, ping.");
        }
    }

    public Subscription ParseSubscription(ChannelConnection connection, RequestFrame frame)
    {
        frame.AllowOnly("dataType", "filter", "since");
        var id = frame.RequireId();
        var model = Operations(frame).Model;
        AccessRules.RequireScope(connection.Actor, model, write: false);
        var filters = new List<(FieldDescriptor, HashSet<string>)>();
        if (frame.OptionalObject("filter") is { } filter)
        {
            if (filter.Select(m => m.Key).FirstOrDefault(name => model.Field(name) is not { IsFilterable: true }) is { } name)
                throw RequestFrame.Bad("invalid_filter", $"'{name}' is not a filterable field of {model.Name}. Filterable fields: "
                    + string.Join(", ", model.Fields.Where(f => f.IsFilterable).Select(f => f.Name)) + ".");
            // Parsed exactly as the list's query parameters, so a filter means the same on both; what the list calls a
            // bad parameter is a bad filter here.
            ListQuery parsed;
            try
            {
                parsed = ListQuery.Parse(model, AsQuery(filter));
            }
            catch (BodyException ex) when (ex.Code is "invalid_parameter" or "invalid_member")
            {
                throw RequestFrame.Bad("invalid_filter", ex.Message);
            }
            filters.AddRange(parsed.Filters.Select(f => (f.Field, f.Values.Select(WireText.Of).ToHashSet(StringComparer.Ordinal))));
        }
        long? since = frame.OptionalString("since", 20) is { } text
            ? long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value
                : throw RequestFrame.Bad("invalid_since", "\"since\" must be an event_id you received, such as \"1234\".")
            : null;
        return new Subscription(connection, id, model, filters, since);
    }

    private IModelOperations Operations(RequestFrame frame)
    {
        var name = frame.RequireString("dataType");
        return ModelCatalogOperations.Operations(services, name)
            ?? throw new BodyException(404, "unknown_model", $"There is no model '{name}'. Models: " + string.Join(", ", ModelCatalogOperations.ModelNames) + ".");
    }

    private static byte[] Row(string id, IModelOperations operations, Domain.Common.TenantEntity row) =>
        ChannelFrames.Result(id, w =>
        {
            w.WritePropertyName("data");
            operations.Model.WriteWire(w, row);
        });

    /// {"limit":10,"stage":["interview","offer"]} as the query string ?limit=10&stage=interview,offer.
    private static QueryCollection AsQuery(JsonObject? members)
    {
        var values = new Dictionary<string, StringValues>(StringComparer.Ordinal);
        foreach (var (name, node) in members ?? [])
            values[name] = node switch
            {
                JsonArray list => string.Join(',', list.Select(Scalar)),
                _ => Scalar(node),
            };
        return new QueryCollection(values);

        string Scalar(JsonNode? node) => node switch
        {
            null => "null",
            JsonValue value when value.TryGetValue<string>(out var text) => text,
            JsonValue value when value.GetValueKind() is System.Text.Json.JsonValueKind.Number or System.Text.Json.JsonValueKind.True
                or System.Text.Json.JsonValueKind.False => value.ToJsonString(),
            _ => throw RequestFrame.Bad("invalid_member", "Query and filter values are strings, numbers, booleans or arrays of them."),
        };
    }
}
