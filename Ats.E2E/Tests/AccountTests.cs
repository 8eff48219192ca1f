using Ats.Domain.Data;
using Ats.Domain.Identity;
using Ats.Domain.Tenancy;
using Ats.E2E.Pages;
using Ats.E2E.Support;
using Ats.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ats.E2E.Tests;

/// Passwords and two-factor sign-in in the browser. Each test brings its own people, so the demo accounts stay as they are.
[Collection(BrowserCollection.Name)]
public sealed class AccountTests(BrowserFixture browser)
{
    private const string Password = "Passw0rd!e2e-account";

    /// A new user of the demo organisation with a known password (the domain's path for seeding and tests; the Users page invites).
    private async Task<string> NewDemoUserAsync()
    {
        var email = $"change-{Guid.NewGuid():N}"[..20] + "@demo.example";
        var admin = await browser.App.ActorAsync("admin@demo.example", Roles.Admin);
        await browser.App.Services.GetRequiredService<UserAdministration>().CreateAsync(admin, email, "Paula Passwort", Roles.Recruiter, Password);
        return email;
    }

    [Fact]
    public async Task AUserChangesTheirPasswordAndSignsInWithTheNewOne()
    {
        var email = await NewDemoUserAsync();
        var page = await browser.NewPageAsync();
        await new LoginPage(page).SignInAsync(email, Password);
        await new AppShell(page).GoToAsync("/settings");

        await page.GetByTestId("settings-change-password").ClickAsync();
        await page.WaitForURLAsync("**/account/password");
        await page.Locator("#current-password").FillAsync(Password);
        await page.Locator("#new-password").FillAsync("Ein-ganz-neues-Passwort");
        await page.Locator("#repeat-password").FillAsync("Ein-ganz-neues-Passwort");
        await page.Locator("button[type=submit]").ClickAsync();
        await Expect(page.GetByTestId("password-changed")).ToBeVisibleAsync();

        var fresh = await browser.NewPageAsync();
        await fresh.GotoAsync("/account/login");
        await fresh.Locator("#email").FillAsync(email);
        await fresh.Locator("#password").FillAsync(Password);
        await fresh.Locator("button[type=submit]").ClickAsync();
        await Expect(fresh.GetByRole(AriaRole.Alert)).ToContainTextAsync("Email or password is wrong");
        await new LoginPage(fresh).SignInAsync(email, "Ein-ganz-neues-Passwort");
        await Expect(new AppShell(fresh).Navigation).ToBeVisibleAsync();
    }

    /// A second organisation whose admins must use two-factor sign-in, with one admin who has not set it up yet.
    private async Task<string> AdminOfOrganisationRequiringTwoFactorAsync()
    {
        var email = $"tfa-{Guid.NewGuid():N}"[..16] + "@zwei.example";
        await using var scope = browser.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AtsDbContext>().SystemWrite("test fixture");
        var tenant = new Tenant { Name = "Zwei Faktor AG", RequireTwoFactorForAdmins = true, CreatedAt = DateTime.UtcNow };
        db.Tenants.Add(tenant);
        await db.SaveChangesAsync();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var admin = new AppUser { TenantId = tenant.Id, Email = email, UserName = email, DisplayName = "Zora Zweifaktor", EmailConfirmed = true, CreatedAt = DateTime.UtcNow };
        Assert.True((await users.CreateAsync(admin, Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(admin, Roles.Admin)).Succeeded);
        return email;
    }

    private static async Task SubmitPasswordAsync(IPage page, string email)
    {
        await page.GotoAsync("/account/login");
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync(Password);
        await page.Locator("button[type=submit]").ClickAsync();
    }

    [Fact]
    public async Task AnAdminWhoMustUseTwoFactorSetsItUpAndSignsInWithACodeFromTheKey()
    {
        var email = await AdminOfOrganisationRequiringTwoFactorAsync();
        var page = await browser.NewPageAsync();

        // First sign-in: straight to the set-up page, whatever was asked for.
        await SubmitPasswordAsync(page, email);
        await page.WaitForURLAsync("**/account/two-factor");
        await page.GotoAsync("/jobs");
        await page.WaitForURLAsync("**/account/two-factor");
        var key = (await page.GetByTestId("two-factor-key").InnerTextAsync()).Replace(" ", "");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync(); // the only other way out
        await page.Locator("#code").FillAsync(Totp.Code(key, DateTimeOffset.UtcNow));
        await page.GetByRole(AriaRole.Button, new() { Name = "Switch on" }).ClickAsync();
        await Expect(page.GetByTestId("recovery-codes").Locator("li")).ToHaveCountAsync(10);
        await page.GetByTestId("two-factor-continue").ClickAsync();
        await AppShell.WaitForCircuitAsync(page);

        // Next sign-in: password, then the app's code.
        var fresh = await browser.NewPageAsync();
        await SubmitPasswordAsync(fresh, email);
        await fresh.WaitForURLAsync("**/account/login-code**");
        await fresh.Locator("#code").FillAsync(Totp.Code(key, DateTimeOffset.UtcNow));
        await fresh.Locator("button[type=submit]").ClickAsync();
        await AppShell.WaitForCircuitAsync(fresh);
        await new AppShell(fresh).GoToAsync("/jobs");
        Assert.EndsWith("/jobs", fresh.Url);
    }
}
