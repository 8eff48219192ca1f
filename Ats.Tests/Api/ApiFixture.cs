using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Ats.Domain.Demo;
using Ats.Tests.Support;

namespace Ats.Tests.Api;

/// One demo host for a test class, with helpers to get tokens and call /xapi2 over HTTP.
public sealed class ApiFixture : IAsyncLifetime
{
    private readonly string _path = AppFactory.NewDatabasePath();

    public AppFactory App { get; private set; } = default!;

    public Task InitializeAsync()
    {
        App = new AppFactory(_path);
        _ = App.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        AppFactory.DeleteDatabase(_path);
    }

    public HttpClient Client(string? token = null)
    {
        var client = App.CreateClient();
        if (token is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public async Task<string> JwtAsync(string email = DemoSeeder.AdminEmail, string password = DemoSeeder.Password)
    {
        var response = await Client().PostAsJsonAsync("/xapi2/auth/token", new { email, password });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["access_token"]!.GetValue<string>();
    }

    /// A personal access token created by the demo admin through the API.
    public async Task<(Guid Id, string Token)> PatAsync(params string[] scopes)
    {
        var response = await Client(await JwtAsync()).PostAsJsonAsync("/xapi2/tokens", new { name = "test", scopes });
        response.EnsureSuccessStatusCode();
        var json = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        return (Guid.Parse(json["id"]!.GetValue<string>()), json["token"]!.GetValue<string>());
    }

    public static string[] AllScopes => [.. Ats.Domain.Tokens.TokenService.AllScopes];

    public async Task<int> AuditCountAsync()
    {
        await using var db = App.Db();
        return await db.AuditEntries.IgnoreQueryFilters().CountAsync();
    }
}
