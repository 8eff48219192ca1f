using Ats.Domain.Pipeline;
using Ats.Web.Components.Pages.Board;

namespace Ats.Tests.Components;

/// The board's state without the page: filter, pages per column, selection and where a drop lands.
public sealed class BoardStateTests
{
    private static readonly Guid JobA = Guid.NewGuid(), JobB = Guid.NewGuid();

    private static BoardCardModel Card(string name, Stage stage = Stage.New, Guid? job = null, int? fit = null, string[]? tags = null, Guid? source = null) => new()
    {
        Id = Guid.NewGuid(), CandidateId = Guid.NewGuid(), JobId = job ?? JobA, JobTitle = "Job", Name = name, FitScore = fit,
        Tags = tags ?? [], SourceId = source, Source = source is null ? null : "Referral", Stage = stage, Version = 1, StageChangedAt = DateTime.UtcNow,
    };

    [Fact]
    public void AColumnShowsAPageAndShowMoreAddsTheNext()
    {
        var board = new BoardState();
        board.Load(Enumerable.Range(0, BoardState.PageSize + 7).Select(i => Card($"C{i}")).ToList());
        board.Apply();
        Assert.Equal((BoardState.PageSize + 7, 7), (board.Count(Stage.New), board.Hidden(Stage.New)));
        board.ShowMore(Stage.New);
        Assert.Equal((BoardState.PageSize + 7, 0), (board.Visible.Count, board.Hidden(Stage.New)));
        Assert.Equal(0, board.Count(Stage.Review));
    }

    [Fact]
    public void TheFilterCountsOnlyMatchingCardsAndTheChoicesFollowTheCards()
    {
        var source = Guid.NewGuid();
        var board = new BoardState();
        board.Load([Card("Ada Lovelace", fit: 90, tags: ["Math"], source: source), Card("Bob", fit: 40, tags: ["math", "Go"])]);
        board.Filter = BoardState.ParseFilter("ada", null, null, null);
        board.Apply();
        Assert.Equal(["Ada Lovelace"], board.Visible.Select(c => c.Name));
        board.Filter = BoardState.ParseFilter(null, null, null, "50");
        board.Apply();
        Assert.Equal(1, board.Count(Stage.New));
        Assert.Equal([(source, "Referral")], board.Sources);
        Assert.Equal(["Go", "Math"], board.Tags);
    }

    [Fact]
    public void ABadValueInTheUrlLeavesThatFilterOff() =>
        Assert.Equal(new BoardFilter("x", null, null, 100), BoardState.ParseFilter("x", "not-a-guid", null, "250"));

    [Fact]
    public void ASelectedCardThatIsGoneIsUnselected()
    {
        var (kept, gone) = (Card("Kept"), Card("Gone"));
        var board = new BoardState();
        board.Load([kept, gone]);
        board.Select(kept.Id, true);
        board.Select(gone.Id, true);
        board.Load([kept]);
        Assert.Equal([kept], board.SelectedCards());
        board.ClearSelection();
        Assert.Equal(0, board.SelectedCount);
    }

    [Fact]
    public void ADropGoesBelowTheNearestCardOfItsOwnJobAbove()
    {
        var (a1, b1, a2) = (Card("A1", Stage.Review), Card("B1", Stage.Review, JobB), Card("A2", Stage.Review));
        var moving = Card("Moving");
        var board = new BoardState();
        board.Load([a1, b1, a2, moving]);
        board.Apply();
        Assert.Null(board.DropAfter(moving, Stage.Review, 0));
        Assert.Equal(a1.Id, board.DropAfter(moving, Stage.Review, 2)); // below B1, another job's card: after A1
        Assert.Equal(a2.Id, board.DropAfter(moving, Stage.Review, -1));
        Assert.Equal(a2.Id, board.DropAfter(moving, Stage.Review, 99));
    }

    [Fact]
    public void TheMenuMovesToTheTopOrBelowTheLastCardOfTheJob()
    {
        var (a1, b1, moving) = (Card("A1", Stage.Review), Card("B1", Stage.Review, JobB), Card("Moving"));
        var board = new BoardState();
        board.Load([a1, b1, moving]);
        Assert.Null(board.MenuAfter(moving, Stage.Review, top: true));
        Assert.Equal(a1.Id, board.MenuAfter(moving, Stage.Review, top: false));
        Assert.Null(board.MenuAfter(moving, Stage.Offer, top: false));
    }
}
