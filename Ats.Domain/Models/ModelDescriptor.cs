using System.Linq.Expressions;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Ats.Domain.Common;
using Ats.Domain.Writes;

namespace Ats.Domain.Models;

/// A public model as every surface sees it: REST, WebSocket, MCP, client libraries and OpenAPI are driven
/// from these, so adding a field is a one-place change.
public sealed class ModelDescriptor
{
    public static readonly JsonSerializerOptions WireJson = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false), new NormalizedDecimalConverter() },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow, // a typo inside fit_profile is an error, not a silent no-op
    };

    private readonly Dictionary<string, FieldDescriptor> _byName;
    private readonly Dictionary<string, FieldDescriptor> _byProperty;

    public ModelDescriptor(string name, Type entityType, IReadOnlyList<FieldDescriptor> fields)
    {
        Name = name;
        EntityType = entityType;
        Fields = fields;
        _byName = fields.ToDictionary(f => f.Name);
        _byProperty = fields.ToDictionary(f => f.Property.Name);
    }

    public string Name { get; }
    public Type EntityType { get; }
    public IReadOnlyList<FieldDescriptor> Fields { get; }
    public string ReadScope => $"{Name}:read";
    public string WriteScope => $"{Name}:write";

    public FieldDescriptor? Field(string wireName) => _byName.GetValueOrDefault(wireName);
    public FieldDescriptor? FieldForProperty(string propertyName) => _byProperty.GetValueOrDefault(propertyName);
    /// A field the code knows exists (a form's field, a column): a typo fails at once.
    public FieldDescriptor this[string wireName] =>
        Field(wireName) ?? throw new KeyNotFoundException($"{Name} has no field '{wireName}'.");

    /// The object as it goes on the wire: snake_case names, enums as snake_case strings, UTC timestamps.
    public JsonObject ToWire(object entity)
    {
        var json = new JsonObject();
        foreach (var field in Fields.Where(f => !f.IsWriteOnly))
            json[field.Name] = WireValue(field, entity);
        return json;
    }

    /// The same object as <see cref="ToWire"/>, written straight to a stream: lists use this, without building nodes.
    public void WriteWire(Utf8JsonWriter writer, object entity)
    {
        writer.WriteStartObject();
        foreach (var field in Fields)
        {
            if (field.IsWriteOnly) continue;
            writer.WritePropertyName(field.EncodedName);
            // The common scalars directly (as the serializer would write them); lists, decimals and objects through it.
            switch (WireValueOf(field, entity))
            {
                case null: writer.WriteNullValue(); break;
                case string text: writer.WriteStringValue(text); break;
                case Guid id: writer.WriteStringValue(id); break;
                case DateTime time: writer.WriteStringValue(time); break;
                case int number: writer.WriteNumberValue(number); break;
                case bool flag: writer.WriteBooleanValue(flag); break;
                case Enum value: writer.WriteStringValue(EnumWireNames.Of(value)); break;
                case var value: JsonSerializer.Serialize(writer, value, field.ClrType, WireJson); break;
            }
        }
        writer.WriteEndObject();
    }

    private static JsonNode? WireValue(FieldDescriptor field, object entity) =>
        WireValueOf(field, entity) is { } value ? JsonSerializer.SerializeToNode(value, field.ClrType, WireJson) : null;

    /// A field the reader may not see goes out as null (an offer's salary for the hiring team).
    private static object? WireValueOf(FieldDescriptor field, object entity) =>
        entity is IPartlyHidden row && row.Hides(field.Name) ? null : field.GetValue(entity);

    /// The writable fields whose value differs from a new, empty row: what a create actually set.
    public IReadOnlyList<string> FieldsSetOn(object entity)
    {
        var blank = Activator.CreateInstance(EntityType)!;
        return Fields.Where(f => f.IsWritable && !JsonNode.DeepEquals(WireValue(f, entity), WireValue(f, blank))).Select(f => f.Name).ToList();
    }

    /// Clears what only the server may set (fit score, author, …) to a new row's values.
    public void ResetServerOwned(object entity)
    {
        var blank = Activator.CreateInstance(EntityType)!;
        foreach (var field in Fields.Where(f => f.IsReadOnly)) field.SetValue(entity, field.GetValue(blank));
    }

    public IReadOnlyList<(FieldDescriptor Field, object? Value)> ServerOwnedValues(object entity) =>
        Fields.Where(f => f.IsReadOnly).Select(f => (f, f.GetValue(entity))).ToList();

    public static void Restore(object entity, IReadOnlyList<(FieldDescriptor Field, object? Value)> values)
    {
        foreach (var (field, value) in values) field.SetValue(entity, value);
    }

    /// Evens out what clients send differently: a null where a new row has a value (a list, a required text, the fit
    /// profile) becomes that default, blank text in an optional field becomes null, and a time with an offset or without
    /// one becomes UTC (as it is stored and read back). Forms and JSON clients differ here; the rules and answers must not.
    public void NormalizeValues(object entity)
    {
        var blank = Activator.CreateInstance(EntityType)!;
        foreach (var field in Fields.Where(f => f.IsWritable))
        {
            var fallback = field.GetValue(blank);
            switch (field.GetValue(entity))
            {
                case null when fallback is not null:
                    field.SetValue(entity, fallback);
                    break;
                case string text when fallback is null && string.IsNullOrWhiteSpace(text):
                    field.SetValue(entity, null);
                    break;
                case string text when field.MultiLine && text.Contains('\r'):
                    field.SetValue(entity, FieldValidation.NormalizeLineEndings(text));
                    break;
                case DateTime time when time.Kind != DateTimeKind.Utc:
                    field.SetValue(entity, Data.Utc.From(time));
                    break;
            }
        }
    }

    /// Copies every writable field, e.g. from an edited form copy onto the tracked row.
    public void CopyWritable(object from, object to)
    {
        foreach (var field in Fields.Where(f => f.IsWritable))
            field.SetValue(to, field.GetValue(from));
    }
}

/// Declares a model's fields by property; wire names are derived (FirstName → first_name).
public sealed class ModelBuilder<T> where T : TenantEntity
{
    private readonly string _name;
    private readonly List<FieldDescriptor> _fields = [];

    public ModelBuilder(string name)
    {
        _name = name;
        Field(e => e.Id, FieldFlags.ReadOnly | FieldFlags.Filterable);
        Field(e => e.CreatedAt, FieldFlags.ReadOnly | FieldFlags.Sortable);
        Field(e => e.UpdatedAt, FieldFlags.ReadOnly | FieldFlags.Sortable);
        Field(e => e.Version, FieldFlags.ReadOnly);
    }

    public ModelBuilder<T> Field<TValue>(Expression<Func<T, TValue>> property, FieldFlags flags = FieldFlags.None,
        int? maxLength = null, FieldFormat format = FieldFormat.Text, (int, int)? range = null, bool multiLine = false)
    {
        var info = (PropertyInfo)((MemberExpression)property.Body).Member;
        _fields.Add(new FieldDescriptor(FieldDescriptor.WireName(info.Name), info, flags)
        {
            MaxLength = maxLength, Format = format, Range = range, MultiLine = multiLine,
        });
        return this;
    }

    public ModelDescriptor Build() => new(_name, typeof(T), _fields);
}
