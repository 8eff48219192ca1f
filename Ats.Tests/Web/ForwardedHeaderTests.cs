using System.Net;
using Ats.Tests.Support;
using Microsoft.AspNetCore.Hosting;

namespace Ats.Tests.Web;

/// Behind a known proxy the app sees the client's address and scheme; from anyone else X-Forwarded-* is ignored.
/// Real Kestrel: the requests come from 127.0.0.1, which is the proxy or not, as configured.
public sealed class ForwardedHeaderTests
{
    private const string Loopback = "127.0.0.1";
    private const string SomeOtherProxy = "192.0.2.1";

    [Fact]
    public async Task FromAKnownProxyTheForwardedAddressHasItsOwnRateLimit()
    {
        await using var host = new KestrelHost(Settings(Loopback));
        using var http = host.Http();

        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.Unauthorized, await GetFromAsync(http, "203.0.113.7"));

        Assert.Equal(HttpStatusCode.TooManyRequests, await GetFromAsync(http, "203.0.113.7"));
        Assert.Equal(HttpStatusCode.Unauthorized, await GetFromAsync(http, "203.0.113.8"));
    }

    [Theory]
    [InlineData(SomeOtherProxy)]
    [InlineData("10.0.0.0/8")]
    public async Task FromAnUnknownAddressTheForwardedAddressIsIgnored(string knownProxies)
    {
        await using var host = new KestrelHost(Settings(knownProxies));
        using var http = host.Http();

        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.Unauthorized, await GetFromAsync(http, $"203.0.113.{i + 1}"));

        Assert.Equal(HttpStatusCode.TooManyRequests, await GetFromAsync(http, "203.0.113.9"));
    }

    /// A proxy that ends TLS says so in X-Forwarded-Proto: believed from a known proxy (no redirect, HSTS sent), not otherwise.
    [Theory]
    [InlineData(Loopback, HttpStatusCode.OK)]
    [InlineData("127.0.0.0/8", HttpStatusCode.OK)]
    [InlineData(SomeOtherProxy, HttpStatusCode.TemporaryRedirect)]
    public async Task TheForwardedSchemeCountsOnlyFromAKnownProxy(string knownProxies, HttpStatusCode expected)
    {
        await using var host = new KestrelHost(new Dictionary<string, string>(Settings(knownProxies)) { ["https_port"] = "443" },
            configure: web => web.UseEnvironment("Production"));
        using var http = host.Http();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/setup");
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Host = "ats.example"; // HSTS is never sent to localhost

        var response = await http.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(expected == HttpStatusCode.OK, response.Headers.Contains("Strict-Transport-Security"));
    }

    private static Dictionary<string, string> Settings(string knownProxies) => new()
    {
        ["Ats:ForwardedHeaders:KnownProxies"] = knownProxies,
        ["Ats:RateLimits:PerIpPerMinute"] = "3",
    };

    private static async Task<HttpStatusCode> GetFromAsync(HttpClient http, string client)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/xapi2/data/source");
        request.Headers.Add("X-Forwarded-For", client);
        return (await http.SendAsync(request)).StatusCode;
    }
}
