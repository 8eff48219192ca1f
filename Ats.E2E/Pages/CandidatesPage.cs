using Microsoft.Playwright;

namespace Ats.E2E.Pages;

public sealed class CandidatesPage(IPage page)
{
    private readonly AppShell _shell = new(page);

    public ILocator Rows => page.GetByTestId("candidate-table").Locator("tbody tr");

    public async Task CreateAsync(string firstName, string lastName, string email)
    {
        await _shell.GoToAsync("/candidates");
        await page.GetByTestId("candidate-new").ClickAsync();
        await page.GetByTestId("candidate-first-name").FillAsync(firstName);
        await page.GetByTestId("candidate-last-name").FillAsync(lastName);
        await page.GetByTestId("candidate-email").FillAsync(email);
        await page.GetByTestId("candidate-save").ClickAsync();
        await page.WaitForURLAsync(url => !url.EndsWith("/candidates/new")); // to the new candidate's profile
    }

    public async Task SearchAsync(string text)
    {
        await _shell.GoToAsync("/candidates");
        await page.GetByTestId("candidate-search").FillAsync(text);
    }
}
