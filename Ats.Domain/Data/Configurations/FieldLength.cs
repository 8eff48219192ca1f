using Ats.Domain.Models;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ats.Domain.Data.Configurations;

/// A public field's column length is its wire length, declared once in ModelCatalog.
internal static class FieldLength
{
    public static PropertyBuilder<TProperty> HasFieldLength<TProperty>(this PropertyBuilder<TProperty> property)
    {
        var column = property.Metadata;
        var field = ModelCatalog.For(column.DeclaringType.ClrType).FieldForProperty(column.Name)
            ?? throw new InvalidOperationException($"{column.Name} is no public field.");
        return property.HasMaxLength(field.MaxLength
            ?? throw new InvalidOperationException($"{field.Name} declares no max length in ModelCatalog."));
    }
}
