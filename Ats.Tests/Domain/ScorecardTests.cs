using Ats.Domain.Candidates;
using Ats.Domain.Interviews;
using Ats.Domain.Jobs;
using Ats.Domain.Pipeline;
using Ats.Domain.Scorecards;
using Ats.Domain.Writes;
using Ats.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ats.Tests.Domain;

/// One scorecard per interviewer and application, hidden from the other interviewers until they have submitted theirs.
public sealed class ScorecardTests : IAsyncLifetime
{
    private readonly TestDatabase _db = new();
    private Application _application = default!;
    private Interview _interview = default!;
    private Job _otherJob = default!;

    public async Task InitializeAsync()
    {
        await _db.InitializeAsync();
        // Mia (hiring manager) and Alice (admin) interview Ada for a job Mia is not on the team of.
        var job = await _db.Records.CreateAsync(_db.Recruiter, new Job { Title = "Backend Developer" });
        _otherJob = await _db.Records.CreateAsync(_db.Recruiter, new Job { Title = "Secret project" });
        var ada = await _db.Records.CreateAsync(_db.Recruiter, new Candidate { FirstName = "Ada", Email = "ada@example.com" });
        _application = await _db.Records.CreateAsync(_db.Recruiter, new Application { CandidateId = ada.Id, JobId = job.Id, Stage = Stage.Interview });
        _interview = await _db.Records.CreateAsync(_db.Recruiter, new Interview
        {
            ApplicationId = _application.Id, Kind = InterviewKind.Onsite, StartsAt = DateTime.UtcNow.AddHours(-3), DurationMinutes = 60,
            InterviewerIds = [_db.ManagerA.Id, _db.AdminA.Id],
        });
    }

    public Task DisposeAsync() => _db.DisposeAsync();

    private Task<Scorecard> ScoreAsync(Actor who, Recommendation recommendation, bool submit, int rating = 4, string? reason = null) =>
        new ScorecardActions(_db.Records).SaveAsync(who, _application.Id, _interview.Id, e =>
        {
            (e.Skills, e.Culture, e.Communication, e.Recommendation, e.AmendmentReason) = (rating, rating, rating, recommendation, reason);
        }, submit);

    [Fact]
    public async Task AnInterviewerSeesTheInterviewUnderMyScorecardsUntilTheirsIsSubmitted()
    {
        var before = await Scorecards.PendingAsync(_db.Records, _db.Manager, DateTime.UtcNow);
        await ScoreAsync(_db.Manager, Recommendation.Yes, submit: false);
        var withDraft = await Scorecards.PendingAsync(_db.Records, _db.Manager, DateTime.UtcNow);
        await ScoreAsync(_db.Manager, Recommendation.StrongYes, submit: true);
        var after = await Scorecards.PendingAsync(_db.Records, _db.Manager, DateTime.UtcNow);

        Assert.Equal(_interview.Id, Assert.Single(before).InterviewId);
        Assert.NotNull(Assert.Single(withDraft).Draft);
        Assert.Empty(after);
    }

    [Fact]
    public async Task ASecondSubmitUpdatesTheOneScorecard()
    {
        var first = await ScoreAsync(_db.Manager, Recommendation.Yes, submit: true);
        var second = await ScoreAsync(_db.Manager, Recommendation.No, submit: true, rating: 2, reason: "Slept on it");

        Assert.Equal(first.Id, second.Id);
        Assert.Equal((Recommendation.No, 2), (second.Recommendation, second.Skills));
        var duplicate = await Assert.ThrowsAsync<ValidationException>(() => _db.Records.CreateAsync(_db.Manager,
            new Scorecard { ApplicationId = _application.Id, Recommendation = Recommendation.Yes }));
        Assert.True(duplicate.Errors.ContainsKey("application_id"));
    }

