using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Ats.Domain.Demo;
using Ats.Tests.Support;

namespace Ats.Tests.Api;

/// Limits come from configuration; each test gets its own host, so its windows start empty.
public sealed class RateLimitTests() : HostTest(seedDemoData: true, new Dictionary<string, string>
{
    ["Ats:RateLimits:PerTokenPerMinute"] = "3",
    ["Ats:RateLimits:PerIpPerMinute"] = "8",
})
{
    private Task<HttpClient> ClientWithJwtAsync() => App.AdminApiClientAsync();

    [Fact]
    public async Task ATokenOverItsLimitGets429WithRetryAfterWhileAnotherTokenGoesOn()
    {
        var first = await ClientWithJwtAsync();
        var second = await ClientWithJwtAsync();

        for (var i = 3; i > 0; i--)
        {
            var ok = await first.GetAsync("/xapi2/data/source");
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
            Assert.Equal("3", ok.Headers.GetValues("RateLimit-Limit").Single());
            Assert.Equal((i - 1).ToString(), ok.Headers.GetValues("RateLimit-Remaining").Single());
            Assert.InRange(int.Parse(ok.Headers.GetValues("RateLimit-Reset").Single()), 1, 60);
        }
        var limited = await first.GetAsync("/xapi2/data/source");

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.InRange(int.Parse(limited.Headers.GetValues("Retry-After").Single()), 1, 60);
        Assert.Equal(limited.Headers.GetValues("RateLimit-Reset").Single(), limited.Headers.GetValues("Retry-After").Single());
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType!.MediaType);
        Assert.Equal("rate_limited", (await limited.Content.ReadFromJsonAsync<JsonObject>())!["code"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("/xapi2/data/source")).StatusCode);
    }

    [Fact]
    public async Task AnAddressOverItsLimitGets429WhateverTheToken()
    {
        var anonymous = App.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 9; i++) statuses.Add((await anonymous.GetAsync("/xapi2/data/source")).StatusCode);

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.Unauthorized, 8).Append(HttpStatusCode.TooManyRequests), statuses);
        // Signing in is refused too from that address: guessing passwords is limited like guessing tokens.
        var login = await anonymous.PostAsJsonAsync("/xapi2/auth/token", new { email = DemoSeeder.AdminEmail, password = DemoSeeder.Password });
        Assert.Equal(HttpStatusCode.TooManyRequests, login.StatusCode);
    }
}
