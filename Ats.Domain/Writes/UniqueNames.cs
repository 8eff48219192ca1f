using System.Linq.Expressions;
using Ats.Domain.Common;
using Ats.Domain.Resources;
using Microsoft.EntityFrameworkCore;

namespace Ats.Domain.Writes;

/// Names that must be unique within a tenant (sources, email templates).
internal static class UniqueNames
{
    public static async Task RequireAsync<T>(WriteContext context, T row, string property, string name, IQueryable<T> rows,
        Expression<Func<T, string>> nameOf, ValidationErrors errors, CancellationToken ct) where T : TenantEntity
    {
        var field = Models.FieldDescriptor.WireName(property);
        if (errors.Has(field) || !context.Changed(row, property)) return;
        var sameName = Expression.Lambda<Func<T, bool>>(Expression.Equal(nameOf.Body, Expression.Constant(name)), nameOf.Parameters);
        if (await rows.Where(sameName).AnyAsync(r => r.Id != row.Id, ct)) errors.Add(field, Messages.NameTaken);
    }
}
