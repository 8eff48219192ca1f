using System.Text.Json.Nodes;
using Ats.Domain.Data;
using Ats.Domain.Models;
using Ats.Web.Api.Xapi;

namespace Ats.Tests.Api;

/// A field's max length is declared once, in ModelCatalog: the EF column, the API's validation and OpenAPI follow it.
public sealed class FieldLengthTests
{
    [Fact]
    public void EveryStringFieldHasTheDescriptorsLengthInTheDatabaseAndInOpenApi()
    {
        using var db = new AtsDbContext(new DbContextOptionsBuilder<AtsDbContext>().UseSqlite("DataSource=:memory:").Options);
        var schemas = OpenApiDocument.Build()["components"]!["schemas"]!.AsObject();
        var bounded = 0;
        foreach (var model in ModelCatalog.All)
        {
            var entity = db.Model.FindEntityType(model.EntityType)!;
            foreach (var field in model.Fields.Where(f => f.ClrType == typeof(string)))
            {
                // SQLite columns are TEXT either way: EF bounds the columns it always bounded (changing that would
                // change the EF model), and where it does, the bound is the descriptor's.
                // A field that is not stored (a scorecard's amendment reason lives in its history) has no column.
                if (entity.FindProperty(field.Property.Name)?.GetMaxLength() is { } column)
                {
                    Assert.True(field.MaxLength == column, $"{model.Name}.{field.Name}: column {column}, descriptor {field.MaxLength}");
                    bounded++;
                }
                var schema = (field.IsWriteOnly ? schemas[$"{model.Name}_create"] : schemas[model.Name])!["properties"]![field.Name]!;
                Assert.Equal(field.MaxLength, schema["maxLength"]?.GetValue<int>());
            }
        }
        Assert.Equal(15, bounded);
    }
}
