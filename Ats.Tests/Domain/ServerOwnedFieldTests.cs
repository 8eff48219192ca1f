using Ats.Domain.Candidates;
using Ats.Domain.Common;
using Ats.Domain.Jobs;
using Ats.Domain.Notes;
using Ats.Domain.Pipeline;
using Ats.Domain.Scorecards;
using Ats.Domain.Writes;
using Ats.Tests.Support;

namespace Ats.Tests.Domain;

/// What only the server sets cannot be set by a caller, neither on create nor on update.
public sealed class ServerOwnedFieldTests : IAsyncLifetime
{
    private readonly TestDatabase _db = new();
    private Application _application = default!;

    public async Task InitializeAsync()
    {
        await _db.InitializeAsync();
        var job = await _db.Records.CreateAsync(_db.Recruiter, new Job { Title = "Backend Developer", InterviewerIds = [_db.ManagerA.Id] });
        var candidate = await _db.Records.CreateAsync(_db.Recruiter, new Candidate { FirstName = "Ada", Email = "ada@example.com" });
        _application = await _db.Records.CreateAsync(_db.Recruiter, new Application { CandidateId = candidate.Id, JobId = job.Id });
    }

    public Task DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task ACreateIgnoresIdTimestampsVersionAndComputedFields()
    {
        var forged = new Candidate
        {
            Id = _application.Id, FirstName = "Eve", Email = "eve@example.com", Version = 99,
            CreatedAt = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc), AnonymizedAt = DateTime.UtcNow,
            ConsentGivenAt = new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc),
        };

        var saved = await _db.Records.CreateAsync(_db.Recruiter, forged);

        Assert.NotEqual(_application.Id, saved.Id);
        Assert.Equal(1, saved.Version);
        Assert.True(saved.CreatedAt.Year > 2000);
        Assert.Null(saved.AnonymizedAt);
        Assert.Null(saved.ConsentGivenAt);
    }

    [Fact]
    public async Task AnUpdateCannotForgeScoresStageTimesOrAuthors()
    {
        var note = await _db.Records.CreateAsync(_db.Recruiter, new ApplicationNote { ParentKind = ParentKind.Application, ParentId = _application.Id, Body = "Hi" });
        var scorecard = await _db.Records.CreateAsync(_db.Manager, new Scorecard
        {
            ApplicationId = _application.Id, Recommendation = Recommendation.Yes, Skills = 4, Culture = 4, Communication = 4, SubmittedAt = DateTime.UtcNow,
        });

        var updated = await _db.Records.UpdateAsync<Application>(_db.Recruiter, _application.Id, null, a =>
        {
            a.FitScore = 100;
            a.FitExplanation = "trust me";
            a.StageChangedAt = new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc);
            a.RejectionReason = "a real change";
        });
        await _db.Records.UpdateAsync<ApplicationNote>(_db.Recruiter, note.Id, null, n => { n.AuthorId = _db.AdminA.Id; n.Body = "Hello"; });
        await _db.Records.UpdateAsync<Scorecard>(_db.Manager, scorecard.Id, null, e => { e.InterviewerId = _db.RecruiterA.Id; e.Note = "edited"; e.AmendmentReason = "typo"; });

        Assert.Null(updated.FitScore);
        Assert.Null(updated.FitExplanation);
        Assert.Equal(_application.StageChangedAt, updated.StageChangedAt);
        Assert.Equal(_db.RecruiterA.Id, (await _db.Records.FindAsync<ApplicationNote>(_db.Admin, note.Id))!.AuthorId);
        Assert.Equal(_db.ManagerA.Id, (await _db.Records.FindAsync<Scorecard>(_db.Admin, scorecard.Id))!.InterviewerId);
    }

    [Fact]
    public async Task ConsentTimeIsSetByTheServerWhenConsentIsGivenAndClearedWhenWithdrawn()
    {
        var candidate = await _db.Records.CreateAsync(_db.Recruiter, new Candidate { FirstName = "Cleo", Email = "cleo@example.com" });

        var given = await _db.Records.UpdateAsync<Candidate>(_db.Recruiter, candidate.Id, null, c => c.GdprConsent = true);
        Assert.NotNull(given.ConsentGivenAt);

        var withdrawn = await _db.Records.UpdateAsync<Candidate>(_db.Recruiter, candidate.Id, null, c => c.GdprConsent = false);
        Assert.Null(withdrawn.ConsentGivenAt);
    }

    [Fact]
    public async Task NullsFromAClientAreDefaultsOrFieldErrorsNeverCrashes()
    {
        using var _ = Culture.English();
        var error = await Assert.ThrowsAsync<ValidationException>(() =>
            _db.Records.CreateAsync(_db.Recruiter, new Candidate { FirstName = null!, Email = null!, Tags = null!, Skills = null! }));
        Assert.Equal(["email", "first_name"], error.Errors.Keys.Order());

        var job = await _db.Records.CreateAsync(_db.Recruiter, new Job
        {
            Title = "Tester", HiringManagerIds = null!, FitProfile = new FitProfile { Requirements = null!, KnockoutCriteria = [new KnockoutCriterion("No visa", null!)] },
        });
        Assert.Empty(job.HiringManagerIds);
        Assert.Empty(job.FitProfile.Requirements);
        Assert.Empty(job.FitProfile.KnockoutCriteria[0].Keywords);
    }
}
