using System.Net;
using System.Security.Cryptography;
using System.Text;
using Ats.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;

namespace Ats.Tests.Accounts;

/// A stranger cannot keep an account waiting (issue 13, point 6): the growing delay counts an email per client
/// address; a guess spread over many addresses delays the email only for browsers without its known-device cookie.
public sealed class SignInPerAddressTests() : AccountHostTest(new Dictionary<string, string> { ["Ats:SignIn:FreeFailuresPerAccount"] = "20" })
{
    private const string A = "198.51.100.1", C = "203.0.113.3";

    public enum Device { None, Known, Forged, OtherAccounts }

    /// guessesFromA: wrong passwords for the recruiter from A; floodAddresses: addresses that each send 4 (below the
    /// per-address 5, so only the email's count over all addresses, 20 here, sees them); then the recruiter, with the
    /// right password from <paramref name="from"/>, on the form (with <paramref name="device"/>) or the API.
    [Theory]
    [InlineData("form", 5, 0, Device.None, "198.51.100.2", true)]    // failures from A do not delay the owner at B
    [InlineData("api", 5, 0, Device.None, "198.51.100.2", true)]
    [InlineData("form", 5, 0, Device.Known, A, false)]               // A itself keeps being delayed, known device or not
    [InlineData("api", 5, 0, Device.None, A, false)]
    [InlineData("form", 0, 4, Device.None, C, true)]                 // 16 spread failures: under the threshold
    [InlineData("form", 0, 5, Device.None, C, false)]                // 20: a fresh browser waits
    [InlineData("api", 0, 5, Device.None, C, false)]                 // so does the API, which has no cookie
    [InlineData("form", 0, 5, Device.Known, C, true)]                // a browser that signed in before does not
    [InlineData("form", 4, 4, Device.None, "198.51.100.2", false)]   // 4 from A and 16 spread make 20 too
    [InlineData("form", 4, 4, Device.Known, "198.51.100.2", true)]   // a known browser at a new address goes in
    [InlineData("form", 0, 5, Device.Forged, C, false)]              // a made-up cookie gives nothing
    [InlineData("form", 0, 5, Device.OtherAccounts, C, false)]       // nor the admin's cookie under the recruiter's name
    public async Task OnlyTheGuessersOwnAddressWaitsAndASpreadGuessSparesKnownBrowsers(
        string surface, int guessesFromA, int floodAddresses, Device device, string from, bool signsIn)
    {
        await StartAsync();
        var cookies = await DeviceCookiesAsync(device);
        for (var i = 0; i < guessesFromA; i++) await TokenAsync(RecruiterEmail, "a guess", from: A);
        for (var address = 0; address < floodAddresses; address++)
        for (var i = 0; i < 4; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await TokenAsync(RecruiterEmail, "a spread guess", from: $"192.0.2.{address + 1}")).StatusCode);

        if (surface == "api")
        {
            Assert.Equal(signsIn ? HttpStatusCode.OK : HttpStatusCode.TooManyRequests, (await TokenAsync(RecruiterEmail, Password, from: from)).StatusCode);
            return;
        }
        var browser = ClientAddressFilter.From(Host.CreateDefaultClient(new CookieContainerHandler(cookies)), from);
        var response = await AppFactory.SignInAsync(browser, RecruiterEmail, Password);

        Assert.Equal(signsIn ? HttpStatusCode.Found : HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(signsIn ? HttpStatusCode.OK : HttpStatusCode.Redirect, (await browser.GetAsync("/jobs")).StatusCode);
    }

    [Fact]
    public async Task TheDeviceCookieIsHttpOnlyStrictLongLivedAndNamesNoEmail()
    {
        await StartAsync();
        var browser = Host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var page = await browser.GetAsync("/account/login");
        var form = await page.Content.ReadAsStringAsync();
        using var post = new HttpRequestMessage(HttpMethod.Post, "/account/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "login", ["__RequestVerificationToken"] = AppFactory.AntiforgeryToken(form),
                ["Input.Email"] = RecruiterEmail, ["Input.Password"] = Password,
            }),
        };
        post.Headers.Add("Cookie", string.Join("; ", page.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0])));

        var response = await browser.SendAsync(post);

        var device = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(CookieName(RecruiterEmail) + "="));
        Assert.Contains("httponly", device, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", device, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("max-age=15552000", device, StringComparison.OrdinalIgnoreCase); // 180 days
        Assert.DoesNotContain("recruiter", device, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ParallelGuessesFromOneAddressGetOnlyTheFreeFailures()
    {
        await StartAsync();
        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => TokenAsync(RecruiterEmail, "parallel guess " + i, from: A)));
        Assert.Equal(5, answers.Count(r => r.StatusCode == HttpStatusCode.Unauthorized));
        Assert.Equal(15, answers.Count(r => r.StatusCode == HttpStatusCode.TooManyRequests));
    }

    [Fact]
    public async Task AnOverlongEmailIsAnsweredAsWrongAndNotCounted()
    {
        await StartAsync();
        var throttle = Service<Ats.Web.Auth.SignInThrottle>();
        var before = throttle.Tracked;
        var answer = await TokenAsync(new string('a', 100_000) + "@konten.example", Password, from: A);
        Assert.Equal(HttpStatusCode.Unauthorized, answer.StatusCode);
        Assert.Equal("invalid_credentials", await CodeOf(answer));
        Assert.Equal(before, throttle.Tracked);
    }

    [Fact]
    public async Task ANewPasswordEndsTheAccountsDeviceCookies()
    {
        await StartAsync();
        var cookies = await DeviceCookiesAsync(Device.Known);
        await using (var scope = Service<IServiceScopeFactory>().CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<Ats.Domain.Data.AtsDbContext>().SystemWrite("test fixture");
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Ats.Domain.Identity.AppUser>>();
            var recruiter = (await users.FindByEmailAsync(RecruiterEmail))!;
            Assert.True((await users.ChangePasswordAsync(recruiter, Password, Password + "2")).Succeeded);
        }
        for (var address = 0; address < 5; address++)
        for (var i = 0; i < 4; i++) await TokenAsync(RecruiterEmail, "a spread guess", from: $"192.0.2.{address + 1}");

        var browser = ClientAddressFilter.From(Host.CreateDefaultClient(new CookieContainerHandler(cookies)), C);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await AppFactory.SignInAsync(browser, RecruiterEmail, Password + "2")).StatusCode);
    }

    /// The cookies a browser brings: none, the recruiter's own from an earlier sign-in at C, or a forged or foreign one.
    private async Task<CookieContainer> DeviceCookiesAsync(Device device)
    {
        var cookies = new CookieContainer();
        var value = device switch
        {
            Device.Known => await SignedInDeviceCookieAsync(RecruiterEmail),
            Device.OtherAccounts => await SignedInDeviceCookieAsync(AdminEmail),
            Device.Forged => "CfDJ8forged",
            _ => null,
        };
        if (value is not null) cookies.Add(new Uri("http://localhost/account/"), new Cookie(CookieName(RecruiterEmail), value, "/account"));
        return cookies;
    }

    private async Task<string> SignedInDeviceCookieAsync(string email)
    {
        var cookies = new CookieContainer();
        var browser = ClientAddressFilter.From(Host.CreateDefaultClient(new CookieContainerHandler(cookies)), C);
        Assert.Equal(HttpStatusCode.Found, (await AppFactory.SignInAsync(browser, email, Password)).StatusCode);
        return cookies.GetCookies(new Uri("http://localhost/account/login"))[CookieName(email)]!.Value;
    }

    private static string CookieName(string email) =>
        "ats_device_" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(email.ToUpperInvariant())))[..16];
}
