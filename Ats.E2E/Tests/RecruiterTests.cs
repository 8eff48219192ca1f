using Ats.E2E.Pages;
using Ats.E2E.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ats.E2E.Tests;

[Collection(BrowserCollection.Name)]
public sealed class RecruiterTests(BrowserFixture browser)
{
    private const string Password = "Passw0rd!demo";

    [Fact]
    public async Task RecruiterCreatesACandidateSeesTheProfileAndFindsItThroughTheListSearch()
    {
        var page = await browser.NewPageAsync();
        await new LoginPage(page).SignInAsync("recruiter@demo.example", Password);
        var candidates = new CandidatesPage(page);
        var unique = $"Zoe{Guid.NewGuid():N}"[..12];

        await candidates.CreateAsync(unique, "Quellmann", $"{unique.ToLowerInvariant()}@example.org");
        await Expect(page.GetByTestId("candidate-name")).ToHaveTextAsync($"{unique} Quellmann");
        await candidates.SearchAsync(unique);

        await Expect(candidates.Rows).ToHaveCountAsync(1);
        await Expect(candidates.Rows.First).ToContainTextAsync($"{unique} Quellmann");
    }

    [Fact]
    public async Task TheCandidateFormNamesTheBadFieldsAndKeepsTheInput()
    {
        var page = await browser.NewPageAsync();
        await new LoginPage(page).SignInAsync("recruiter@demo.example", Password);
        await new AppShell(page).GoToAsync("/candidates/new");

        await page.GetByTestId("candidate-email").FillAsync("not-an-email");
        await page.GetByTestId("candidate-save").ClickAsync();

        await Expect(page.GetByText("This field is required.")).ToBeVisibleAsync();
        await Expect(page.GetByText("Not a valid email address.")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("candidate-email")).ToHaveValueAsync("not-an-email");
        Assert.EndsWith("/candidates/new", page.Url);
    }

    [Fact]
    public async Task HiringManagerSeesNoUsersOrAuditPage()
    {
        var page = await browser.NewPageAsync();
        await new LoginPage(page).SignInAsync("manager@demo.example", Password);
        var shell = new AppShell(page);

        await Expect(shell.NavLink("Jobs")).ToBeVisibleAsync();
        await Expect(shell.NavLink("Users")).ToHaveCountAsync(0);
        await Expect(shell.NavLink("Audit log")).ToHaveCountAsync(0);

        await page.GotoAsync("/users");
        await Expect(page.GetByText("You do not have access to this page.")).ToBeVisibleAsync();
        await page.GotoAsync("/audit");
        await Expect(page.GetByText("You do not have access to this page.")).ToBeVisibleAsync();
        await page.GotoAsync("/jobs/new");
        await Expect(page.GetByText("You do not have access to this page.")).ToBeVisibleAsync();
        await page.GotoAsync("/candidates/new");
        await Expect(page.GetByText("You do not have access to this page.")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task AdminSeesAnEditedJobInTheAuditLog()
    {
        var page = await browser.NewPageAsync();
        await new LoginPage(page).SignInAsync("admin@demo.example", Password);
        var shell = new AppShell(page);
        await shell.GoToAsync("/jobs");
        await page.GetByTestId("job-table").Locator("tbody tr").First.Locator("a").ClickAsync();
        await page.GetByTestId("job-edit").ClickAsync();
        var title = page.GetByTestId("job-title");
        var newTitle = $"Audited role {Guid.NewGuid():N}"[..24];
        await title.FillAsync(newTitle);
        await page.GetByTestId("job-save").ClickAsync();
        await Expect(page.Locator("#page-title")).ToHaveTextAsync(newTitle);

        await shell.GoToAsync("/audit?model=job");

        var latest = page.GetByTestId("audit-table").Locator("tbody tr").First;
        await Expect(latest).ToContainTextAsync("Anna Admin");
        await Expect(latest).ToContainTextAsync("title");
        await Expect(latest).ToContainTextAsync("Web app");
    }

    [Fact]
    public async Task TheAppSpeaksGermanToAGermanBrowserAndSwitchesToEnglish()
    {
        var page = await browser.NewPageAsync(locale: "de-DE");
        await new LoginPage(page).SignInAsync("recruiter@demo.example", Password);
        var shell = new AppShell(page);
        await Expect(shell.NavLink("Kandidaten")).ToBeVisibleAsync();

        await page.GetByTestId("language-menu").ClickAsync();
        await page.GetByText("English").ClickAsync();
        await AppShell.WaitForCircuitAsync(page);

        await Expect(new AppShell(page).NavLink("Candidates")).ToBeVisibleAsync();
    }
}
