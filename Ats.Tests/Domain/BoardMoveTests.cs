using Ats.Domain.Candidates;
using Ats.Domain.Jobs;
using Ats.Domain.Pipeline;
using Ats.Domain.Writes;
using Ats.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ats.Tests.Domain;

/// Cards move on the board through the domain: one row per move, a strict order, a stage history, and the rules.
public sealed class BoardMoveTests : IAsyncLifetime
{
    private readonly TestDatabase _db = new();
    private Job _job = default!;
    private PipelineMoves Moves => _db.Services.GetRequiredService<PipelineMoves>();

    public async Task InitializeAsync()
    {
        await _db.InitializeAsync();
        _job = await _db.Records.CreateAsync(_db.Recruiter, new Job { Title = "Board" });
    }

    public Task DisposeAsync() => _db.DisposeAsync();

    private async Task<List<Application>> CardsAsync(int count)
    {
        var cards = new List<Application>();
        for (var i = 0; i < count; i++)
        {
            var candidate = await _db.Records.CreateAsync(_db.Recruiter, new Candidate { FirstName = $"Card{i}", Email = $"card{i}@example.com" });
            cards.Add(await _db.Records.CreateAsync(_db.Recruiter, new Application { CandidateId = candidate.Id, JobId = _job.Id }));
        }
        return cards;
    }

    private Task<List<Application>> BoardAsync() => _db.Records.ReadAsync<Application, List<Application>>(_db.Recruiter, (rows, _) =>
        rows.Where(a => a.JobId == _job.Id).OrderBy(a => a.Stage).ThenBy(a => a.KanbanPosition).ToListAsync());

    private async Task<List<StageChange>> HistoryAsync(Guid id)
    {
        await using var db = _db.Raw();
        db.TenantId = _db.TenantA.Id;
        return await db.StageChanges.Where(c => c.ApplicationId == id).OrderBy(c => c.At).ThenBy(c => c.Id).ToListAsync();
    }

    [Fact]
    public void TenThousandRandomMovesKeepAStrictOrderWithBoundedRanks()
    {
        var random = new Random(4711);
        var columns = Enumerable.Range(0, 8).Select(_ => new List<string>()).ToList();
        columns[0].AddRange(Rank.Spread(300));
        var respreads = 0;
        for (var move = 0; move < 10_000; move++)
        {
            var from = columns[random.Next(columns.Count)];
            if (from.Count == 0) continue;
            from.RemoveAt(random.Next(from.Count));
            var to = columns[random.Next(columns.Count)];
            // One move in four goes to the top of a column, the gap that fills up fastest.
            var index = random.Next(4) == 0 ? 0 : random.Next(to.Count + 1);
            if (Placement.RankAt(to, index) is { } rank) to.Insert(index, rank);
            else
            {
                respreads++;
                var spread = Rank.Spread(to.Count + 1);
                to.Clear();
                to.AddRange(spread);
            }

            Assert.All(to, r => Assert.True(Rank.IsValid(r) && r.Length <= Placement.MaxRankLength, r));
            for (var i = 1; i < to.Count; i++) Assert.True(string.CompareOrdinal(to[i - 1], to[i]) < 0, $"{to[i - 1]} !< {to[i]}");
        }
        Assert.Equal(300, columns.Sum(c => c.Count));
        Assert.InRange(respreads, 0, 1_000); // rare: a move normally writes one card
    }

    [Fact]
    public async Task RandomMovesThroughTheDomainKeepEveryCardOnceInAStrictOrder()
    {
        var cards = await CardsAsync(12);
        var random = new Random(7);
        for (var move = 0; move < 60; move++)
        {
            var board = await BoardAsync();
            var card = board[random.Next(board.Count)];
            var stage = (Stage)random.Next(5); // the open stages: no reasons or confirmations needed
            var column = board.Where(a => a.Stage == stage && a.Id != card.Id).ToList();
            var after = column.Count == 0 || random.Next(3) == 0 ? null : column[random.Next(column.Count)];
            await Moves.MoveAsync(_db.Recruiter, card.Id, card.Version, stage, after?.Id);

            var moved = (await BoardAsync()).Where(a => a.Stage == stage).ToList();
            var position = moved.FindIndex(a => a.Id == card.Id);
            Assert.Equal(after?.Id, position == 0 ? null : moved[position - 1].Id);
        }
        var final = await BoardAsync();
        Assert.Equal(cards.Select(c => c.Id).Order(), final.Select(c => c.Id).Order());
        foreach (var column in final.GroupBy(a => a.Stage))
            Assert.Equal(column.Count(), column.Select(a => a.KanbanPosition).Distinct().Count());
    }

    [Fact]
    public async Task AMoveWritesOneRowAndTheStageHistory()
    {
        var cards = await CardsAsync(3);

        var moved = await Moves.MoveAsync(_db.Recruiter, cards[2].Id, cards[2].Version, Stage.Review, afterId: null);

        var board = await BoardAsync();
        Assert.Equal([1, 1, 2], board.OrderBy(a => a.Id == cards[2].Id).Select(a => a.Version));
        Assert.Equal(Stage.Review, moved.Stage);
        var history = await HistoryAsync(moved.Id);
        Assert.Equal([(null, Stage.New), (Stage.New, Stage.Review)], history.Select(h => (h.FromStage, h.ToStage)));
        Assert.Equal(_db.RecruiterA.Id, history[1].ActorId);
    }

