using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
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
        await Expect(row).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"\b1 scope\b(?!s)")); // not "1 scopes"
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
    public async Task TheWebhooksTableFitsA1280PixelScreenAndLinksToTheAppsOwnDocs()
    {
        using var api = new HttpClient { BaseAddress = new Uri(browser.BaseUrl) };
        var signIn = await api.PostAsJsonAsync("/xapi2/auth/token", new { email = "admin@demo.example", password = "Passw0rd!demo" });
        var jwt = (await signIn.Content.ReadFromJsonAsync<JsonObject>())!["access_token"]!.GetValue<string>();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", jwt);
        // The widest row there is: a long URL without a break and many event types.
        var url = "https://203.0.113.10/hooks/" + new string('x', 180) + "?tenant=demo-organisation-with-a-long-name";
        var events = new[] { "application.created", "application.updated", "application.deleted", "candidate.created", "candidate.updated",
            "candidate.deleted", "interview.created", "interview.updated", "offer.created", "offer.updated" };
        var created = await api.PostAsJsonAsync("/xapi2/webhooks", new { url, events, description = "CRM" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var page = await browser.NewPageAsync();
        await page.SetViewportSizeAsync(1280, 800);
        await new LoginPage(page).SignInAsync("admin@demo.example", "Passw0rd!demo");
        await new AppShell(page).GoToAsync("/integrations");
        await Expect(page.GetByTestId("webhook-table")).ToContainTextAsync("CRM");

        var widths = await page.EvaluateAsync<int[]>(@"() => {
            const table = document.querySelector('[data-testid=webhook-table] .mud-table-container');
            return [table.scrollWidth, table.clientWidth, document.documentElement.scrollWidth, window.innerWidth];
        }");
        Assert.True(widths[0] <= widths[1], $"the webhooks table is {widths[0]} px wide in a {widths[1]} px box");
        Assert.True(widths[2] <= widths[3], $"the page is {widths[2]} px wide in a {widths[3]} px window");
        await Expect(page.GetByTestId("webhook-docs")).ToHaveAttributeAsync("href", "/xapi2/docs#webhooks");
        Assert.DoesNotContain("docs/webhooks.md", await page.ContentAsync());

        await page.GotoAsync("/xapi2/docs#webhooks");
        await Expect(page.Locator("#webhooks")).ToBeVisibleAsync();
        await Expect(page.Locator("#webhooks-verify + p + pre")).ToContainTextAsync("hmac.compare_digest");
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
