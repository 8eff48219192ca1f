using System.Text.Json;
using System.Text.Json.Nodes;
using Ats.Domain.Models;

namespace Ats.Web.Api.Operations;

/// A request body's problem, before any domain rule runs: nothing has been written when one is reported.
public sealed class BodyException(int status, string code, string detail, IReadOnlyDictionary<string, string[]>? errors = null) : Exception(detail)
{
    public int Status { get; } = status;
    public string Code { get; } = code;
    public IReadOnlyDictionary<string, string[]>? Errors { get; } = errors;
}

/// Reads a JSON object body and applies it to an entity through the model descriptor: only declared, writable fields,
/// each of its declared type.
public static class JsonBody
{
    public const int MaxBytes = 256 * 1024;

    public static async Task<JsonObject> ReadAsync(HttpRequest request)
    {
        if (request.ContentType is not { } type || !type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
            throw new BodyException(415, "unsupported_media_type", "Send the body as application/json.");
        if (request.ContentLength > MaxBytes) throw TooLarge();

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            if (buffer.Length + read > MaxBytes) throw TooLarge();
            buffer.Write(chunk, 0, read);
        }
        try
        {
            return JsonLimits.Parse(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)) as JsonObject
                ?? throw new BodyException(400, "invalid_json", "The body must be a JSON object.");
        }
        catch (JsonException ex)
        {
            throw new BodyException(400, "invalid_json", $"The body is not valid JSON: {ex.Message}");
        }
    }

    /// Sets every field of <paramref name="body"/> on <paramref name="entity"/>. On create, every required field must be there.
    public static void Apply(ModelDescriptor model, JsonObject body, object entity, bool isCreate)
    {
        var errors = new List<(string Code, string Field, string Message)>();
        foreach (var (name, node) in body)
        {
            var field = model.Field(name);
            if (field is null) errors.Add(("unknown_field", name, $"{model.Name} has no field '{name}'."));
            else if (field.IsReadOnly) errors.Add(("read_only_field", name, "Set by the server; leave it out."));
            else if (!TryRead(field, node, out var value)) errors.Add(("invalid_type", name, $"Expected {Describe(field.ClrType)}."));
            else field.SetValue(entity, value);
        }
        if (isCreate)
            foreach (var field in model.Fields.Where(f => f.IsRequired && !body.ContainsKey(f.Name)))
                errors.Add(("missing_field", field.Name, "Required."));
        if (errors.Count > 0)
            throw new BodyException(400, errors[0].Code, errors.Count == 1 ? errors[0].Message : $"{errors.Count} fields are not acceptable.",
                errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()));
    }

    private static bool TryRead(FieldDescriptor field, JsonNode? node, out object? value)
    {
        value = null;
        try
        {
            value = node?.Deserialize(field.ClrType, ModelDescriptor.WireJson);
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException or NotSupportedException)
        {
            return false;
        }
        // null is "no value" for optional fields; for a value type that cannot be null it is a type error.
        return value is not null || !field.ClrType.IsValueType || Nullable.GetUnderlyingType(field.ClrType) is not null;
    }

    public static string Describe(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsEnum) return $"one of {string.Join(", ", Enum.GetNames(type).Select(FieldDescriptor.WireName))}";
        return type switch
        {
            _ when type == typeof(string) => "a string",
            _ when type == typeof(Guid) => "a UUID string",
            _ when type == typeof(int) => "an integer",
            _ when type == typeof(decimal) => "a number",
            _ when type == typeof(bool) => "true or false",
            _ when type == typeof(DateTime) => "an ISO 8601 UTC timestamp such as 2026-11-23T09:30:00Z",
            _ when type == typeof(DateOnly) => "a date such as 2026-11-23",
            _ when type == typeof(List<string>) => "an array of strings",
            _ when type == typeof(List<Guid>) => "an array of UUID strings",
            _ => "an object as documented",
        };
    }

    private static BodyException TooLarge() => new(413, "payload_too_large", $"The body is larger than {MaxBytes / 1024} KiB.");
}
