using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ats.Domain.Models;

/// Writes decimals without trailing zeros (65000.00 → 65000), so an amount reads the same whether it comes from
/// memory or from a database that keeps no scale (SQLite stores decimals as text).
public sealed class NormalizedDecimalConverter : JsonConverter<decimal>
{
    public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDecimal();

    public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) =>
        writer.WriteNumberValue(value / 1.0000000000000000000000000000m);
}
