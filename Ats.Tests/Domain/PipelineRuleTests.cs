using Ats.Domain.Candidates;
using Ats.Domain.Jobs;
using Ats.Domain.Interviews;
using Ats.Domain.Offers;
using Ats.Domain.Pipeline;
using Ats.Domain.Scorecards;
using Ats.Domain.Writes;
using Ats.Tests.Support;

namespace Ats.Tests.Domain;

public sealed class PipelineRuleTests : IAsyncLifetime
{
    private readonly TestDatabase _db = new();
    private Job _job = default!;

    public async Task InitializeAsync()
    {
        await _db.InitializeAsync();
        _job = await _db.Records.CreateAsync(_db.Recruiter, new Job { Title = "Backend Developer" });
    }

    public Task DisposeAsync() => _db.DisposeAsync();

    private async Task<Application> ApplyAsync(string name, Stage stage = Stage.New)
    {
        var candidate = await _db.Records.CreateAsync(_db.Recruiter, new Candidate { FirstName = name, Email = $"{name}@example.com" });
        return await _db.Records.CreateAsync(_db.Recruiter, new Application { CandidateId = candidate.Id, JobId = _job.Id, Stage = stage });
    }

    [Fact]
    public async Task NewCardsGoToTheBottomOfTheirColumn()
    {
        var first = await ApplyAsync("ada");
        var second = await ApplyAsync("bob");

        Assert.True(string.CompareOrdinal(first.KanbanPosition, second.KanbanPosition) < 0);
    }

    [Fact]
    public async Task AStageChangeWithoutAPositionPutsTheCardAtTheBottomOfTheNewColumn()
    {
        var reviewed = await ApplyAsync("ada", Stage.Review);
        var moving = await ApplyAsync("bob");

        var moved = await _db.Records.UpdateAsync<Application>(_db.Recruiter, moving.Id, null, a => a.Stage = Stage.Review);

        Assert.True(string.CompareOrdinal(reviewed.KanbanPosition, moved.KanbanPosition) < 0);
        Assert.True(moved.StageChangedAt >= moving.StageChangedAt);
    }

    [Theory]
    [InlineData("ZZ !")]
    [InlineData("a0")]
    [InlineData("A")]
    public async Task MalformedPositionsAreRefused(string position)
    {
        var application = await ApplyAsync("ada");

        var error = await Assert.ThrowsAsync<ValidationException>(() =>
            _db.Records.UpdateAsync<Application>(_db.Recruiter, application.Id, null, a => a.KanbanPosition = position));

        Assert.Equal(["kanban_position"], error.Errors.Keys);
    }

    [Fact]
    public void AppendingAThousandCardsKeepsRanksShort()
    {
        string? last = null;
        for (var i = 0; i < 1_000; i++) last = Rank.Between(last, null);

        Assert.True(last!.Length <= 30, $"{last.Length} characters");
    }

    [Fact]
    public async Task AScorecardsInterviewMustBelongToItsApplication()
    {
        var mine = await ApplyAsync("ada");
        var other = await ApplyAsync("bob");
        var interview = await _db.Records.CreateAsync(_db.Recruiter, new Interview
        {
            ApplicationId = other.Id, Kind = InterviewKind.Phone, StartsAt = DateTime.UtcNow, DurationMinutes = 30,
        });

        var error = await Assert.ThrowsAsync<ValidationException>(() => _db.Records.CreateAsync(_db.Recruiter,
            new Scorecard { ApplicationId = mine.Id, InterviewId = interview.Id, Recommendation = Recommendation.No }));

        Assert.Equal(["interview_id"], error.Errors.Keys);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-100)]
    public async Task AnOfferNeedsAPositiveSalary(decimal salary)
    {
        var application = await ApplyAsync("ada", Stage.Offer);

        var error = await Assert.ThrowsAsync<ValidationException>(() => _db.Records.CreateAsync(_db.Recruiter,
            new Offer { ApplicationId = application.Id, GrossSalary = salary, StartDate = new DateOnly(2027, 1, 1) }));

        Assert.Equal(["gross_salary"], error.Errors.Keys);
    }
}
