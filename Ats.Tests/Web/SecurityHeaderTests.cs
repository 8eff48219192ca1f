using System.Net;
using Ats.Domain.Tenancy;
using Ats.Tests.Support;
using Ats.Web.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Ats.Tests.Web;

/// Every answer (page, API, static file) carries the security headers; outside Development transport security too.
public sealed class SecurityHeaderTests() : HostTest(seedDemoData: false)
{
    [Theory]
    [InlineData("/setup", HttpStatusCode.OK, SecurityHeaders.AppPolicy)]
    [InlineData("/xapi2/docs", HttpStatusCode.OK, SecurityHeaders.AppPolicy)]
    [InlineData("/favicon.svg", HttpStatusCode.OK, SecurityHeaders.AppPolicy)]
    [InlineData("/_content/MudBlazor/MudBlazor.min.css", HttpStatusCode.OK, SecurityHeaders.AppPolicy)]
    [InlineData("/xapi2/data/source", HttpStatusCode.Unauthorized, SecurityHeaders.ApiPolicy)]
    [InlineData("/xapi2/openapi.json", HttpStatusCode.OK, SecurityHeaders.ApiPolicy)]
    [InlineData("/xapi2/auth/token", HttpStatusCode.NotFound, SecurityHeaders.ApiPolicy)]
    public async Task EveryAnswerCarriesTheSecurityHeaders(string path, HttpStatusCode status, string policy)
    {
        var response = await App.Browser().GetAsync(path);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("same-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Equal(policy, Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
    }

    [Fact]
    public void ThePoliciesAllowNoEvalAndNoInlineScript()
    {
        Assert.DoesNotContain("unsafe-eval", SecurityHeaders.AppPolicy);
        Assert.Contains("script-src 'self';", SecurityHeaders.AppPolicy);
        Assert.Contains("frame-ancestors 'none'", SecurityHeaders.AppPolicy);
        Assert.StartsWith("default-src 'none'", SecurityHeaders.ApiPolicy);
    }

    [Fact]
    public async Task OutsideDevelopmentPlainHttpIsRedirectedToHttps()
    {
        var client = Production(httpsPort: "443").CreateClient(new WebApplicationFactoryClientOptions
            { BaseAddress = new Uri("http://ats.example/"), AllowAutoRedirect = false });

        var response = await client.GetAsync("/setup");

        Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
        Assert.Equal("https://ats.example/setup", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task OutsideDevelopmentHttpsAnswersCarryHsts()
    {
        var client = Production(httpsPort: "443").CreateClient(new WebApplicationFactoryClientOptions
            { BaseAddress = new Uri("https://ats.example/"), AllowAutoRedirect = false });

        var response = await client.GetAsync("/setup");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("max-age=31536000", Assert.Single(response.Headers.GetValues("Strict-Transport-Security")));
    }

    /// Even where the app cannot redirect (no HTTPS port known, e.g. behind a proxy), cookies are only sent over HTTPS.
    [Theory]
    [InlineData("/setup")]
    [InlineData("/culture?name=en-GB&redirect=/")]
    public async Task OutsideDevelopmentEveryCookieIsSecure(string path)
    {
        var production = Production(httpsPort: null);
        if (!path.StartsWith("/setup", StringComparison.Ordinal))
            await production.Services.GetRequiredService<OrganisationSetup>().CreateAsync("Org", "Ada Admin", "ada@example.com", "Passw0rd!test");
        var client = production.CreateClient(new WebApplicationFactoryClientOptions
            { BaseAddress = new Uri("http://ats.example/"), AllowAutoRedirect = false });

        var response = await client.GetAsync(path);

        var cookies = response.Headers.GetValues("Set-Cookie").ToList();
        Assert.NotEmpty(cookies);
        Assert.All(cookies, cookie => Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase));
    }

    private WebApplicationFactory<Program> Production(string? httpsPort) => App.WithWebHostBuilder(web =>
    {
        web.UseEnvironment("Production");
        if (httpsPort is not null) web.UseSetting("https_port", httpsPort);
    });
}
