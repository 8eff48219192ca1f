using Ats.Domain.Candidates;
using Ats.Domain.Interviews;
using Ats.Domain.Jobs;
using Ats.Domain.Pipeline;
using Ats.Domain.Writes;
using Ats.Domain.Sources;
using Ats.Tests.Support;
using Ats.Web.Components.Pages.Board;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Ats.Tests.Components;

/// The board page over the real domain: what a card shows, and the keyboard-friendly "Move to…" menu.
public sealed class BoardTests : MudTestContext
{
    private Job _job = default!;
    private Application _ada = default!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var recruiter = Database.Recruiter;
        _job = await Database.Records.CreateAsync(recruiter, new Job { Title = "Platform Engineer" });
        var source = await Database.Records.CreateAsync(recruiter, new Source { Name = "Referral desk", Kind = SourceKind.Referral });
        var ada = await Database.Records.CreateAsync(recruiter, new Candidate { FirstName = "Ada", LastName = "Lovelace", Email = "ada@example.com", Tags = ["kotlin", "remote"] });
        var bob = await Database.Records.CreateAsync(recruiter, new Candidate { FirstName = "Bob", LastName = "Baker", Email = "bob@example.com" });
        _ada = await Database.Records.CreateAsync(recruiter, new Application { CandidateId = ada.Id, JobId = _job.Id, SourceId = source.Id });
        await Database.Records.CreateAsync(recruiter, new Application { CandidateId = bob.Id, JobId = _job.Id });
        await using var db = Database.Raw();
        await db.Applications.IgnoreQueryFilters().Where(a => a.Id == _ada.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.FitScore, 87));
        await Database.Records.CreateAsync(recruiter, new Interview
        {
            ApplicationId = _ada.Id, Kind = InterviewKind.Video, StartsAt = DateTime.UtcNow.AddDays(2), DurationMinutes = 45,
        });
    }

    private IRenderedComponent<MudPopoverProvider> _popovers = default!;
    private IRenderedComponent<MudDialogProvider> _dialogs = default!;

    private async Task<IRenderedComponent<Board>> RenderBoardAsync()
    {
        _popovers = Render<MudPopoverProvider>(); // where menus open
        _dialogs = Render<MudDialogProvider>();
        var board = Render<Board>(p => p.Add(b => b.Id, _job.Id));
        await board.WaitForStateAsync(() => board.FindAll("[data-testid=board-card]").Count == 2);
        return board;
    }

    [Fact]
    public async Task TheBoardOverAllOpenJobsNamesEachCardsJobAndCanShowOneJob()
    {
        using var _ = Culture.English();
        await Database.Records.UpdateAsync<Job>(Database.Recruiter, _job.Id, null, j => j.Status = JobStatus.Open);
        var other = await Database.Records.CreateAsync(Database.Recruiter, new Job { Title = "Data Analyst", Status = JobStatus.Open });
        var draft = await Database.Records.CreateAsync(Database.Recruiter, new Job { Title = "Draft role" }); // not open: not on this board
        var dora = await Database.Records.CreateAsync(Database.Recruiter, new Candidate { FirstName = "Dora", Email = "dora@example.com" });
        await Database.Records.CreateAsync(Database.Recruiter, new Application { CandidateId = dora.Id, JobId = draft.Id });
        var cleo = await Database.Records.CreateAsync(Database.Recruiter, new Candidate { FirstName = "Cleo", Email = "cleo@example.com" });
        await Database.Records.CreateAsync(Database.Recruiter, new Application { CandidateId = cleo.Id, JobId = other.Id });
        _popovers = Render<MudPopoverProvider>();

        var all = Render<Board>();
        await all.WaitForStateAsync(() => all.FindAll("[data-testid=board-card]").Count == 3);
        Assert.Equal(["Data Analyst", "Platform Engineer", "Platform Engineer"], all.FindAll("[data-testid=card-job]").Select(j => j.TextContent.Trim()));

        Services.GetRequiredService<NavigationManager>().NavigateTo($"/board?job={other.Id}");
        var one = Render<Board>();
        await one.WaitForStateAsync(() => one.FindAll("[data-testid=board-card]").Count == 1);
        Assert.Contains("Cleo", one.Find("[data-testid=card-name]").TextContent);
    }

    [Theory]
    [InlineData("min_fit=80", 1)]
    [InlineData("q=bob", 1)]
    [InlineData("min_fit=abc&source=xyz", 2)] // a hand-edited link with bad values shows the board unfiltered
    public async Task TheFilterInTheLinkAppliesFromTheFirstView(string query, int cards)
    {
        using var _ = Culture.English();
        await Database.Records.UpdateAsync<Job>(Database.Recruiter, _job.Id, null, j => j.Status = JobStatus.Open);
        Services.GetRequiredService<NavigationManager>().NavigateTo($"/board?job={_job.Id}&{query}");

        var board = Render<Board>();

        await board.WaitForStateAsync(() => board.FindAll("[data-testid=board-card]").Count == cards);
        Assert.Equal(cards, board.FindAll("[data-testid=board-card]").Count);
    }

    [Fact]
    public async Task ClearingTheSelectionUnticksTheCards()
    {
        using var _ = Culture.English();
        var board = await RenderBoardAsync();
        await board.Find($"[data-card-id='{_ada.Id}'] [data-testid=card-select]").ChangeAsync(new() { Value = true });
        await board.WaitForStateAsync(() => board.FindAll("[data-testid=bulk-bar]").Count == 1);

        await board.Find("[data-testid=bulk-bar] button:last-child").ClickAsync(new());

        board.WaitForAssertion(() => Assert.All(board.FindAll("[data-testid=card-select]"), box => Assert.False(box.HasAttribute("checked"))));
        Assert.Empty(board.FindAll("[data-testid=bulk-bar]"));
    }

    private static string Count(IRenderedComponent<Board> board, string stage) =>
        board.Find($"[data-testid=column-{stage}] [data-testid=column-count]").TextContent.Trim();

    [Fact]
    public async Task ACardShowsNameFitSourceDaysInStageNextInterviewAndTags()
    {
        using var _ = Culture.English();
        var board = await RenderBoardAsync();

        var card = board.Find($"[data-card-id='{_ada.Id}']");
        Assert.Equal("Ada Lovelace", card.QuerySelector("[data-testid=card-name]")!.TextContent.Trim());
        Assert.Equal("Fit 87", card.QuerySelector("[data-testid=card-fit]")!.TextContent.Trim());
        Assert.Equal("Referral desk", card.QuerySelector("[data-testid=card-source]")!.TextContent.Trim());
        Assert.Equal("0 d in stage", card.QuerySelector("[data-testid=card-days]")!.TextContent.Trim());
        Assert.StartsWith("Interview ", card.QuerySelector("[data-testid=card-interview]")!.TextContent.Trim());
        Assert.Equal(["kotlin", "remote"], card.QuerySelectorAll("[data-testid=card-tag]").Select(t => t.TextContent.Trim()));
    }

    [Fact]
    public async Task ClickingACardShowsItsApplicationWithStageHistoryAndTimeInStage()
    {
        using var _ = Culture.English();
        await Database.Services.GetRequiredService<PipelineMoves>().MoveAsync(Database.Recruiter, _ada.Id, null, Stage.Review, null);
        var board = await RenderBoardAsync();

        await board.Find($"[data-card-id='{_ada.Id}'] [data-testid=card-name]").ClickAsync(new());

        await _dialogs.WaitForStateAsync(() => _dialogs.FindAll("[data-testid=application-history] tr").Count == 2);
        var history = _dialogs.FindAll("[data-testid=application-history] tr").Select(r => r.TextContent).ToList();
        Assert.Contains("New", history[0]);
        Assert.Contains("New → Review", history[1]);
        Assert.Contains("Rolf Recruiter", history[1]);
        Assert.Contains("Review: 0 d", _dialogs.Find("[data-testid=application-time-in-stage]").TextContent);
    }

    [Fact]
    public async Task TheMoveToMenuMovesTheCardAndTheColumnCountsFollow()
    {
        using var _ = Culture.English();
        var board = await RenderBoardAsync();
        Assert.Equal(("2", "0"), (Count(board, "new"), Count(board, "review")));

        await board.Find($"[data-card-id='{_ada.Id}'] [data-testid=card-move-menu] button").ClickAsync(new());
        await _popovers.WaitForStateAsync(() => _popovers.FindAll("[data-testid=move-review-top]").Count > 0);
        await _popovers.Find("[data-testid=move-review-top]").ClickAsync(new());

        board.WaitForAssertion(() => Assert.Equal(("1", "1"), (Count(board, "new"), Count(board, "review"))));
        await using var db = Database.Raw();
        Assert.Equal(Stage.Review, (await db.Applications.IgnoreQueryFilters().SingleAsync(a => a.Id == _ada.Id)).Stage);
    }
}
