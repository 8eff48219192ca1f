using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using Ats.Domain.Common;
using Ats.Domain.Models;
using Ats.Domain.Writes;
using Microsoft.EntityFrameworkCore;

namespace Ats.Web.Api.Operations;

/// GET /xapi2/data/{model}: limit, offset, sort, q, equality filters on declared fields, created_after, updated_after, count.
/// Anything else in the query string is refused, so a typo never silently returns everything.
public sealed record ListQuery(int Limit, int Offset, IReadOnlyList<(FieldDescriptor Field, bool Descending)> Sort, string? Search,
    IReadOnlyList<(FieldDescriptor Field, IReadOnlyList<object?> Values)> Filters, DateTime? CreatedAfter, DateTime? UpdatedAfter, bool Count)
{
    public const int DefaultLimit = 20, MaxLimit = 200;
    /// Values of one filter and sort keys a query may name: every surface parses through here, so one frame cannot
    /// build a query (or an expression tree) of any size.
    public const int MaxValuesPerFilter = 100, MaxSortKeys = 3;
    private static readonly string[] Reserved = ["limit", "offset", "sort", "q", "count", "created_after", "updated_after"];

    public static ListQuery Parse(ModelDescriptor model, IQueryCollection query)
    {
        foreach (var (name, values) in query)
        {
            if (values.Count > 1) throw Bad("invalid_parameter", $"'{name}' is given more than once; join values with commas.");
            if (!Reserved.Contains(name) && model.Field(name) is not { IsFilterable: true })
                throw Bad("unknown_parameter", $"Unknown query parameter '{name}'. Filterable fields of {model.Name}: "
                    + string.Join(", ", model.Fields.Where(f => f.IsFilterable).Select(f => f.Name)) + ".");
        }

        var limit = Integer(query, "limit", DefaultLimit, 1, MaxLimit);
        var offset = Integer(query, "offset", 0, 0, int.MaxValue);
        var sort = ParseSort(model, query["sort"].ToString());
        var search = query["q"].ToString() is { Length: > 0 } q ? q.Trim() : null;
        if (search?.Length > 200) throw Bad("invalid_parameter", "'q' is longer than 200 characters.");
        if (search is not null && !model.Fields.Any(f => f.IsSearchable)) throw Bad("invalid_parameter", $"{model.Name} has no searchable fields.");
        var filters = query.Where(p => !Reserved.Contains(p.Key))
            .Select(p => (model.Field(p.Key)!, ParseValues(model.Field(p.Key)!, p.Value.ToString()))).ToList();
        return new ListQuery(limit, offset, sort, search, filters, Timestamp(query, "created_after"), Timestamp(query, "updated_after"),
            Flag(query, "count"));
    }

    public IQueryable<T> Apply<T>(IQueryable<T> rows, ReadContext reads) where T : TenantEntity
    {
        foreach (var (field, values) in Filters) rows = rows.Where(AnyOf<T>(field, values));
        if (CreatedAfter is { } created) rows = rows.Where(r => r.CreatedAt > created);
        if (UpdatedAfter is { } updated) rows = rows.Where(r => r.UpdatedAt > updated);
        rows = reads.Matching(rows, Search);
        return Sorted(rows);
    }

    private IQueryable<T> Sorted<T>(IQueryable<T> rows) where T : TenantEntity
    {
        var keys = Sort.Count > 0 ? Sort : [(ModelCatalog.For<T>().Field("created_at")!, true)];
        IOrderedQueryable<T>? ordered = null;
        foreach (var (field, descending) in keys) ordered = OrderBy(ordered ?? rows, field.Property, descending, ordered is null);
        // The id makes the order total, so pages never repeat or skip a row; same direction as the last key, so an index serves both.
        return keys[^1].Descending ? ordered!.ThenByDescending(r => r.Id) : ordered!.ThenBy(r => r.Id);
    }

    private static IOrderedQueryable<T> OrderBy<T>(IQueryable<T> rows, PropertyInfo property, bool descending, bool first)
    {
        var row = Expression.Parameter(typeof(T), "row");
        var key = Expression.Lambda(Expression.Property(row, property), row);
        var method = (first, descending) switch
        {
            (true, false) => nameof(Queryable.OrderBy),
            (true, true) => nameof(Queryable.OrderByDescending),
            (false, false) => nameof(Queryable.ThenBy),
            _ => nameof(Queryable.ThenByDescending),
        };
        var call = Expression.Call(typeof(Queryable), method, [typeof(T), property.PropertyType], rows.Expression, Expression.Quote(key));
        return (IOrderedQueryable<T>)rows.Provider.CreateQuery<T>(call);
    }

    /// values.Contains(row.field), one node whatever the number of values (a chain of ORs nests one level per value).
    /// The list is a parameter, as a captured variable would be; EF Core sends it as "field IN (@p1, @p2, …)", which an
    /// index serves (see ParameterizedCollectionMode in DomainServices).
    private static Expression<Func<T, bool>> AnyOf<T>(FieldDescriptor field, IReadOnlyList<object?> values)
    {
        var row = Expression.Parameter(typeof(T), "row");
        var list = (System.Collections.IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(field.ClrType), values.Count)!;
        foreach (var value in values) list.Add(value);
        var contains = Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [field.ClrType],
            QueryParameter.Of(list, list.GetType()), Expression.Property(row, field.Property));
        return Expression.Lambda<Func<T, bool>>(contains, row);
    }

    private static IReadOnlyList<(FieldDescriptor, bool)> ParseSort(ModelDescriptor model, string text)
    {
        if (text.Length == 0) return [];
        var parts = text.Split(',', MaxSortKeys + 1, StringSplitOptions.TrimEntries);
        if (parts.Length > MaxSortKeys)
            throw Bad("too_many_sort_keys", $"'sort' names at most {MaxSortKeys} fields, such as sort=stage,-created_at.");
        var keys = new List<(FieldDescriptor, bool)>();
        foreach (var part in parts)
        {
            var descending = part.StartsWith('-');
            var name = descending ? part[1..] : part;
            if (model.Field(name) is not { IsSortable: true } field)
                throw Bad("unknown_sort_field", $"Cannot sort {model.Name} by '{name}'. Sortable fields: "
                    + string.Join(", ", model.Fields.Where(f => f.IsSortable).Select(f => f.Name)) + ".");
            keys.Add((field, descending));
        }
        return keys;
    }

    private static IReadOnlyList<object?> ParseValues(FieldDescriptor field, string text)
    {
        var type = Nullable.GetUnderlyingType(field.ClrType) ?? field.ClrType;
        var parts = text.Split(',', MaxValuesPerFilter + 1, StringSplitOptions.TrimEntries);
        if (parts.Length > MaxValuesPerFilter)
            throw Bad("too_many_values", $"'{field.Name}' takes at most {MaxValuesPerFilter} values; ask in several requests.");
        var values = new List<object?>(parts.Length);
        foreach (var part in parts)
        {
            object? value = null;
            var ok = part == "null" && (Nullable.GetUnderlyingType(field.ClrType) is not null || !field.ClrType.IsValueType) || type switch
            {
                _ when type == typeof(string) => (value = part) is not null,
                _ when type == typeof(Guid) => Guid.TryParse(part, out var g) && (value = g) is not null,
                _ when type == typeof(bool) => bool.TryParse(part, out var b) && (value = b) is not null,
                _ when type == typeof(int) => int.TryParse(part, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) && (value = i) is not null,
                _ when type.IsEnum => TryEnum(type, part, out value),
                _ => false,
            };
            if (!ok) throw Bad("invalid_parameter", $"'{part}' is not a valid {field.Name}: expected {JsonBody.Describe(field.ClrType)}.");
            values.Add(value);
        }
        return values;
    }

    private static bool TryEnum(Type type, string text, out object? value)
    {
        value = Enum.GetValues(type).Cast<object>().FirstOrDefault(v => FieldDescriptor.WireName(v.ToString()!) == text);
        return value is not null;
    }

    private static int Integer(IQueryCollection query, string name, int fallback, int min, int max)
    {
        var text = query[name].ToString();
        if (text.Length == 0) return fallback;
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
            throw Bad("invalid_parameter", $"'{name}' must be a whole number from {min} to {max}.");
        return value;
    }

    private static DateTime? Timestamp(IQueryCollection query, string name)
    {
        var text = query[name].ToString();
        if (text.Length == 0) return null;
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value))
            throw Bad("invalid_parameter", $"'{name}' must be an ISO 8601 timestamp such as 2026-11-23T09:30:00Z.");
        return value.UtcDateTime;
    }

    /// Refuses query parameters a single-row route does not know, so a typo (?confrim=true) is not silently ignored.
    internal static void Allow(IQueryCollection query, params string[] names)
    {
        if (query.Keys.FirstOrDefault(k => !names.Contains(k)) is { } unknown)
            throw Bad("unknown_parameter", names.Length == 0 ? $"Unknown query parameter '{unknown}'; this route takes none."
                : $"Unknown query parameter '{unknown}'. Known here: {string.Join(", ", names)}.");
    }

    /// A true/false query parameter; absent is false.
    internal static bool Flag(IQueryCollection query, string name) => query[name].ToString() switch
    {
        "" or "false" => false,
        "true" => true,
        _ => throw Bad("invalid_parameter", $"'{name}' must be true or false."),
    };

    private static BodyException Bad(string code, string detail) => new(400, code, detail);
}
