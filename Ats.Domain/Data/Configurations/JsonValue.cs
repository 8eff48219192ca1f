using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Ats.Domain.Data.Configurations;

/// Stores a small value object as one JSON text column; compared by its JSON so edits are detected.
internal static class JsonValue<T> where T : class, new()
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public static string Write(T value) => JsonSerializer.Serialize(value, Options);
    public static T Read(string json) => JsonSerializer.Deserialize<T>(json, Options) ?? new T();

    public static readonly ValueConverter<T, string> Converter = new(v => Write(v), s => Read(s));
    public static readonly ValueComparer<T> Comparer = new(
        (a, b) => Write(a!) == Write(b!), v => Write(v).GetHashCode(), v => Read(Write(v)));
}
