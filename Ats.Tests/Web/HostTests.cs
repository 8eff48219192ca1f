using System.Net;
using Ats.Domain.Demo;
using Ats.Domain.Pipeline;
using Ats.Tests.Support;

namespace Ats.Tests.Web;

/// The real host on a temporary SQLite file: sign-in, demo seed, restarts, language, error pages.
public sealed class HostTests() : HostTest(seedDemoData: true)
{
    [Fact]
    public async Task ServesTheSignInPage()
    {
        var response = await App.Browser().GetAsync("/account/login");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("name=\"Input.Email\"", html);
        Assert.Contains("name=\"Input.Password\"", html);
    }

    [Fact]
    public async Task PagesSendAnonymousVisitorsToSignIn()
    {
        var response = await App.Browser().GetAsync("/candidates");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", AppFactory.RedirectPath(response));
    }

    [Fact]
    public async Task DemoSeedCreatesTheStatedCounts()
    {
        _ = App.Server;
        await using var db = App.Db();
        var tenant = await db.Tenants.SingleAsync();
        db.TenantId = tenant.Id;

        Assert.Equal(DemoSeeder.TenantName, tenant.Name);
        Assert.True(await db.Jobs.CountAsync() >= 6);
        Assert.True(await db.Jobs.Select(j => j.Department).Distinct().CountAsync() >= 3);
        Assert.All(await db.Jobs.ToListAsync(), j => Assert.NotEmpty(j.FitProfile.Requirements));
        Assert.Equal(150, await db.Candidates.CountAsync());
        Assert.Equal(Stages.All.Order(), (await db.Applications.Select(a => a.Stage).Distinct().ToListAsync()).Order());
        Assert.DoesNotContain(await db.Applications.ToListAsync(), a => a.KanbanPosition == "");
        Assert.True(await db.Notes.CountAsync(n => n.Pinned) > 0);
        Assert.True(await db.Notes.CountAsync(n => !n.Pinned) > 0);
        Assert.True(await db.Tasks.AnyAsync());
        Assert.True(await db.Interviews.AnyAsync());
        Assert.True(await db.Scorecards.AnyAsync());
        Assert.True(await db.Offers.AnyAsync());
        Assert.True(await db.EmailTemplates.AnyAsync());
        Assert.Equal(6, await db.Sources.Select(s => s.Kind).Distinct().CountAsync());
        foreach (var email in new[] { DemoSeeder.AdminEmail, DemoSeeder.RecruiterEmail, DemoSeeder.ManagerEmail })
            Assert.True(await db.Users.AnyAsync(u => u.Email == email), email);
    }

    [Fact]
    public async Task TheHostStartsTwiceOnTheSameFileWithoutSeedingTwice()
    {
        _ = App.Server;
        await RestartAsync();

        await using var db = App.Db();
        Assert.Equal(1, await db.Tenants.CountAsync());
        Assert.Equal(150, await db.Candidates.IgnoreQueryFilters().CountAsync());
        Assert.Equal(6, await db.Users.CountAsync());
    }

    [Fact]
    public async Task TheDemoRecruiterSignsIn()
    {
        var browser = App.Browser();

        var signIn = await AppFactory.SignInAsync(browser, DemoSeeder.RecruiterEmail, DemoSeeder.Password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/", AppFactory.RedirectPath(signIn));

        var home = await browser.GetAsync("/jobs");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
    }

    [Fact]
    public async Task AWrongPasswordIsRefusedWithAMessage()
    {
        var browser = App.Browser();
        browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");

        var signIn = await AppFactory.SignInAsync(browser, DemoSeeder.RecruiterEmail, "wrong password");

        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.Contains("Email or password is wrong", await signIn.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/jobs")).StatusCode);
    }

    [Theory]
    [InlineData("de-DE,de;q=0.9", "Anmelden", "lang=\"de\"")]
    [InlineData("de-AT", "Anmelden", "lang=\"de\"")]
    [InlineData("en-US,en;q=0.9", "Sign in", "lang=\"en\"")]
    [InlineData("fr-FR", "Anmelden", "lang=\"de\"")]
    public async Task TheLanguageFollowsTheBrowser(string acceptLanguage, string heading, string lang)
    {
        var browser = App.Browser();
        browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd(acceptLanguage);

        var html = await browser.GetStringAsync("/account/login");

        Assert.Contains($"<h1>{heading}</h1>", html);
        Assert.Contains(lang, html);
    }

    [Fact]
    public async Task TheLanguageCanBeSwitchedAndIsRemembered()
    {
        var browser = App.Browser();
        browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd("de-DE");

        var switched = await browser.GetAsync("/culture?name=en-GB&redirect=/account/login");
        Assert.Equal("/account/login", AppFactory.RedirectPath(switched));

        Assert.Contains("<h1>Sign in</h1>", await browser.GetStringAsync("/account/login"));
    }

    [Theory]
    [InlineData("//evil.example/")]
    [InlineData("https://evil.example/")]
    [InlineData("/%09/evil.example")]
    [InlineData("/\\evil.example")]
    public async Task TheLanguageSwitchRefusesForeignRedirects(string redirect)
    {
        var response = await App.Browser().GetAsync($"/culture?name=en-GB&redirect={Uri.EscapeDataString(Uri.UnescapeDataString(redirect))}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", AppFactory.RedirectPath(response));
    }

    [Theory]
    [InlineData("/culture")]
    [InlineData("/culture?name=fr-FR")]
    public async Task TheLanguageSwitchRefusesUnknownLanguages(string url) =>
        Assert.Equal(HttpStatusCode.BadRequest, (await App.Browser().GetAsync(url)).StatusCode);

    [Fact]
    public async Task SigningOutNeedsTheFormsAntiforgeryToken()
    {
        var browser = App.Browser();
        await AppFactory.SignInAsync(browser, DemoSeeder.RecruiterEmail, DemoSeeder.Password);

        var forged = await browser.PostAsync("/account/logout", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/jobs")).StatusCode);

        var page = await browser.GetStringAsync("/jobs");
        var signedOut = await browser.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AppFactory.AntiforgeryToken(page),
        }));
        Assert.Equal("/account/login", AppFactory.RedirectPath(signedOut));
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/jobs")).StatusCode);
    }

    [Fact]
    public async Task AnUnknownAddressGetsAFriendly404()
    {
        var browser = App.Browser();
        browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");

        var response = await browser.GetAsync("/no/such/page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Page not found", html);
        Assert.DoesNotContain("Exception", html);
    }

    [Fact]
    public async Task TheErrorPageShowsAReferenceButNoStackTrace()
    {
        var browser = App.Browser();
        browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");

        var html = await browser.GetStringAsync("/error");

        Assert.Contains("Something went wrong", html);
        Assert.Contains("data-testid=\"trace-id\"", html);
        Assert.DoesNotContain(" at ", html.Replace("at this", ""));
    }
}
