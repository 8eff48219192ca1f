using System.Linq.Expressions;
using Ats.Domain.Candidates;
using Ats.Domain.Common;
using Ats.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace Ats.Domain.Models;

/// Text search over a model's searchable fields, the same in the app's lists and in the API's `q`.
public static class TextSearch
{
    private static readonly System.Reflection.MethodInfo Like = typeof(DbFunctionsExtensions).GetMethod(
        nameof(DbFunctionsExtensions.Like), [typeof(DbFunctions), typeof(string), typeof(string), typeof(string)])!;

    public static IQueryable<T> Matching<T>(IQueryable<T> rows, string? text, AtsDbContext db) where T : TenantEntity
    {
        if (string.IsNullOrWhiteSpace(text)) return rows;
        text = text.Trim();
        // Candidates have a lower-cased search column that also works beyond ASCII, and an index over it.
        if (rows is IQueryable<Candidate> candidates) return (IQueryable<T>)CandidateSearch.Matching(candidates, text, db);
        var row = Expression.Parameter(typeof(T), "row");
        var pattern = QueryParameter.Of("%" + text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%", typeof(string));
        var matches = ModelCatalog.For<T>().Fields.Where(f => f.IsSearchable && f.ClrType == typeof(string))
            .Select(f => (Expression)Expression.Call(Like, Expression.Constant(EF.Functions), Expression.Property(row, f.Property), pattern, Expression.Constant("\\")))
            .Aggregate(Expression.OrElse);
        return rows.Where(Expression.Lambda<Func<T, bool>>(matches, row));
    }
}

/// A value the database receives as a parameter, like a captured variable: with a constant, EF Core would compile
/// a new query for every value (milliseconds each).
public static class QueryParameter
{
    public static Expression Of(object? value, Type type)
    {
        var holder = Activator.CreateInstance(typeof(Holder<>).MakeGenericType(type), value)!;
        return Expression.Property(Expression.Constant(holder), nameof(Holder<int>.Value));
    }

    private sealed class Holder<TValue>(TValue value)
    {
        public TValue Value { get; } = value;
    }
}
