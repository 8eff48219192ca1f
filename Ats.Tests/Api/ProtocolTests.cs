using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Ats.Tests.Api;

/// HTTP details an integrator's client library relies on.
public sealed class ProtocolTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task HeadAnswersLikeGet()
    {
        var client = api.Client(await api.JwtAsync());

        var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/xapi2/data/job?limit=1"));

        Assert.Equal(HttpStatusCode.OK, head.StatusCode); // Kestrel drops the body of a HEAD answer (the in-memory test server does not)
        Assert.Equal("application/json", head.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/xapi2/openapi.json"))).StatusCode);
    }

    [Fact]
    public async Task ANewTokenIsNeverCachedAndItsLocationAnswers()
    {
        var client = api.Client(await api.JwtAsync());

        var created = await client.PostAsJsonAsync("/xapi2/tokens", new { name = "located", scopes = new[] { "job:read" } });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.True(created.Headers.CacheControl!.NoStore);
        var token = await client.GetFromJsonAsync<JsonObject>(created.Headers.Location!.OriginalString);
        Assert.Equal("located", token!["name"]!.GetValue<string>());
        Assert.Null(token["token"]); // the secret was shown once, in the creation answer
        var jwt = await api.Client().PostAsJsonAsync("/xapi2/auth/token", new { email = Ats.Domain.Demo.DemoSeeder.AdminEmail, password = Ats.Domain.Demo.DemoSeeder.Password });
        Assert.True(jwt.Headers.CacheControl!.NoStore);
    }

    [Fact]
    public async Task TheOpenApiDocumentDescribesTokenManagement()
    {
        var document = (await api.Client().GetFromJsonAsync<JsonObject>("/xapi2/openapi.json"))!;

        var paths = document["paths"]!.AsObject();
        Assert.Equal(["get", "post"], paths["/xapi2/tokens"]!.AsObject().Select(p => p.Key).Order());
        Assert.Equal(["delete", "get", "parameters"], paths["/xapi2/tokens/{id}"]!.AsObject().Select(p => p.Key).Order());
        Assert.NotNull(document["components"]!["schemas"]!["token_created"]!["properties"]!["token"]);
    }

    [Fact]
    public async Task TimesAreAnsweredInUtcWhateverOffsetWasSent()
    {
        var client = api.Client(await api.JwtAsync());
        var task = await client.PostAsJsonAsync("/xapi2/data/task", new { title = "Timed", due_at = "2026-12-01T10:00:00+02:00" });
        var created = (await task.Content.ReadFromJsonAsync<JsonObject>())!;

        Assert.Equal("2026-12-01T08:00:00Z", created["due_at"]!.GetValue<string>());
        var read = await client.GetFromJsonAsync<JsonObject>($"/xapi2/data/task/{created["id"]}");
        Assert.Equal("2026-12-01T08:00:00Z", read!["due_at"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("PATCH")]
    [InlineData("DELETE")]
    public async Task ARowRouteRefusesQueryParametersItDoesNotKnow(string method)
    {
        var client = api.Client(await api.JwtAsync());
        var jobs = (await client.GetFromJsonAsync<JsonObject>("/xapi2/data/job?limit=1"))!["data"]!.AsArray();
        var request = new HttpRequestMessage(new HttpMethod(method), $"/xapi2/data/job/{jobs[0]!["id"]}?confrim=true");
        if (method == "PATCH") request.Content = JsonContent.Create(new { title = "Typo" });

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("unknown_parameter", (await response.Content.ReadFromJsonAsync<JsonObject>())!["code"]!.GetValue<string>());
    }
}