    [Fact]
    public async Task OthersScorecardsStayHiddenUntilYourOwnIsSubmitted()
    {
        await ScoreAsync(_db.Admin, Recommendation.StrongNo, submit: true);

        var beforeOwn = await _db.Records.ReadAsync<Scorecard, List<Scorecard>>(_db.Manager, (rows, _) => Task.FromResult(rows.ToList()));
        await ScoreAsync(_db.Manager, Recommendation.Yes, submit: false);
        var withDraft = await _db.Records.ReadAsync<Scorecard, List<Scorecard>>(_db.Manager, (rows, _) => Task.FromResult(rows.ToList()));
        await ScoreAsync(_db.Manager, Recommendation.Yes, submit: true);
        var afterOwn = await _db.Records.ReadAsync<Scorecard, List<Scorecard>>(_db.Manager, (rows, _) => Task.FromResult(rows.ToList()));

        Assert.Empty(beforeOwn);
        Assert.Equal([_db.ManagerA.Id], withDraft.Select(e => e.InterviewerId));
        Assert.Equal(2, afterOwn.Count);
    }

    [Fact]
    public async Task RecruitersSeeEverySubmittedScorecardButNoOnesDraft()
    {
        await ScoreAsync(_db.Admin, Recommendation.StrongNo, submit: true, rating: 2);
        await ScoreAsync(_db.Manager, Recommendation.Yes, submit: false);

        var seen = await _db.Records.ReadAsync<Scorecard, List<Scorecard>>(_db.Recruiter, (rows, _) => Task.FromResult(rows.ToList()));

        Assert.Equal([_db.AdminA.Id], seen.Select(e => e.InterviewerId));
        Assert.Equal(new ScorecardSummary(1, 2, 2, 2), Scorecards.Summarize(seen));
    }

    [Fact]
    public async Task ASubmittedScorecardNeedsEveryRating()
    {
        var error = await Assert.ThrowsAsync<ValidationException>(() => new ScorecardActions(_db.Records).SaveAsync(_db.Manager, _application.Id, _interview.Id,
            e => (e.Skills, e.Recommendation) = (5, Recommendation.Yes), submit: true));

        Assert.True(error.Errors.ContainsKey("culture"));
        Assert.True(error.Errors.ContainsKey("communication"));
    }

    [Fact]
    public async Task AHiringManagerCannotReachAnApplicationOfAJobTheyAreNotOnThroughAnyService()
    {
        var bob = await _db.Records.CreateAsync(_db.Recruiter, new Candidate { FirstName = "Bob", Email = "bob@example.com" });
        var secret = await _db.Records.CreateAsync(_db.Recruiter, new Application { CandidateId = bob.Id, JobId = _otherJob.Id, Stage = Stage.Interview });

        Assert.Null(await _db.Records.FindAsync<Application>(_db.Manager, secret.Id));
        Assert.Null(await _db.Records.FindAsync<Candidate>(_db.Manager, bob.Id));
        Assert.Empty(await CandidateTimeline.LoadAsync(_db.Records, _db.Manager, bob.Id));
        Assert.Null(await Ats.Domain.Mail.MailValuesLoader.LoadAsync(_db.Records, _db.Manager, bob.Id, secret.Id, DateTime.UtcNow));
        await Assert.ThrowsAsync<NotFoundException>(() => _db.Records.UpdateAsync<Application>(_db.Manager, secret.Id, null, a => a.Stage = Stage.Offer));
        var scorecard = await Assert.ThrowsAsync<ValidationException>(() => new ScorecardActions(_db.Records).SaveAsync(_db.Manager, secret.Id, null,
            e => e.Recommendation = Recommendation.Yes, submit: false));
        Assert.True(scorecard.Errors.ContainsKey("application_id"));
        Assert.Empty(await Scorecards.PendingAsync(_db.Records, _db.Manager, DateTime.UtcNow.AddDays(30)).ContinueWith(t => t.Result.Where(p => p.ApplicationId == secret.Id).ToList()));
        // …while the application they interview for is theirs to see.
        Assert.NotNull(await _db.Records.FindAsync<Application>(_db.Manager, _application.Id));
    }

