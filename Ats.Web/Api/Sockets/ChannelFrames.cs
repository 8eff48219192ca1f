using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ats.Domain.Audit;
using Ats.Domain.Events;
using Ats.Web.Api.Xapi;

namespace Ats.Web.Api.Sockets;

/// The frames the server sends. Requests are answered with "result" or "error" (carrying a problem document,
/// as on REST); subscriptions get "subscribed", "event" and "unsubscribed".
public static class ChannelFrames
{
    public static byte[] Subscribed(string id, long position) => Write(w =>
    {
        w.WriteString("op", "subscribed");
        w.WriteString("id", id);
        w.WriteString("event_id", position.ToString(System.Globalization.CultureInfo.InvariantCulture));
    });

    public static byte[] Unsubscribed(string id) => Write(w =>
    {
        w.WriteString("op", "unsubscribed");
        w.WriteString("id", id);
    });

    public static byte[] Pong(string? id) => Write(w =>
    {
        w.WriteString("op", "pong");
        if (id is not null) w.WriteString("id", id);
    });

    /// data: the row as the reader sees it now (its version says which), or {"id":…} for a delete.
    public static byte[] Event(string subscriptionId, ChangeLogEntry entry, byte[] data) => Write(w =>
    {
        w.WriteString("op", "event");
        w.WriteString("id", subscriptionId);
        w.WriteString("dataType", entry.Model);
        w.WriteString("action", entry.Action switch { AuditAction.Create => "create", AuditAction.Update => "update", _ => "delete" });
        w.WriteString("event_id", entry.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        w.WriteString("ts", entry.At);
        if (entry.Action == AuditAction.Update)
        {
            w.WriteStartArray("changed_fields");
            foreach (var field in entry.ChangedFields) w.WriteStringValue(field);
            w.WriteEndArray();
        }
        w.WritePropertyName("data");
        w.WriteRawValue(data, skipInputValidation: true);
    }, data.Length + 256);

    public static byte[] Result(string id, Action<Utf8JsonWriter> members) => Write(w =>
    {
        w.WriteString("op", "result");
        w.WriteString("id", id);
        members(w);
    });

    public static byte[] Error(string? id, Problem problem, string traceId) => Write(w =>
    {
        w.WriteString("op", "error");
        if (id is null) w.WriteNull("id");
        else w.WriteString("id", id);
        w.WritePropertyName("error");
        JsonSerializer.Serialize(w, Problems.Document(problem, traceId));
    });

    public static string NewTraceId() => System.Diagnostics.ActivityTraceId.CreateRandom().ToString();

    private static byte[] Write(Action<Utf8JsonWriter> members, int sizeHint = 256)
    {
        var buffer = new ArrayBufferWriter<byte>(sizeHint);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            members(writer);
            writer.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }
}

/// A request frame as received: a JSON object with "op", its "id" and the members that op takes. Anything it does not
/// take is refused, so a typo is an error and not a silently different request.
public sealed class RequestFrame(JsonObject json)
{
    public const int MaxIdLength = 64;

    public string Op { get; } = json["op"] is JsonValue op && op.TryGetValue<string>(out var text) ? text
        : throw Bad("missing_op", "Every frame needs \"op\": a string such as \"subscribe\", \"list\" or \"get\".");

    public string? Id => OptionalString("id", MaxIdLength);

    public string RequireId() => Id ?? throw Bad("missing_id", $"\"{Op}\" needs an \"id\" (a string of at most {MaxIdLength} characters) to answer to.");

    public void AllowOnly(params string[] members)
    {
        foreach (var (name, _) in json)
            if (name is not ("op" or "id") && !members.Contains(name))
                throw Bad("unknown_member", $"\"{Op}\" does not take \"{name}\"" + (members.Length > 0 ? $"; it takes {string.Join(", ", members)}." : "."));
    }

    public string? OptionalString(string name, int maxLength = 200)
    {
        var node = json[name];
        if (node is null) return null;
        if (node is not JsonValue value || !value.TryGetValue<string>(out var text) || text.Length == 0 || text.Length > maxLength)
            throw Bad("invalid_member", $"\"{name}\" must be a non-empty string of at most {maxLength} characters.");
        return text;
    }

    public string RequireString(string name) => OptionalString(name) ?? throw Bad("missing_member", $"\"{Op}\" needs \"{name}\".");

    public Guid RequireRecordId()
    {
        var text = RequireString("recordId");
        return Guid.TryParse(text, out var id) ? id : throw Bad("invalid_id", $"'{text}' is not a UUID.");
    }

    public JsonObject? OptionalObject(string name) => json[name] switch
    {
        null => null,
        JsonObject value => value,
        _ => throw Bad("invalid_member", $"\"{name}\" must be a JSON object."),
    };

    public JsonObject RequireObject(string name) => OptionalObject(name) ?? throw Bad("missing_member", $"\"{Op}\" needs \"{name}\" (a JSON object).");

    public bool SentVersion => json["version"] is not null;

    public int? OptionalVersion() => json["version"] switch
    {
        null => null,
        JsonValue value when value.TryGetValue<int>(out var version) && version >= 1 => version,
        _ => throw Bad("invalid_member", "\"version\" must be a whole number from 1: the version you last read."),
    };

    public bool Flag(string name) => json[name] switch
    {
        null => false,
        JsonValue value when value.TryGetValue<bool>(out var flag) => flag,
        _ => throw Bad("invalid_member", $"\"{name}\" must be true or false."),
    };

    public static BodyException Bad(string code, string detail) => new(400, code, detail);
}
