using Microsoft.Playwright;

namespace Ats.E2E.Pages;

public sealed class LoginPage(IPage page)
{
    public async Task SignInAsync(string email, string password)
    {
        await page.GotoAsync("/account/login");
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync(password);
        await page.Locator("button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/login"));
        await AppShell.WaitForCircuitAsync(page);
    }
}
