using Ats.Domain.Audit;
using Ats.Domain.Candidates;
using Ats.Domain.Common;
using Ats.Domain.Interviews;
using Ats.Domain.Jobs;
using Ats.Domain.Notes;
using Ats.Domain.Pipeline;
using Ats.Domain.Scorecards;
using Ats.Domain.Sources;
using Ats.Domain.Tasks;
using Ats.Domain.Writes;
using Ats.Tests.Support;

namespace Ats.Tests.Domain;

/// A delete takes what hangs on the row with it, and each removed or changed row is audited and announced.
public sealed class CascadeTests : IAsyncLifetime
{
    private readonly TestDatabase _db = new();

    public Task InitializeAsync() => _db.InitializeAsync();
    public Task DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task DeletingACandidateRemovesEverythingAboutThemWithAnAuditEntryEach()
    {
        var job = await _db.Records.CreateAsync(_db.Recruiter, new Job { Title = "Backend Developer" });
        var candidate = await _db.Records.CreateAsync(_db.Recruiter, new Candidate { FirstName = "Ada", Email = "ada@example.com" });
        var application = await _db.Records.CreateAsync(_db.Recruiter, new Application { CandidateId = candidate.Id, JobId = job.Id });
        var interview = await _db.Records.CreateAsync(_db.Recruiter, new Interview
        {
            ApplicationId = application.Id, Kind = InterviewKind.Video, StartsAt = DateTime.UtcNow.AddDays(1), DurationMinutes = 45,
        });
        var scorecard = await _db.Records.CreateAsync(_db.Recruiter, new Scorecard { ApplicationId = application.Id, InterviewId = interview.Id, Recommendation = Recommendation.Yes });
        var candidateNote = await _db.Records.CreateAsync(_db.Recruiter, new ApplicationNote { ParentKind = ParentKind.Candidate, ParentId = candidate.Id, Body = "Met at a fair" });
        var applicationNote = await _db.Records.CreateAsync(_db.Recruiter, new ApplicationNote { ParentKind = ParentKind.Application, ParentId = application.Id, Body = "Strong" });
        var task = await _db.Records.CreateAsync(_db.Recruiter, new TaskItem { Title = "Call back", ParentKind = ParentKind.Candidate, ParentId = candidate.Id });
        await using var raw = _db.Raw();
        var invitation = await raw.Messages.IgnoreQueryFilters().SingleAsync(m => m.CandidateId == candidate.Id); // the interview's
        var events = new List<ChangeEvent>();
        using var subscription = _db.Feed.Subscribe(events.Add);

        await _db.Records.DeleteAsync<Candidate>(_db.Recruiter, candidate.Id, null);

        Guid[] gone = [candidate.Id, application.Id, interview.Id, scorecard.Id, candidateNote.Id, applicationNote.Id, task.Id, invitation.Id];
        var deletes = await raw.AuditEntries.IgnoreQueryFilters().Where(e => e.Action == AuditAction.Delete).Select(e => e.RecordId).ToListAsync();
        Assert.Equal(gone.Order(), deletes.Order());
        Assert.Equal(gone.Order(), events.Where(e => e.Action == AuditAction.Delete).Select(e => e.RecordId).Order());
        Assert.False(await raw.Applications.IgnoreQueryFilters().AnyAsync());
        Assert.False(await raw.Notes.IgnoreQueryFilters().AnyAsync());
        Assert.False(await raw.Tasks.IgnoreQueryFilters().AnyAsync());
        Assert.False(await raw.Scorecards.IgnoreQueryFilters().AnyAsync());
        Assert.False(await raw.Messages.IgnoreQueryFilters().AnyAsync());
        Assert.True(await raw.Jobs.IgnoreQueryFilters().AnyAsync(j => j.Id == job.Id));
    }

    [Fact]
    public async Task DeletingASourceDetachesItsCandidatesAsAuditedUpdates()
    {
        var source = await _db.Records.CreateAsync(_db.Recruiter, new Source { Name = "Job fair", Kind = SourceKind.Other });
        var candidate = await _db.Records.CreateAsync(_db.Recruiter, new Candidate { FirstName = "Ada", Email = "ada@example.com", SourceId = source.Id });

        await _db.Records.DeleteAsync<Source>(_db.Recruiter, source.Id, null);

        var stored = await _db.Records.FindAsync<Candidate>(_db.Recruiter, candidate.Id);
        Assert.Equal((null, 2), (stored!.SourceId, stored.Version));
        await using var raw = _db.Raw();
        var update = await raw.AuditEntries.IgnoreQueryFilters().SingleAsync(e => e.RecordId == candidate.Id && e.Action == AuditAction.Update);
        Assert.Equal(["source_id"], update.ChangedFields);
    }

    [Fact]
    public async Task AJobWithApplicationsCannotBeDeleted()
    {
        var job = await _db.Records.CreateAsync(_db.Recruiter, new Job { Title = "Backend Developer" });
        var candidate = await _db.Records.CreateAsync(_db.Recruiter, new Candidate { FirstName = "Ada", Email = "ada@example.com" });
        await _db.Records.CreateAsync(_db.Recruiter, new Application { CandidateId = candidate.Id, JobId = job.Id });

        await Assert.ThrowsAsync<ValidationException>(() => _db.Records.DeleteAsync<Job>(_db.Recruiter, job.Id, null));

        Assert.NotNull(await _db.Records.FindAsync<Job>(_db.Recruiter, job.Id));
    }
}
