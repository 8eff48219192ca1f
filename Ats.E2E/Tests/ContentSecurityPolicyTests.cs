using Ats.Domain.Demo;
using Ats.E2E.Pages;
using Ats.E2E.Support;
using Ats.Web.Hosting;

namespace Ats.E2E.Tests;

/// The app runs under its Content-Security-Policy, and Chromium enforces it. (The board, profile and offer tests
/// also assert that their pages reported no violation.)
[Collection(BrowserCollection.Name)]
public sealed class ContentSecurityPolicyTests(BrowserFixture browser)
{
    [Fact]
    public async Task PagesCarryThePolicyAndAnInjectedInlineScriptDoesNotRun()
    {
        var page = await browser.NewPageAsync();
        await new LoginPage(page).SignInAsync(DemoSeeder.RecruiterEmail, DemoSeeder.Password);
        var response = await page.GotoAsync("/jobs");
        Assert.Equal(SecurityHeaders.AppPolicy, await response!.HeaderValueAsync("content-security-policy"));
        await AppShell.WaitForCircuitAsync(page);
        Assert.Empty(browser.CspViolations(page));

        // What an injected payload would be: an inline script. It does not run, and the refusal is reported.
        await page.EvaluateAsync("() => { const s = document.createElement('script'); s.textContent = 'window.injected = true'; document.body.appendChild(s); }");
        for (var attempt = 0; attempt < 100 && browser.CspViolations(page).Count == 0; attempt++) await Task.Delay(100);

        Assert.Contains(browser.CspViolations(page), v => v.Contains("script-src", StringComparison.Ordinal));
        Assert.False(await page.EvaluateAsync<bool>("() => window.injected === true"));
    }
}
