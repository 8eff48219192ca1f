using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Ats.Domain.Identity;
using Ats.Tests.Support;
using Microsoft.AspNetCore.Identity;

namespace Ats.Tests.Accounts;

/// Sign-in must not tell who exists, and guessing slows down instead of locking anyone out (issue 13, point 6).
public sealed class SignInAbuseTests() : AccountHostTest(new Dictionary<string, string> { ["Ats:SignIn:FreeFailuresPerIp"] = "40" })
{
    private const string Unknown = "nobody@konten.example";

    /// Makes the recruiter deactivated or locked (the states that must look like an unknown address).
    private async Task SetRecruiterAsync(string state)
    {
        await using var db = Db();
        var user = await db.Users.SingleAsync(u => u.Id == RecruiterId);
        if (state == "deactivated") user.IsActive = false;
        if (state == "locked") user.LockoutEnd = Clock.GetUtcNow().AddYears(1);
        await db.SaveChangesAsync();
    }

    [Theory]
    [InlineData("unknown")]
    [InlineData("deactivated")]
    [InlineData("locked")]
    [InlineData("wrong password")]
    public async Task EveryRefusalOfTheApiIsTheSameAnswerAfterTheSameWork(string state)
    {
        await StartAsync();
        await SetRecruiterAsync(state);
        var email = state == "unknown" ? Unknown : RecruiterEmail;
        var password = state == "wrong password" ? "not the password" : Password;

        var response = await TokenAsync(email, password);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal("invalid_credentials", body!["code"]!.GetValue<string>());
        Assert.Equal("Email or password is wrong, or the account is locked or deactivated.", body["detail"]!.GetValue<string>());
        Assert.Equal(1, Hasher.Verifications); // one password hash checked, whether or not there is a usable account
    }

    [Theory]
    [InlineData("unknown")]
    [InlineData("deactivated")]
    [InlineData("locked")]
    [InlineData("wrong password")]
    public async Task EveryRefusalOfTheFormIsTheSameAnswerAfterTheSameWork(string state)
    {
        await StartAsync();
        await SetRecruiterAsync(state);
        var browser = Browser();
        var email = state == "unknown" ? Unknown : RecruiterEmail;
        var password = state == "wrong password" ? "not the password" : Password;

        var response = await AppFactory.SignInAsync(browser, email, password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Email or password is wrong, or the account is deactivated.", await response.Content.ReadAsStringAsync());
        Assert.Equal(1, Hasher.Verifications);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/jobs")).StatusCode);
    }

    [Fact]
    public async Task TheRightPasswordCostsTheSameOneVerification()
    {
        await StartAsync();

        Assert.Equal(HttpStatusCode.OK, (await TokenAsync(RecruiterEmail, Password)).StatusCode);
        Assert.Equal(1, Hasher.Verifications);
    }

    [Theory]
    [InlineData(RecruiterEmail)]
    [InlineData(Unknown)]
    public async Task AfterFiveFailuresEachAttemptWaitsTwiceAsLongEvenWithTheRightPassword(string email)
    {
        await StartAsync();
        for (var i = 0; i < 5; i++) Assert.Equal(HttpStatusCode.Unauthorized, (await TokenAsync(email, "wrong password")).StatusCode);
        Hasher.Reset();

        var throttled = await TokenAsync(email, Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.Equal("2", throttled.Headers.GetValues("Retry-After").Single());
        Assert.Equal("application/problem+json", throttled.Content.Headers.ContentType!.MediaType);
        Assert.Equal("too_many_attempts", await CodeOf(throttled));
        Assert.Equal(0, Hasher.Verifications); // refused before any look-up: the same for known and unknown addresses

        Clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(HttpStatusCode.Unauthorized, (await TokenAsync(email, "wrong again")).StatusCode);
        Assert.Equal("4", (await TokenAsync(email, Password)).Headers.GetValues("Retry-After").Single());
        Clock.Advance(TimeSpan.FromSeconds(4));
        Assert.Equal(email == RecruiterEmail ? HttpStatusCode.OK : HttpStatusCode.Unauthorized, (await TokenAsync(email, Password)).StatusCode);
    }

    [Fact]
    public async Task TheDelayStopsGrowingAtFifteenMinutesAndNeverLocksTheAccount()
    {
        await StartAsync();
        var waits = new List<int>();
        for (var failures = 0; failures < 20;)
        {
            var response = await TokenAsync(AdminEmail, "a stranger's guess");
            if (response.StatusCode == HttpStatusCode.Unauthorized)
            {
                failures++;
                continue;
            }
            Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
            var wait = int.Parse(response.Headers.GetValues("Retry-After").Single());
            waits.Add(wait);
            Clock.Advance(TimeSpan.FromSeconds(wait));
        }

        Assert.Equal([2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900, 900, 900, 900, 900], waits);
        await using var db = Db();
        var admin = await db.Users.SingleAsync(u => u.Email == AdminEmail);
        Assert.Null(admin.LockoutEnd); // Identity's lockout is never triggered by passwords
        Assert.Equal(0, admin.AccessFailedCount);
        var last = await TokenAsync(AdminEmail, Password);
        Assert.Equal("900", last.Headers.GetValues("Retry-After").Single());
        Clock.Advance(TimeSpan.FromMinutes(15));
        Assert.Equal(HttpStatusCode.OK, (await TokenAsync(AdminEmail, Password)).StatusCode); // after the wait, the owner gets in
    }

    [Fact]
    public async Task FailuresAreForgottenFifteenMinutesAfterTheLastWait()
    {
        await StartAsync();
        for (var i = 0; i < 5; i++) await TokenAsync(RecruiterEmail, "wrong password");

        Clock.Advance(TimeSpan.FromSeconds(2) + TimeSpan.FromMinutes(15));

        for (var i = 0; i < 4; i++) Assert.Equal(HttpStatusCode.Unauthorized, (await TokenAsync(RecruiterEmail, "wrong password")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await TokenAsync(RecruiterEmail, Password)).StatusCode);
    }

    [Fact]
    public async Task AnAddressGuessingAcrossManyAccountsIsSlowedToo()
    {
        await StartAsync();
        for (var i = 0; i < 40; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await TokenAsync($"guess{i}@konten.example", "wrong password")).StatusCode);

        var next = await TokenAsync("fresh@konten.example", "wrong password");

        Assert.Equal(HttpStatusCode.TooManyRequests, next.StatusCode);
        Assert.Equal("too_many_attempts", await CodeOf(next));
    }

    [Theory]
    [InlineData("en", "Too many attempts. Try again in 2 seconds.", 5)]
    [InlineData("de", "Zu viele Versuche. Versuchen Sie es in 2 Sekunden wieder.", 5)]
    [InlineData("en", "Too many attempts. Try again in 3 minutes.", 11)]
    [InlineData("de", "Zu viele Versuche. Versuchen Sie es in 3 Minuten wieder.", 11)]
    public async Task TheFormSaysHowLongToWaitInTheReadersLanguage(string language, string message, int failures)
    {
        await StartAsync();
        var browser = Browser(language);
        for (var i = 0; i < failures; i++)
        {
            var failed = await AppFactory.SignInAsync(browser, RecruiterEmail, "wrong password");
            Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
            if (i < failures - 1 && i >= 4) Clock.Advance(TimeSpan.FromSeconds(Math.Pow(2, i - 3))); // wait out each delay
        }

        var throttled = await AppFactory.SignInAsync(browser, RecruiterEmail, Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.Contains(message, System.Net.WebUtility.HtmlDecode(await throttled.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/jobs")).StatusCode); // not signed in
    }
}
