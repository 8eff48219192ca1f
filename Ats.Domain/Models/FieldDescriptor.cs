using System.Linq.Expressions;
using System.Reflection;
using System.Text.Json;

namespace Ats.Domain.Models;

[Flags]
public enum FieldFlags
{
    None = 0,
    Required = 1,
    /// Computed or owned by the server; never taken from a client.
    ReadOnly = 2,
    Filterable = 4,
    Sortable = 8,
    Searchable = 16,
    /// Taken from a client but never shown (a scorecard's amendment reason lives on in its history).
    WriteOnly = 32,
}

public enum FieldFormat { Text, Email, Url, Slug, Currency }

/// One field of a public model: its wire name, the entity property behind it and the rules it obeys.
public sealed record FieldDescriptor(string Name, PropertyInfo Property, FieldFlags Flags)
{
    public int? MaxLength { get; init; }
    public FieldFormat Format { get; init; }
    public (int Min, int Max)? Range { get; init; }
    /// Text typed over several lines (a note, a description): keeps tab and line feed, carriage returns become line feeds.
    public bool MultiLine { get; init; }

    // Compiled once: lists and the list-shaped wire JSON read every field of every row.
    private readonly Func<object, object?> _getter = CompileGetter(Property);

    /// The wire name, encoded once for the JSON writer.
    public JsonEncodedText EncodedName { get; } = JsonEncodedText.Encode(Name);

    public Type ClrType => Property.PropertyType;
    public bool IsRequired => Flags.HasFlag(FieldFlags.Required);
    public bool IsReadOnly => Flags.HasFlag(FieldFlags.ReadOnly);
    public bool IsWritable => !IsReadOnly;
    public bool IsWriteOnly => Flags.HasFlag(FieldFlags.WriteOnly);
    public bool IsFilterable => Flags.HasFlag(FieldFlags.Filterable);
    public bool IsSortable => Flags.HasFlag(FieldFlags.Sortable);
    public bool IsSearchable => Flags.HasFlag(FieldFlags.Searchable);

    public object? GetValue(object entity) => _getter(entity);
    public void SetValue(object entity, object? value) => Property.SetValue(entity, value);

    public static string WireName(string propertyName) => JsonNamingPolicy.SnakeCaseLower.ConvertName(propertyName);

    private static Func<object, object?> CompileGetter(PropertyInfo property)
    {
        var entity = Expression.Parameter(typeof(object), "entity");
        var value = Expression.Property(Expression.Convert(entity, property.DeclaringType!), property);
        return Expression.Lambda<Func<object, object?>>(Expression.Convert(value, typeof(object)), entity).Compile();
    }
}

/// The snake_case wire name of every enum value (what JsonStringEnumConverter writes), encoded once.
internal static class EnumWireNames
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Enum, JsonEncodedText> Names = new();

    public static JsonEncodedText Of(Enum value) =>
        Names.GetOrAdd(value, v => JsonEncodedText.Encode(FieldDescriptor.WireName(v.ToString())));
}

/// A row read for someone who may not see some of its fields: those go out as null.
public interface IPartlyHidden
{
    bool Hides(string field);
}
