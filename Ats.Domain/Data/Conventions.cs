using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Ats.Domain.Data;

/// Storage conventions shared by SQLite and PostgreSQL.
internal static class Conventions
{
    /// Enums are stored as their wire names ("talent_pool"), so the database reads like the API.
    public static void StoreEnumsAsSnakeCase(ModelBuilder builder)
    {
        foreach (var property in builder.Model.GetEntityTypes().SelectMany(t => t.GetProperties()))
        {
            var enumType = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
            if (!enumType.IsEnum) continue;
            var converter = (ValueConverter)Activator.CreateInstance(typeof(SnakeCaseEnumConverter<>).MakeGenericType(enumType))!;
            property.SetValueConverter(converter);
            property.SetMaxLength(32);
        }
    }
}

public sealed class SnakeCaseEnumConverter<TEnum>() : ValueConverter<TEnum, string>(
    value => SnakeCase<TEnum>.Name(value), text => SnakeCase<TEnum>.Parse(text))
    where TEnum : struct, Enum;

/// Enum ⇄ snake_case name, the same spelling as on the wire.
public static class SnakeCase<TEnum> where TEnum : struct, Enum
{
    private static readonly Dictionary<TEnum, string> Names =
        Enum.GetValues<TEnum>().ToDictionary(v => v, v => JsonNamingPolicy.SnakeCaseLower.ConvertName(v.ToString()));
    private static readonly Dictionary<string, TEnum> Values = Names.ToDictionary(p => p.Value, p => p.Key);

    public static string Name(TEnum value) => Names[value];
    public static TEnum Parse(string name) => Values[name];
    public static bool TryParse(string? name, out TEnum value) => Values.TryGetValue(name ?? "", out value);
    public static IReadOnlyCollection<string> AllNames => Values.Keys;
}

/// Stores UTC and reads it back marked as UTC (SQLite keeps no kind). A time without a kind is taken as UTC.
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(v => Utc.From(v), v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

public sealed class NullableUtcDateTimeConverter() : ValueConverter<DateTime?, DateTime?>(
    v => v.HasValue ? Utc.From(v.Value) : v, v => v.HasValue ? DateTime.SpecifyKind(v.Value, DateTimeKind.Utc) : v);

public static class Utc
{
    public static DateTime From(DateTime value) =>
        value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : DateTime.SpecifyKind(value, DateTimeKind.Utc);
}