    [Fact]
    public async Task AStaleVersionIsRefusedAndNothingMoves()
    {
        var card = (await CardsAsync(1))[0];
        await Moves.MoveAsync(_db.Recruiter, card.Id, card.Version, Stage.Review, null);

        await Assert.ThrowsAsync<ConcurrencyException>(() => Moves.MoveAsync(_db.Recruiter, card.Id, card.Version, Stage.Interview, null));
        Assert.Equal(Stage.Review, (await BoardAsync()).Single().Stage);
    }

    [Fact]
    public async Task RejectingNeedsAReasonAndLeavingAFinalStageNeedsAConfirmation()
    {
        var card = (await CardsAsync(1))[0];

        var noReason = await Assert.ThrowsAsync<ValidationException>(() => Moves.MoveAsync(_db.Recruiter, card.Id, null, Stage.Rejected, null));
        Assert.Contains("rejection_reason", noReason.Errors.Keys);
        var rejected = await Moves.MoveAsync(_db.Recruiter, card.Id, null, Stage.Rejected, null, rejectionReason: "Salary expectations");
        Assert.Equal("Salary expectations", rejected.RejectionReason);

        var unconfirmed = await Assert.ThrowsAsync<ValidationException>(() => Moves.MoveAsync(_db.Recruiter, card.Id, null, Stage.Review, null));
        Assert.Contains("stage", unconfirmed.Errors.Keys);
        var reopened = await Moves.MoveAsync(_db.Recruiter, card.Id, null, Stage.Review, null, confirmed: true);
        Assert.Null(reopened.RejectionReason);
        Assert.Equal([Stage.New, Stage.Rejected, Stage.Review], (await HistoryAsync(card.Id)).Select(h => h.ToStage));
    }

    [Fact]
    public async Task ABulkRejectionMovesEveryCardWithOneReasonOrNone()
    {
        var cards = await CardsAsync(4);
        var ids = cards.Take(3).Select(c => c.Id).ToList();

        await Assert.ThrowsAsync<ValidationException>(() => Moves.MoveManyAsync(_db.Recruiter, ids, Stage.Rejected));
        Assert.All(await BoardAsync(), a => Assert.Equal(Stage.New, a.Stage));

        await Moves.MoveManyAsync(_db.Recruiter, ids, Stage.Rejected, "Position filled");
        var rejected = (await BoardAsync()).Where(a => a.Stage == Stage.Rejected).ToList();
        Assert.Equal(ids.Order(), rejected.Select(a => a.Id).Order());
        Assert.All(rejected, a => Assert.Equal("Position filled", a.RejectionReason));
        Assert.Equal(3, rejected.Select(a => a.KanbanPosition).Distinct().Count());
    }

    [Fact]
    public async Task CardsOnTheSameRankAreRespreadInTheSameWrite()
    {
        var cards = await CardsAsync(3);
        await using (var db = _db.Raw())
            await db.Applications.IgnoreQueryFilters().Where(a => a.Id == cards[0].Id || a.Id == cards[1].Id)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.KanbanPosition, "m")); // as two writers racing might leave them
        var (first, second) = string.CompareOrdinal(cards[0].Id.ToString(), cards[1].Id.ToString()) < 0 ? (cards[0], cards[1]) : (cards[1], cards[0]);

        await Moves.MoveAsync(_db.Recruiter, cards[2].Id, null, Stage.New, afterId: first.Id);

        var column = await BoardAsync();
        Assert.Equal([first.Id, cards[2].Id, second.Id], column.Select(a => a.Id));
        Assert.Equal(3, column.Select(a => a.KanbanPosition).Distinct().Count());
    }

    [Fact]
    public async Task ABulkRejectionKeepsTheReasonOfCardsAlreadyRejected()
    {
        var cards = await CardsAsync(2);
        await Moves.MoveAsync(_db.Recruiter, cards[0].Id, null, Stage.Rejected, null, rejectionReason: "No work permit");

        await Moves.MoveManyAsync(_db.Recruiter, cards.Select(c => c.Id).ToList(), Stage.Rejected, "Position filled");

        var reasons = (await BoardAsync()).ToDictionary(a => a.Id, a => a.RejectionReason);
        Assert.Equal(("No work permit", "Position filled"), (reasons[cards[0].Id], reasons[cards[1].Id]));
    }

    [Fact]
    public async Task ARejectedCardCannotLoseItsReason()
    {
        var card = (await CardsAsync(1))[0];
        await Moves.MoveAsync(_db.Recruiter, card.Id, null, Stage.Rejected, null, rejectionReason: "Too junior");

        var error = await Assert.ThrowsAsync<ValidationException>(() =>
            _db.Records.UpdateAsync<Application>(_db.Recruiter, card.Id, null, a => a.RejectionReason = " "));
        Assert.Contains("rejection_reason", error.Errors.Keys);
    }

    [Fact]
    public void TimeInStageAddsUpEveryStayFromTheHistory()
    {
        var start = new DateTime(2026, 11, 1, 9, 0, 0, DateTimeKind.Utc);
        StageChange At(int hours, Stage? from, Stage to) => new() { At = start.AddHours(hours), FromStage = from, ToStage = to };
        var history = new[] { At(0, null, Stage.New), At(24, Stage.New, Stage.Review), At(30, Stage.Review, Stage.New), At(31, Stage.New, Stage.Review) };

        var times = StageHistory.TimeInStage(history, start.AddHours(40));

        Assert.Equal(TimeSpan.FromHours(25), times[Stage.New]);
        Assert.Equal(TimeSpan.FromHours(15), times[Stage.Review]);
    }
}