    [Fact]
    public async Task AnInterviewerWithoutAScorecardADayLaterIsRemindedOnce()
    {
        await _db.Records.UpdateAsync<Interview>(_db.Recruiter, _interview.Id, null, i => i.StartsAt = DateTime.UtcNow.AddDays(-2));
        await ScoreAsync(_db.Admin, Recommendation.Yes, submit: true);
        var reminders = new ScorecardReminders(_db.Services.GetRequiredService<IDbContextFactory<Ats.Domain.Data.AtsDbContext>>(), _db.Records, TimeProvider.System);

        var first = await reminders.SendDueAsync();
        var again = await reminders.SendDueAsync();

        Assert.Equal((1, 0), (first, again));
        await using var raw = _db.Raw();
        var reminder = await raw.Messages.IgnoreQueryFilters().SingleAsync(m => m.Subject!.StartsWith("Bewertung fehlt"));
        Assert.Equal((_db.ManagerA.Id, Ats.Domain.Mail.MessageStatus.Queued), (reminder.RecipientUserId, reminder.Status));
    }

    [Fact]
    public async Task NobodyRewritesSomeoneElsesScorecard()
    {
        var mine = await ScoreAsync(_db.Manager, Recommendation.No, submit: true, rating: 2);

        await Assert.ThrowsAsync<ForbiddenException>(() =>
            _db.Records.UpdateAsync<Scorecard>(_db.Recruiter, mine.Id, null, e => e.Recommendation = Recommendation.StrongYes));

        Assert.Equal(Recommendation.No, (await _db.Records.FindAsync<Scorecard>(_db.Recruiter, mine.Id))!.Recommendation);
    }

    [Fact]
    public async Task AHiringManagerWhoDidNotInterviewSeesTheSubmittedScorecards()
    {
        await _db.Records.UpdateAsync<Interview>(_db.Recruiter, _interview.Id, null, i => i.InterviewerIds = [_db.AdminA.Id]);
        await _db.Records.UpdateAsync<Job>(_db.Recruiter, _application.JobId, null, j => j.HiringManagerIds = [_db.ManagerA.Id]);
        await ScoreAsync(_db.Admin, Recommendation.Yes, submit: true);

        var seen = await _db.Records.ReadAsync<Scorecard, List<Scorecard>>(_db.Manager, (rows, _) => Task.FromResult(rows.ToList()));

        Assert.Equal([_db.AdminA.Id], seen.Select(e => e.InterviewerId));
    }

