using System.Net;
using System.Text.Json.Nodes;
using Ats.Domain.Models;
using Ats.Web.Api.Xapi;

namespace Ats.Tests.Api;

/// The OpenAPI document and the reference page come from the same descriptors as the API itself.
public sealed class ReferenceTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task TheOpenApiDocumentDescribesEveryModelOperationAndField()
    {
        var document = JsonNode.Parse(await api.Client().GetStringAsync("/xapi2/openapi.json"))!.AsObject();

        Assert.Equal("3.1.0", document["openapi"]!.GetValue<string>());
        var paths = document["paths"]!.AsObject();
        var schemas = document["components"]!["schemas"]!.AsObject();
        foreach (var model in ModelCatalog.All)
        {
            Assert.Equal(["get", "post"], paths[$"/xapi2/data/{model.Name}"]!.AsObject().Select(p => p.Key));
            Assert.Equal(["parameters", "get", "patch", "delete"], paths[$"/xapi2/data/{model.Name}/{{id}}"]!.AsObject().Select(p => p.Key));
            // What a client reads: every field but the write-only ones (those are in the create and update schemas).
            Assert.Equal(model.Fields.Where(f => !f.IsWriteOnly).Select(f => f.Name), schemas[model.Name]!["properties"]!.AsObject().Select(p => p.Key));
            Assert.Equal(model.Fields.Where(f => f.IsWritable).Select(f => f.Name), schemas[$"{model.Name}_update"]!["properties"]!.AsObject().Select(p => p.Key));
            Assert.Equal(model.Fields.Where(f => f.IsRequired).Select(f => f.Name),
                schemas[$"{model.Name}_create"]!["required"]!.AsArray().Select(n => n!.GetValue<string>()));
            var filters = paths[$"/xapi2/data/{model.Name}"]!["get"]!["parameters"]!.AsArray().Select(p => p!["name"]!.GetValue<string>());
            Assert.Superset(model.Fields.Where(f => f.IsFilterable).Select(f => f.Name).ToHashSet(), filters.ToHashSet());
        }
    }

    [Fact]
    public void EveryErrorCodeTheApiUsesIsDocumented()
    {
        var used = ((IEnumerable<object[]>)BadRequestTests.Cases).Select(row => ((BadRequestTests.Case)row[0]).Code).Distinct();

        Assert.Empty(used.Except(OpenApiDocument.ErrorCodes));
    }

    [Fact]
    public async Task TheReferencePageIsPublicAndShowsACurlExamplePerModel()
    {
        var response = await api.Client().GetAsync("/xapi2/docs");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        foreach (var model in ModelCatalog.All)
        {
            Assert.Contains($"id=\"model-{model.Name}\"", html);
            Assert.Contains($"/xapi2/data/{model.Name}?limit=20", html);
        }
        foreach (var code in OpenApiDocument.ErrorCodes) Assert.Contains($"id=\"error-{code}\"", html);
    }
}
