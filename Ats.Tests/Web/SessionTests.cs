using System.Net;
using Ats.Domain.Demo;
using Ats.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Ats.Tests.Web;

/// A browser session ends at sign-out on the server too, and at the latest a fixed time after signing in.
public sealed class SessionTests() : HostTest(seedDemoData: true)
{
    private readonly SettableClock _clock = new();

    [Fact]
    public async Task ASessionEndsTwelveHoursAfterSignInThoughSlidingExpiryRenewedIt()
    {
        var browser = Browser();
        Assert.Equal(HttpStatusCode.Redirect, (await AppFactory.SignInAsync(browser, DemoSeeder.RecruiterEmail, DemoSeeder.Password)).StatusCode);

        _clock.Advance(TimeSpan.FromHours(6));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/jobs")).StatusCode);
        _clock.Advance(TimeSpan.FromHours(5) + TimeSpan.FromMinutes(59)); // the renewed cookie is valid for 10 more hours
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/jobs")).StatusCode);
        _clock.Advance(TimeSpan.FromMinutes(2));

        var late = await browser.GetAsync("/jobs");
        Assert.Equal(HttpStatusCode.Redirect, late.StatusCode);
        Assert.StartsWith("/account/login", AppFactory.RedirectPath(late));
    }

    [Fact]
    public async Task ACopiedCookieStopsWorkingWhenItsSessionSignsOut()
    {
        var browser = Browser();
        var signIn = await AppFactory.SignInAsync(browser, DemoSeeder.RecruiterEmail, DemoSeeder.Password);
        var copy = Host().CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        copy.DefaultRequestHeaders.Add("Cookie", string.Join("; ", signIn.Headers.GetValues("Set-Cookie")
            .Where(c => c.StartsWith("ats.auth", StringComparison.Ordinal)).Select(c => c.Split(';')[0])));
        Assert.Equal(HttpStatusCode.OK, (await copy.GetAsync("/jobs")).StatusCode);

        var page = await browser.GetStringAsync("/jobs");
        var signOut = await browser.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AppFactory.AntiforgeryToken(page),
        }));
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);

        var afterwards = await copy.GetAsync("/jobs");
        Assert.Equal(HttpStatusCode.Redirect, afterwards.StatusCode);
        Assert.StartsWith("/account/login", AppFactory.RedirectPath(afterwards));
    }

    private WebApplicationFactory<Program>? _host;

    /// The app with the settable clock (the cookie handler and the session check read it).
    private WebApplicationFactory<Program> Host() =>
        _host ??= App.WithWebHostBuilder(web => web.ConfigureServices(services => services.AddSingleton<TimeProvider>(_clock)));

    private HttpClient Browser() => Host().CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
}
