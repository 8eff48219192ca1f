using Ats.Domain.Candidates;
using Ats.Domain.Data;
using Ats.Domain.Demo;
using Ats.Domain.Identity;
using Ats.Domain.Jobs;
using Ats.Domain.Pipeline;
using Ats.Domain.Writes;
using Ats.E2E.Pages;
using Ats.E2E.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ats.E2E.Tests;

/// What a recruiter does on the board: drag, reorder, reload, watch a colleague's moves, reject with a reason.
[Collection(BrowserCollection.Name)]
public sealed class BoardTests(BrowserFixture browser)
{
    private const string Password = "Passw0rd!demo";

    /// A fresh job with cards in "new" (top to bottom in the given order), so each test owns its board.
    private async Task<Guid> JobWithCardsAsync(params string[] names)
    {
        var services = browser.App.Services;
        await using var db = await services.GetRequiredService<IDbContextFactory<AtsDbContext>>().CreateDbContextAsync();
        var user = await db.Users.SingleAsync(u => u.Email == DemoSeeder.RecruiterEmail);
        var actor = new Actor(user.Id, user.TenantId, Roles.Recruiter, user.DisplayName, Channel.Ui);
        var records = services.GetRequiredService<RecordService>();
        var job = await records.CreateAsync(actor, new Job { Title = $"Board test {Guid.NewGuid():N}"[..20] });
        foreach (var name in names)
        {
            var candidate = await records.CreateAsync(actor, new Candidate { FirstName = name, LastName = "Tester", Email = $"{name.ToLowerInvariant()}-{Guid.NewGuid():N}@example.org" });
            await records.CreateAsync(actor, new Application { CandidateId = candidate.Id, JobId = job.Id });
        }
        return job.Id;
    }

    private async Task<BoardPage> OpenBoardAsync(Guid jobId)
    {
        var page = await browser.NewPageAsync();
        await new LoginPage(page).SignInAsync("recruiter@demo.example", Password);
        var board = new BoardPage(page);
        await board.OpenAsync(jobId);
        return board;
    }

    [Fact]
    public async Task ACardDraggedToReviewAndACardReorderedStayThereAfterAReload()
    {
        var jobId = await JobWithCardsAsync("Anna", "Ben", "Cleo");
        var board = await OpenBoardAsync(jobId);
        await Expect(board.Cards("new")).ToHaveCountAsync(3);

        await board.DragAsync("Anna", "review");
        await Expect(board.Cards("review")).ToHaveCountAsync(1);
        await Expect(board.Count("new")).ToHaveTextAsync("2");
        await board.DragAboveAsync("Cleo", "Ben");
        await Expect(board.Cards("new").First).ToContainTextAsync("Cleo");

        await board.OpenAsync(jobId);
        Assert.Equal(["Anna Tester"], await board.NamesAsync("review"));
        Assert.Equal(["Cleo Tester", "Ben Tester"], await board.NamesAsync("new"));
        Assert.Empty(browser.CspViolations(board.Page));
    }

    [Fact]
    public async Task AColleaguesMoveShowsWithoutAReload()
    {
        var jobId = await JobWithCardsAsync("Dora", "Emil");
        var mine = await OpenBoardAsync(jobId);
        var theirs = await OpenBoardAsync(jobId);

        await theirs.MoveWithMenuAsync("Emil", "screening", top: true);

        await Expect(mine.Cards("screening")).ToHaveCountAsync(1);
        await Expect(mine.Cards("screening").First).ToContainTextAsync("Emil");
        await Expect(mine.Count("new")).ToHaveTextAsync("1");
    }

    [Fact]
    public async Task TakingACardOutOfAFinalStageAsksFirst()
    {
        var jobId = await JobWithCardsAsync("Greta");
        var board = await OpenBoardAsync(jobId);
        var page = board.Card("Greta").Page;
        await board.MoveWithMenuAsync("Greta", "hired", top: true);
        await Expect(board.Cards("hired")).ToHaveCountAsync(1);

        await board.MoveWithMenuAsync("Greta", "review", top: true);
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Expect(board.Cards("hired")).ToHaveCountAsync(1);

        await board.MoveWithMenuAsync("Greta", "review", top: true);
        await page.GetByRole(AriaRole.Button, new() { Name = "Move", Exact = true }).ClickAsync();
        await Expect(board.Cards("review")).ToHaveCountAsync(1);
        await Expect(board.Cards("hired")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task SeveralSelectedCardsAreRejectedWithOneReason()
    {
        var jobId = await JobWithCardsAsync("Hanna", "Ivo", "Jule");
        var board = await OpenBoardAsync(jobId);
        var page = board.Card("Hanna").Page;

        await board.Card("Hanna").GetByTestId("card-select").CheckAsync();
        await board.Card("Jule").GetByTestId("card-select").CheckAsync();
        await page.GetByTestId("bulk-reject").ClickAsync();
        await page.GetByTestId("reject-reason").FillAsync("Position filled");
        await page.GetByTestId("reject-confirm").ClickAsync();

        await Expect(board.Cards("rejected")).ToHaveCountAsync(2);
        Assert.Equal(["Ivo Tester"], await board.NamesAsync("new"));
    }

    [Fact]
    public async Task TheSearchFiltersTheBoardAndTheLinkKeepsIt()
    {
        var jobId = await JobWithCardsAsync("Mara", "Nils");
        var board = await OpenBoardAsync(jobId);
        var page = board.Card("Mara").Page;

        await page.GetByTestId("board-search").FillAsync("Nils");

        await Expect(board.Cards("new")).ToHaveCountAsync(1);
        await page.WaitForURLAsync(url => url.Contains("q=Nils"));
        await board.OpenAsync(jobId); // the same address without the filter
        await Expect(board.Cards("new")).ToHaveCountAsync(2);
        await new AppShell(page).GoToAsync($"/jobs/{jobId}/board?q=Nils");
        await Expect(board.Cards("new")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task TheBoardHasNoSeriousAccessibilityViolations()
    {
        var jobId = await JobWithCardsAsync("Kai", "Lena");
        var board = await OpenBoardAsync(jobId);
        await Expect(board.Cards("new")).ToHaveCountAsync(2);

        var results = await board.Card("Kai").Page.RunAxe();

        var serious = results.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Take(3).Select(n => n.Html))})").ToList();
        Assert.True(serious.Count == 0, string.Join("\n", serious));
    }

    [Fact]
    public async Task RejectingACardAsksForTheReasonAndKeepsIt()
    {
        var jobId = await JobWithCardsAsync("Fritz");
        var board = await OpenBoardAsync(jobId);

        await board.MoveWithMenuAsync("Fritz", "rejected", top: false);
        var page = board.Card("Fritz").Page;
        await page.GetByTestId("reject-reason").FillAsync("Looking for more Kotlin experience");
        await page.GetByTestId("reject-confirm").ClickAsync();

        await Expect(board.Cards("rejected")).ToHaveCountAsync(1);
        await using var db = await browser.App.Services.GetRequiredService<IDbContextFactory<AtsDbContext>>().CreateDbContextAsync();
        var application = await db.Applications.IgnoreQueryFilters().SingleAsync(a => a.JobId == jobId);
        Assert.Equal((Stage.Rejected, "Looking for more Kotlin experience"), (application.Stage, application.RejectionReason));
    }
}
