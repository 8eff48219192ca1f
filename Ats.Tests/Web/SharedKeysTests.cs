using System.Net;
using Ats.Domain.Demo;
using Ats.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace Ats.Tests.Web;

/// Data Protection keeps its key ring in the database: a sign-in cookie and an antiforgery token from one process
/// work in the next (or another node) on the same database.
public sealed class SharedKeysTests() : HostTest(seedDemoData: true)
{
    [Fact]
    public async Task CookiesAndAntiforgeryTokensOutliveARestartOnTheSameDatabase()
    {
        var signedIn = new CookieContainer();
        var anonymous = new CookieContainer();
        HttpClient Client(CookieContainer cookies) => App.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(cookies));
        Assert.Equal("/", AppFactory.RedirectPath(await AppFactory.SignInAsync(Client(signedIn), DemoSeeder.RecruiterEmail, DemoSeeder.Password)));
        var form = AppFactory.AntiforgeryToken(await Client(anonymous).GetStringAsync("/account/login"));

        await RestartAsync();

        Assert.Equal(HttpStatusCode.OK, (await Client(signedIn).GetAsync("/jobs")).StatusCode);
        var signIn = await Client(anonymous).PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = form,
            ["Input.Email"] = DemoSeeder.RecruiterEmail,
            ["Input.Password"] = DemoSeeder.Password,
        }));
        Assert.Equal("/", AppFactory.RedirectPath(signIn));
        await using var db = App.Db();
        Assert.True(await db.DataProtectionKeys.AnyAsync());
    }
}
