using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Ats.Domain.Demo;
using Ats.Domain.Identity;
using Ats.Domain.Models;
using Ats.Domain.Writes;
using Ats.Web.Api.Operations;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Primitives;

namespace Ats.Tests.Api;

/// A filter's values are one set lookup (SQL "IN"), up to the cap, on every surface.
public sealed class ListLimitTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task AFilterWithAsManyValuesAsAllowedFindsItsRows()
    {
        using var client = api.Client(await api.JwtAsync());
        var sources = (await client.GetFromJsonAsync<JsonObject>("/xapi2/data/source?limit=3"))!["data"]!.AsArray();
        var wanted = sources.Select(s => (string)s!["id"]!).ToList();
        var ids = wanted.Concat(Enumerable.Range(0, ListQuery.MaxValuesPerFilter - wanted.Count).Select(_ => Guid.NewGuid().ToString()));

        var response = await client.GetAsync("/xapi2/data/source?limit=200&id=" + string.Join(',', ids));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var found = (await response.Content.ReadFromJsonAsync<JsonObject>())!["data"]!.AsArray().Select(s => (string)s!["id"]!);
        Assert.Equal(wanted.Order(), found.Order());
    }

    [Fact]
    public async Task AFilterIsOneInListOfParametersWhateverTheNumberOfValues()
    {
        var sql = await SqlAsync("application", new() { ["stage"] = "new,review,interview", ["source_id"] = $"null,{Guid.NewGuid()}" });

        Assert.Matches(@"(?i)stage""? IN \(@\w+, @\w+, @\w+\)", sql);
        Assert.DoesNotContain("json_each", sql);
        Assert.Matches(@"(?i)source_?id""? IS NULL", sql); // null among the values is matched, as "null" asks
    }

    private async Task<string> SqlAsync(string model, Dictionary<string, StringValues> query)
    {
        Guid tenant, admin;
        await using (var db = api.App.Db())
        {
            var user = await db.Users.IgnoreQueryFilters().SingleAsync(u => u.Email == DemoSeeder.AdminEmail);
            (tenant, admin) = (user.TenantId, user.Id);
        }
        var actor = new Actor(admin, tenant, Roles.Admin, "Admin", Channel.Api);
        var descriptor = ModelCatalog.All.Single(m => m.Name == model);
        var parsed = ListQuery.Parse(descriptor, new QueryCollection(query));
        var records = api.App.Services.GetRequiredService<RecordService>();
        return await records.ReadAsync<Ats.Domain.Pipeline.Application, string>(actor,
            (rows, reads) => Task.FromResult(parsed.Apply(rows, reads).ToQueryString()));
    }
}