    [Fact]
    public async Task AChangeAfterSubmittingIsAnAmendmentThatKeepsTheOriginalForEveryReader()
    {
        await ScoreAsync(_db.Admin, Recommendation.StrongNo, submit: true, rating: 1);
        var submitted = await new ScorecardActions(_db.Records).SaveAsync(_db.Manager, _application.Id, _interview.Id, e =>
            (e.Skills, e.Culture, e.Communication, e.Recommendation, e.Note) = (5, 5, 5, Recommendation.StrongYes, "Brilliant"), submit: true);

        // Mia now reads Alice's scorecard, and changes her mind.
        var amended = await new ScorecardActions(_db.Records).SaveAsync(_db.Manager, _application.Id, _interview.Id, e =>
            (e.Skills, e.Recommendation, e.Note, e.AmendmentReason) = (2, Recommendation.No, "Weaker than I thought", "Talked to Alice"), submit: true);

        var seen = (await _db.Records.FindAsync<Scorecard>(_db.Recruiter, submitted.Id))!;
        Assert.Equal((2, Recommendation.No, "Weaker than I thought"), (seen.Skills, seen.Recommendation, seen.Note));
        Assert.Equal(submitted.SubmittedAt, seen.SubmittedAt); // still when it was first submitted
        Assert.Equal(amended.AmendedAt, seen.AmendedAt);
        Assert.NotNull(seen.AmendedAt);
        Assert.Null(seen.AmendmentReason);
        var original = Assert.Single(seen.Amendments);
        Assert.Equal((5, 5, 5, Recommendation.StrongYes, "Brilliant"), (original.Skills, original.Culture, original.Communication, original.Recommendation, original.Note));
        Assert.Equal(("Talked to Alice", _db.ManagerA.Id, seen.AmendedAt!.Value), (original.Reason, original.By!.Value, original.At));
        // On the wire too: the history goes wherever the scorecard goes; the reason is never read back as a field.
        var wire = Ats.Domain.Models.ModelCatalog.Scorecard.ToWire(seen);
        Assert.Equal("strong_yes", wire["amendments"]![0]!["recommendation"]!.GetValue<string>());
        Assert.Equal("Talked to Alice", wire["amendments"]![0]!["reason"]!.GetValue<string>());
        Assert.False(wire.ContainsKey("amendment_reason"));
        await using var raw = _db.Raw();
        Assert.Contains(await raw.AuditEntries.IgnoreQueryFilters().Where(a => a.RecordId == submitted.Id).ToListAsync(), a => a.ChangedFields.Contains("amendments"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public async Task ChangingASubmittedScorecardWithoutAReasonIsRefusedAndChangesNothing(string? reason)
    {
        using var _ = Culture.English();
        var submitted = await ScoreAsync(_db.Manager, Recommendation.Yes, submit: true);
        await using (var raw = _db.Raw())
            Assert.Single(await raw.AuditEntries.IgnoreQueryFilters().Where(a => a.RecordId == submitted.Id).ToListAsync());

        var error = await Assert.ThrowsAsync<ValidationException>(() =>
            _db.Records.UpdateAsync<Scorecard>(_db.Manager, submitted.Id, submitted.Version, e => (e.Recommendation, e.AmendmentReason) = (Recommendation.StrongNo, reason)));

        Assert.Equal(["amendment_reason"], error.Errors.Keys);
        var stored = (await _db.Records.FindAsync<Scorecard>(_db.Manager, submitted.Id))!;
        Assert.Equal((Recommendation.Yes, submitted.Version, null, 0), (stored.Recommendation, stored.Version, stored.AmendedAt, stored.Amendments.Count));
        await using (var raw = _db.Raw())
            Assert.Single(await raw.AuditEntries.IgnoreQueryFilters().Where(a => a.RecordId == submitted.Id).ToListAsync());
    }

    [Fact]
    public async Task ADraftChangesFreelyAndSubmittingIsNoAmendment()
    {
        await ScoreAsync(_db.Manager, Recommendation.Yes, submit: false, rating: 2);
        await ScoreAsync(_db.Manager, Recommendation.No, submit: false, rating: 3);
        var submitted = await ScoreAsync(_db.Manager, Recommendation.StrongNo, submit: true, rating: 1);

        Assert.Equal((null, 0), (submitted.AmendedAt, submitted.Amendments.Count));
    }

    [Fact]
    public async Task AScorecardIsAmendedAtMostTwentyTimes()
    {
        using var _ = Culture.English();
        var card = await ScoreAsync(_db.Manager, Recommendation.Yes, submit: true, rating: 1);
        for (var i = 0; i < ScorecardRules.MaxAmendments; i++)
            card = await _db.Records.UpdateAsync<Scorecard>(_db.Manager, card.Id, null, e => (e.Note, e.AmendmentReason) = ($"take {i}", "again"));

        var error = await Assert.ThrowsAsync<ValidationException>(() =>
            _db.Records.UpdateAsync<Scorecard>(_db.Manager, card.Id, null, e => (e.Note, e.AmendmentReason) = ("one more", "again")));

        Assert.Equal("A scorecard can be amended at most 20 times.", Assert.Single(error.Errors["amendment_reason"]));
        Assert.Equal(ScorecardRules.MaxAmendments, (await _db.Records.FindAsync<Scorecard>(_db.Manager, card.Id))!.Amendments.Count);
    }
}
