using Microsoft.Playwright;

namespace Ats.E2E.Pages;

/// The navigation and layout every signed-in page shares.
public sealed class AppShell(IPage page)
{
    public ILocator Navigation => page.GetByTestId("main-nav");

    public ILocator NavLink(string name) => Navigation.GetByRole(AriaRole.Link, new() { Name = name, Exact = true });

    /// Blazor handlers only run once the interactive circuit is up; wait for the marker the layout renders.
    public static Task WaitForCircuitAsync(IPage page) =>
        page.Locator("#circuit-status[data-interactive=true]").WaitForAsync(new() { State = WaitForSelectorState.Attached });

    public async Task GoToAsync(string path)
    {
        await page.GotoAsync(path);
        await WaitForCircuitAsync(page);
    }
}
