using System.Net;
using System.Net.Http.Headers;
using Ats.E2E.Pages;
using Ats.E2E.Support;
using static Microsoft.Playwright.Assertions;

namespace Ats.E2E.Tests;

[Collection(BrowserCollection.Name)]
public sealed class IntegrationsTests(BrowserFixture browser)
{
    [Fact]
    public async Task AnAdminCreatesATokenSeesItOnceAndItWorksAgainstTheApi()
    {
        var page = await browser.NewPageAsync();
        await new LoginPage(page).SignInAsync("admin@demo.example", "Passw0rd!demo");
        await new AppShell(page).NavLink("Integrations").ClickAsync();
        await AppShell.WaitForCircuitAsync(page);

        await page.GetByTestId("token-new").ClickAsync();
        await page.GetByTestId("token-name").FillAsync("Data warehouse");
        await page.GetByTestId("job:read").ClickAsync();
        await page.GetByTestId("token-create").ClickAsync();
        var token = await page.GetByTestId("token-value").InputValueAsync();
        Assert.Matches("^pat_[0-9A-Za-z]{38}$", token);
        await page.GetByTestId("token-done").ClickAsync();

        var row = page.GetByTestId("token-table").Locator("tbody tr", new() { HasText = "Data warehouse" });
        await Expect(row).ToContainTextAsync(token[..12]);
        await Expect(page.GetByTestId("token-value")).ToHaveCountAsync(0); // the closing dialog may still be in the page
        Assert.DoesNotContain(token, await page.ContentAsync()); // shown once, never again

        using var api = new HttpClient { BaseAddress = new Uri(browser.BaseUrl) };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/xapi2/data/job")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync("/xapi2/data/candidate")).StatusCode);

        await row.GetByTestId("token-revoke").ClickAsync();
        await page.Locator(".mud-dialog").GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Revoke" }).ClickAsync();
        await Expect(row).ToContainTextAsync("Revoked");
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/xapi2/data/job")).StatusCode);
    }

    [Fact]
    public async Task ATokenThatNeverExpiresNeedsThePasswordAgain()
    {
        var page = await browser.NewPageAsync();
        await new LoginPage(page).SignInAsync("admin@demo.example", "Passw0rd!demo");
        await new AppShell(page).NavLink("Integrations").ClickAsync();
        await AppShell.WaitForCircuitAsync(page);
        await page.GetByTestId("token-new").ClickAsync();
        await page.GetByTestId("token-name").FillAsync("Forever");
        await page.GetByTestId("job:read").ClickAsync();
        await Expect(page.GetByTestId("token-password")).ToHaveCountAsync(0); // 90 days need no password

        await page.GetByTestId("token-lifetime").ClickAsync();
        await page.GetByRole(Microsoft.Playwright.AriaRole.Option, new() { Name = "never (not recommended)" }).ClickAsync();
        var password = page.GetByTestId("token-password");
        await password.FillAsync("not my password");
        await page.GetByTestId("token-create").ClickAsync();
        await Expect(page.GetByText("The password is wrong.").First).ToBeVisibleAsync();
        await Expect(page.GetByTestId("token-value")).ToHaveCountAsync(0);

        await password.FillAsync("Passw0rd!demo");
        await page.GetByTestId("token-create").PressAsync("Enter"); // from the keyboard: the warning's snackbar covers the button
        Assert.Matches("^pat_[0-9A-Za-z]{38}$", await page.GetByTestId("token-value").InputValueAsync());
        await page.GetByTestId("token-done").ClickAsync();
        var row = page.GetByTestId("token-table").Locator("tbody tr", new() { HasText = "Forever" });
        await Expect(row.Locator("td").Nth(5)).ToHaveTextAsync("never");
    }
}
