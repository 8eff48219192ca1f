using System.Text.Json.Nodes;
using Ats.Web.Api.Operations;

namespace Ats.Web.Api.Sockets;

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
