using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Ats.Tests.Api;

/// A 15-minute JWT (or any API caller) mints tokens of at most Ats:Tokens:MaxLifetimeDays, never one that never expires.
public sealed class TokenLifetimeApiTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private async Task<int> TokenCountAsync()
    {
        await using var db = api.App.Db();
        return await db.ApiTokens.IgnoreQueryFilters().CountAsync();
    }

    /// case, lifetime members, status, code, the field named and what its message says.
    public static TheoryData<string, string, int, string, string?, string?> TooLong => new()
    {
        { "never expiring", "{\"never_expires\":true}", 422, "validation_failed", "never_expires", "90 days" },
        { "91 days", $"{{\"expires_at\":\"{DateTime.UtcNow.AddDays(91):O}\"}}", 422, "validation_failed", "expires_at", "90 days" },
        { "a year", $"{{\"expires_at\":\"{DateTime.UtcNow.AddDays(365):O}\"}}", 422, "validation_failed", "expires_at", "90 days" },
        { "in the past", $"{{\"expires_at\":\"{DateTime.UtcNow.AddDays(-1):O}\"}}", 422, "validation_failed", "expires_at", "future" },
        { "a password sent along", "{\"never_expires\":true,\"password\":\"Passw0rd!demo\"}", 400, "unknown_field", null, null },
    };

    [Theory]
    [MemberData(nameof(TooLong))]
    public async Task AJwtCannotMintATokenThatOutlivesTheLimit(string @case, string lifetime, int status, string code, string? field, string? says)
    {
        var before = await TokenCountAsync();
        var body = JsonNode.Parse(lifetime)!.AsObject();
        body["name"] = @case;
        body["scopes"] = new JsonArray("job:read");

        var response = await api.Client(await api.JwtAsync()).PostAsJsonAsync("/xapi2/tokens", body);

        Assert.Equal(status, (int)response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(code, (string?)problem["code"]);
        if (field is not null) Assert.Contains(says!, (string?)problem["errors"]![field]![0]);
        Assert.Equal(before, await TokenCountAsync());
    }

    [Fact]
    public async Task AJwtGetsNinetyDaysAtMost()
    {
        var response = await api.Client(await api.JwtAsync()).PostAsJsonAsync("/xapi2/tokens", new { name = "ci", scopes = new[] { "job:read" } });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var expiresAt = DateTime.Parse((string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["expires_at"]!).ToUniversalTime();
        Assert.Equal(DateTime.UtcNow.AddDays(90), expiresAt, TimeSpan.FromMinutes(5));
    }

    [Fact]
    public async Task APatCannotMintATokenEvenWithinItsOwnScopes()
    {
        var (_, pat) = await api.PatAsync("job:read");
        var before = await TokenCountAsync();

        var response = await api.Client(pat).PostAsJsonAsync("/xapi2/tokens", new { name = "child", scopes = new[] { "job:read" } });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("sign_in_required", (string?)(await response.Content.ReadFromJsonAsync<JsonObject>())!["code"]);
        Assert.Equal(before, await TokenCountAsync());
    }
}
