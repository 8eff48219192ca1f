using System.Net;
using System.Text.RegularExpressions;
using System.Security.Claims;
using Ats.Domain.Identity;
using Ats.Domain.Tenancy;
using Ats.Web.Components.Pages.Settings.Security;
using Ats.Web.Components.Pages.Users;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using RouteData = Microsoft.AspNetCore.Components.RouteData;
using Ats.Tests.Support;
using Ats.Web.Auth;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;

namespace Ats.Tests.Accounts;

/// Sign-in with an authenticator app (TOTP) and recovery codes, on the form and the API; required for admins per organisation.
public sealed class TwoFactorTests() : AccountHostTest
{
    /// Sets up two-factor sign-in in a signed-in browser the way a person does: read the key, type the app's code.
    private static async Task<(string Key, string[] RecoveryCodes)> SwitchOnAsync(HttpClient browser)
    {
        var page = await browser.GetStringAsync("/account/two-factor");
        var key = AccountHostTest.TestId(page, "two-factor-key").Replace(" ", "");
        Assert.Matches("^([a-z2-7]{4} )+[a-z2-7]{1,4}$", AccountHostTest.TestId(page, "two-factor-key")); // in groups of four
        Assert.DoesNotContain("otpauth://", page); // the URI with the secret only inside the QR code
        Assert.Contains("<svg", page); // the QR code

        var wrong = await PostFormAsync(browser, "/account/two-factor", "two-factor-on", new() { ["Input.Code"] = "12345" });
        Assert.Contains("The code is wrong.", await wrong.Content.ReadAsStringAsync());
        var on = await PostFormAsync(browser, "/account/two-factor", "two-factor-on", new() { ["Input.Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        var codes = Regex.Matches(await on.Content.ReadAsStringAsync(), "<code>([A-Z0-9]{5}-[A-Z0-9]{5})</code>").Select(m => m.Groups[1].Value).ToArray();
        Assert.Equal(10, codes.Distinct().Count());
        return (key, codes);
    }

    [Fact]
    public async Task AUserSwitchesItOnAndThenSignsInWithPasswordAndCode()
    {
        await StartAsync();
        var browser = Browser();
        await AppFactory.SignInAsync(browser, RecruiterEmail, Password);
        var (key, _) = await SwitchOnAsync(browser);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/jobs")).StatusCode); // the session that switched it on stays

        var fresh = Browser();
        var step1 = await AppFactory.SignInAsync(fresh, RecruiterEmail, Password);
        var codePage = AppFactory.RedirectPath(step1);
        Assert.StartsWith("/account/login-code", codePage);
        Assert.Equal(HttpStatusCode.Redirect, (await fresh.GetAsync("/jobs")).StatusCode); // the password alone is not enough

        var wrong = await PostFormAsync(fresh, codePage, "login-code", new() { ["Input.Code"] = "12345" });
        Assert.Contains("The code is wrong.", await wrong.Content.ReadAsStringAsync());
        var step2 = await PostFormAsync(fresh, codePage, "login-code", new() { ["Input.Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        Assert.Equal("/", AppFactory.RedirectPath(step2));
        Assert.Equal(HttpStatusCode.OK, (await fresh.GetAsync("/jobs")).StatusCode);
    }

    [Fact]
    public async Task TheCodePageNeedsTheRightPasswordFirst()
    {
        await StartAsync();

        var response = await Browser().GetAsync("/account/login-code");

        Assert.Equal("/account/login", AppFactory.RedirectPath(response));
    }

    [Fact]
    public async Task TheApiAsksForTheCodeAndTakesEachRecoveryCodeOnce()
    {
        await StartAsync();
        var browser = Browser();
        await AppFactory.SignInAsync(browser, RecruiterEmail, Password);
        var (key, recovery) = await SwitchOnAsync(browser);

        var withoutCode = await TokenAsync(RecruiterEmail, Password);
        Assert.Equal(HttpStatusCode.Unauthorized, withoutCode.StatusCode);
        Assert.Equal("two_factor_required", await CodeOf(withoutCode));
        Assert.Equal("invalid_credentials", await CodeOf(await TokenAsync(RecruiterEmail, "wrong password", Totp.Code(key, DateTimeOffset.UtcNow))));
        Assert.Equal("invalid_credentials", await CodeOf(await TokenAsync(RecruiterEmail, Password, "12345")));
        Assert.Equal(HttpStatusCode.OK, (await TokenAsync(RecruiterEmail, Password, Totp.Code(key, DateTimeOffset.UtcNow))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await TokenAsync(RecruiterEmail, Password, recovery[0])).StatusCode);
        Assert.Equal("invalid_credentials", await CodeOf(await TokenAsync(RecruiterEmail, Password, recovery[0])));
    }

    [Fact]
    public async Task WrongCodesCountAsFailedSignInsForTheThrottle()
    {
        await StartAsync();
        var browser = Browser();
        await AppFactory.SignInAsync(browser, RecruiterEmail, Password);
        var (key, _) = await SwitchOnAsync(browser);

        for (var i = 0; i < 5; i++) Assert.Equal("invalid_credentials", await CodeOf(await TokenAsync(RecruiterEmail, Password, "000000")));
        var throttled = await TokenAsync(RecruiterEmail, Password, Totp.Code(key, DateTimeOffset.UtcNow));

        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
    }

    [Fact]
    public async Task AnAdminWhoseOrganisationRequiresItSetsItUpBeforeAnyOtherPageAndCannotSwitchItOff()
    {
        await StartAsync();
        await Service<OrganisationProfile>().SetRequireTwoFactorForAdminsAsync(Admin, true);
        var refused = await TokenAsync(AdminEmail, Password);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("two_factor_setup_required", await CodeOf(refused));

        var browser = Browser();
        Assert.Equal("/", AppFactory.RedirectPath(await AppFactory.SignInAsync(browser, AdminEmail, Password)));
        foreach (var page in new[] { "/", "/jobs", "/users", "/settings" })
            Assert.Equal("/account/two-factor", AppFactory.RedirectPath(await browser.GetAsync(page)));
        Assert.Contains("Your organisation requires two-factor authentication for admins.", await browser.GetStringAsync("/account/two-factor"));
        await SwitchOnAsync(browser);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/jobs")).StatusCode);

        var off = await PostFormAsync(browser, "/account/two-factor", "two-factor-off", []);
        Assert.Contains("it cannot be switched off", await off.Content.ReadAsStringAsync());
        await using var db = Db();
        Assert.True((await db.Users.SingleAsync(u => u.Email == AdminEmail)).TwoFactorEnabled);
        Assert.Equal(HttpStatusCode.OK, (await TokenAsync(RecruiterEmail, Password)).StatusCode); // not an admin: not required
    }

    [Fact]
    public async Task AUserSwitchesItOffAgain()
    {
        await StartAsync();
        var browser = Browser();
        await AppFactory.SignInAsync(browser, RecruiterEmail, Password);
        await SwitchOnAsync(browser);

        var off = await PostFormAsync(browser, "/account/two-factor", "two-factor-off", new() { ["Input.Proof"] = Password });

        Assert.Contains("data-testid=\"two-factor-key\"", await off.Content.ReadAsStringAsync()); // ready to set up anew
        Assert.Equal(HttpStatusCode.OK, (await TokenAsync(RecruiterEmail, Password)).StatusCode);
    }

    public static TheoryData<string> WrongProofs => ["", "wrong password", "000000"];

    [Theory]
    [MemberData(nameof(WrongProofs))]
    public async Task SwitchingItOffNeedsThePasswordOrACurrentCode(string proof)
    {
        await StartAsync();
        var browser = Browser();
        await AppFactory.SignInAsync(browser, RecruiterEmail, Password);
        var (key, _) = await SwitchOnAsync(browser);

        var refused = await PostFormAsync(browser, "/account/two-factor", "two-factor-off", new() { ["Input.Proof"] = proof });

        Assert.Contains("The password or code is wrong.", await refused.Content.ReadAsStringAsync());
        Assert.Equal("two_factor_required", await CodeOf(await TokenAsync(RecruiterEmail, Password))); // still on
        var off = await PostFormAsync(browser, "/account/two-factor", "two-factor-off", new() { ["Input.Proof"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        Assert.Contains("data-testid=\"two-factor-key\"", await off.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task GuessesAtTheOffSwitchAreThrottledLikeSignIns()
    {
        await StartAsync();
        var browser = Browser();
        await AppFactory.SignInAsync(browser, RecruiterEmail, Password);
        await SwitchOnAsync(browser);

        for (var i = 0; i < 5; i++) await PostFormAsync(browser, "/account/two-factor", "two-factor-off", new() { ["Input.Proof"] = "guess " + i });
        var throttled = await PostFormAsync(browser, "/account/two-factor", "two-factor-off", new() { ["Input.Proof"] = Password });

        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        await using var db = Db();
        Assert.True((await db.Users.SingleAsync(u => u.Email == RecruiterEmail)).TwoFactorEnabled);
    }

    [Fact]
    public async Task WhileSetUpIsPendingEveryAuthorisedEndpointIsRefusedNotOnlyPages()
    {
        await StartAsync();
        await Service<OrganisationProfile>().SetRequireTwoFactorForAdminsAsync(Admin, true);
        var browser = Browser();
        await AppFactory.SignInAsync(browser, AdminEmail, Password);
        var letter = $"/offers/{Guid.NewGuid()}/letter.pdf"; // unknown: reaching the handler answers 404

        Assert.Equal("/account/two-factor", AppFactory.RedirectPath(await browser.GetAsync(letter)));
        Assert.Equal("/account/two-factor", AppFactory.RedirectPath(await browser.PostAsync("/users", new FormUrlEncodedContent([]))));
        // Pages inside the interactive circuit ask the same authorization service, with the page's route as resource.
        var authorization = Service<IAuthorizationService>();
        var pending = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.Role, "admin"), new Claim(AtsClaims.TwoFactorSetupRequired, "1")], "test"));
        var admins = new AuthorizationPolicyBuilder().RequireRole("admin").Build();
        Assert.False((await authorization.AuthorizeAsync(pending, new RouteData(typeof(UserList), new Dictionary<string, object?>()), admins)).Succeeded);
        Assert.True((await authorization.AuthorizeAsync(pending, new RouteData(typeof(TwoFactor), new Dictionary<string, object?>()), admins)).Succeeded);

        await SwitchOnAsync(browser);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync(letter)).StatusCode);
    }

    [Theory]
    [MemberData(nameof(WrongProofs))]
    public async Task NewRecoveryCodesNeedThePasswordOrACurrentCodeAndReplaceTheOldOnes(string wrongProof)
    {
        await StartAsync();
        var browser = Browser();
        await AppFactory.SignInAsync(browser, RecruiterEmail, Password);
        var (_, old) = await SwitchOnAsync(browser);
        Assert.Equal(HttpStatusCode.OK, (await TokenAsync(RecruiterEmail, Password, old[0])).StatusCode); // one used up

        var refused = await PostFormAsync(browser, "/account/two-factor", "two-factor-recovery", new() { ["Input.Proof"] = wrongProof });
        Assert.Contains("The password or code is wrong.", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await TokenAsync(RecruiterEmail, Password, old[1])).StatusCode); // the old ones still work

        var renewed = await PostFormAsync(browser, "/account/two-factor", "two-factor-recovery", new() { ["Input.Proof"] = Password });
        var codes = Regex.Matches(await renewed.Content.ReadAsStringAsync(), "<code>([A-Z0-9]{5}-[A-Z0-9]{5})</code>").Select(m => m.Groups[1].Value).ToArray();
        Assert.Equal(10, codes.Distinct().Count());
        Assert.Equal("invalid_credentials", await CodeOf(await TokenAsync(RecruiterEmail, Password, old[2]))); // the old ones are gone
        Assert.Equal(HttpStatusCode.OK, (await TokenAsync(RecruiterEmail, Password, codes[0])).StatusCode);
        Assert.DoesNotContain("<code>", await browser.GetStringAsync("/account/two-factor")); // shown once
        await using var db = Db();
        Assert.Contains(await db.AuditEntries.IgnoreQueryFilters().Where(a => a.Model == "user").Select(a => a.ChangedFields).ToListAsync(), f => f.Contains("recovery_codes"));
    }

    [Fact]
    public async Task GuessesAtNewRecoveryCodesAreThrottledLikeSignIns()
    {
        await StartAsync();
        var browser = Browser();
        await AppFactory.SignInAsync(browser, RecruiterEmail, Password);
        await SwitchOnAsync(browser);

        for (var i = 0; i < 5; i++) await PostFormAsync(browser, "/account/two-factor", "two-factor-recovery", new() { ["Input.Proof"] = "guess " + i });
        var throttled = await PostFormAsync(browser, "/account/two-factor", "two-factor-recovery", new() { ["Input.Proof"] = Password });

        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.DoesNotContain("<code>", await throttled.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AnAdminsOpenCircuitIsSignedOutAtItsNextCheckOnceTheOrganisationRequiresIt()
    {
        await StartAsync();
        await using var scope = Service<IServiceScopeFactory>().CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var factory = scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>();
        var circuit = (RevalidatingAuthStateProvider)scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>();
        var admin = (await users.FindByEmailAsync(AdminEmail))!;
        var recruiter = (await users.FindByEmailAsync(RecruiterEmail))!;
        var (adminBefore, recruiterBefore) = (await factory.CreateAsync(admin), await factory.CreateAsync(recruiter));
        Assert.True(await circuit.IsStillValidAsync(adminBefore, default));

        await Service<OrganisationProfile>().SetRequireTwoFactorForAdminsAsync(Admin, true);

        Assert.False(await circuit.IsStillValidAsync(adminBefore, default)); // signed out within the check interval (a minute)
        Assert.True(await circuit.IsStillValidAsync(recruiterBefore, default)); // others are not asked
        Assert.True(await circuit.IsStillValidAsync(await factory.CreateAsync(admin), default)); // a fresh sign-in is sent to the set-up page instead
    }
}
