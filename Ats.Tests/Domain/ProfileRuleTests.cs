using Ats.Domain.Candidates;
using Ats.Domain.Common;
using Ats.Domain.Identity;
using Ats.Domain.Interviews;
using Ats.Domain.Jobs;
using Ats.Domain.Mail;
using Ats.Domain.Notes;
using Ats.Domain.Pipeline;
using Ats.Domain.Tasks;
using Ats.Domain.Writes;
using Ats.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ats.Tests.Domain;

/// The rules behind the candidate profile: notes stay their author's, conversations are recorded rather than sent,
/// sent mail is history, and the timeline shows everything under the reader's access rules.
public sealed class ProfileRuleTests : IAsyncLifetime
{
    private readonly TestDatabase _db = new();
    private Job _job = default!;
    private Candidate _candidate = default!;
    private Application _application = default!;

    public async Task InitializeAsync()
    {
        await _db.InitializeAsync();
        _job = await _db.Records.CreateAsync(_db.Recruiter, new Job { Title = "Backend Developer", Location = "Berlin", HiringManagerIds = [_db.ManagerA.Id] });
        _candidate = await _db.Records.CreateAsync(_db.Recruiter, new Candidate { FirstName = "Ada", LastName = "Lovelace", Email = "ada@example.com" });
        _application = await _db.Records.CreateAsync(_db.Recruiter, new Application { CandidateId = _candidate.Id, JobId = _job.Id });
    }

    public Task DisposeAsync() => _db.DisposeAsync();

    private Task<ApplicationNote> NoteAsync(Actor author, string body = "Strong on SQL", bool pinned = false) =>
        _db.Records.CreateAsync(author, new ApplicationNote { ParentKind = ParentKind.Candidate, ParentId = _candidate.Id, Body = body, Pinned = pinned });

    [Fact]
    public async Task TheAuthorMayRewordAndDeleteTheirNote()
    {
        var note = await NoteAsync(_db.Recruiter);

        var edited = await _db.Records.UpdateAsync<ApplicationNote>(_db.Recruiter, note.Id, note.Version, n => n.Body = "Very strong on SQL");
        await _db.Records.DeleteAsync<ApplicationNote>(_db.Recruiter, note.Id, edited.Version);

        Assert.Null(await _db.Records.FindAsync<ApplicationNote>(_db.Recruiter, note.Id));
    }

    [Fact]
    public async Task SomeoneElseCannotRewordOrDeleteANoteButMayPinIt()
    {
        var note = await NoteAsync(_db.Recruiter);

        var reword = await Assert.ThrowsAsync<ForbiddenException>(() =>
            _db.Records.UpdateAsync<ApplicationNote>(_db.Admin, note.Id, null, n => n.Body = "Weak on SQL"));
        var delete = await Assert.ThrowsAsync<ForbiddenException>(() => _db.Records.DeleteAsync<ApplicationNote>(_db.Admin, note.Id, null));
        var pinned = await _db.Records.UpdateAsync<ApplicationNote>(_db.Admin, note.Id, null, n => n.Pinned = true);

        Assert.Equal(("not_the_author", "not_the_author"), (reword.Code, delete.Code));
        Assert.Equal("Strong on SQL", pinned.Body);
        Assert.True(pinned.Pinned);
    }

    [Fact]
    public async Task DeletingACandidateRemovesEveryonesNotesOnThem()
    {
        await NoteAsync(_db.Admin);

        await _db.Records.DeleteAsync<Candidate>(_db.Recruiter, _candidate.Id, null);

        await using var raw = _db.Raw();
        Assert.False(await raw.Notes.IgnoreQueryFilters().AnyAsync(n => n.ParentId == _candidate.Id));
    }

    [Fact]
    public async Task ALoggedConversationIsRecordedAsSentAtOnce()
    {
        var call = await _db.Records.CreateAsync(_db.Recruiter, new Message
        {
            CandidateId = _candidate.Id, Channel = MessageChannel.Note, Subject = "Phone call", Body = "Talked about notice period.", Status = MessageStatus.Queued,
        });

        Assert.Equal(MessageStatus.Sent, call.Status);
        Assert.NotNull(call.SentAt);
    }

    [Fact]
    public async Task ASentEmailCannotBeChanged()
    {
        var mail = await _db.Records.CreateAsync(_db.Recruiter, new Message { CandidateId = _candidate.Id, Subject = "Hello", Body = "Hi Ada", Status = MessageStatus.Queued });
        await _db.Records.UpdateAsync<Message>(Actor.System(_db.TenantA.Id), mail.Id, null, m => m.Status = MessageStatus.Sent);

        var error = await Assert.ThrowsAsync<ValidationException>(() =>
            _db.Records.UpdateAsync<Message>(_db.Recruiter, mail.Id, null, m => m.Body = "Hi Ada, as discussed …"));

        Assert.True(error.Errors.ContainsKey("status"));
        Assert.Equal("Hi Ada", (await _db.Records.FindAsync<Message>(_db.Recruiter, mail.Id))!.Body);
    }

    public static TheoryData<string, Action<Message>> ForbiddenEmailChanges => new()
    {
        { "queue a sent email again", m => m.Status = MessageStatus.Queued },
        { "turn a sent email into a note", m => m.Channel = MessageChannel.Note },
        { "move a sent email to another application", m => m.ApplicationId = null },
    };

    [Theory]
    [MemberData(nameof(ForbiddenEmailChanges))]
    public async Task ASentEmailStaysAsItWas(string what, Action<Message> change)
    {
        var mail = await _db.Records.CreateAsync(_db.Recruiter, new Message { CandidateId = _candidate.Id, ApplicationId = _application.Id, Subject = "Hello", Body = "Hi Ada", Status = MessageStatus.Queued });
        var sent = await _db.Records.UpdateAsync<Message>(Actor.System(_db.TenantA.Id), mail.Id, null, m => m.Status = MessageStatus.Sent);

        await Assert.ThrowsAsync<ValidationException>(() => _db.Records.UpdateAsync(_db.Recruiter, mail.Id, null, change));

        Assert.Equal(sent.Version, (await _db.Records.FindAsync<Message>(_db.Recruiter, mail.Id))!.Version);
        Assert.NotNull(what);
    }

    [Fact]
    public async Task AQueuedEmailIsNotRewordedWhileTheOutboxMayBeSendingIt()
    {
        var mail = await _db.Records.CreateAsync(_db.Recruiter, new Message { CandidateId = _candidate.Id, Subject = "Hello", Body = "Hi Ada", Status = MessageStatus.Queued });

        var error = await Assert.ThrowsAsync<ValidationException>(() => _db.Records.UpdateAsync<Message>(_db.Recruiter, mail.Id, null, m => m.Body = "Hi Bob"));
        var cancelled = await _db.Records.UpdateAsync<Message>(_db.Recruiter, mail.Id, null, m => m.Status = MessageStatus.Draft);
        var reworded = await _db.Records.UpdateAsync<Message>(_db.Recruiter, mail.Id, null, m => m.Body = "Hi Ada, again");

        Assert.True(error.Errors.ContainsKey("body"));
        Assert.Equal((MessageStatus.Draft, "Hi Ada, again"), (reworded.Status, reworded.Body));
        Assert.True(cancelled.Version < reworded.Version);
    }

    [Fact]
    public async Task OnlyTheOutboxSaysWhenAnEmailLeft()
    {
        var error = await Assert.ThrowsAsync<ValidationException>(() => _db.Records.CreateAsync(_db.Recruiter,
            new Message { CandidateId = _candidate.Id, Subject = "Hello", Body = "Hi", Status = MessageStatus.Draft, SentAt = DateTime.UtcNow }));

        Assert.True(error.Errors.ContainsKey("sent_at"));
    }

    [Fact]
    public async Task ANoteStaysWhereItWasWritten()
    {
        var other = await _db.Records.CreateAsync(_db.Recruiter, new Candidate { FirstName = "Bob", Email = "bob@example.com" });
        var note = await NoteAsync(_db.Recruiter);

        var error = await Assert.ThrowsAsync<ValidationException>(() =>
            _db.Records.UpdateAsync<ApplicationNote>(_db.Recruiter, note.Id, null, n => n.ParentId = other.Id));

        Assert.True(error.Errors.ContainsKey("parent_id"));
    }

    [Fact]
    public async Task RewordingANoteMarksItEditedAndPinningDoesNot()
    {
        var note = await NoteAsync(_db.Recruiter);

        var pinned = await _db.Records.UpdateAsync<ApplicationNote>(_db.Admin, note.Id, null, n => n.Pinned = true);
        var reworded = await _db.Records.UpdateAsync<ApplicationNote>(_db.Recruiter, note.Id, null, n => n.Body = "Very strong on SQL");

        Assert.Null(pinned.EditedAt);
        Assert.NotNull(reworded.EditedAt);
    }

    [Fact]
    public async Task QueueingAFailedEmailAgainStartsTheOutboxAfresh()
    {
        var mail = await _db.Records.CreateAsync(_db.Recruiter, new Message { CandidateId = _candidate.Id, Subject = "Hello", Body = "Hi Ada", Status = MessageStatus.Queued });
        await _db.Records.UpdateAsync<Message>(Actor.System(_db.TenantA.Id), mail.Id, null, m =>
            (m.Status, m.Attempts, m.Error) = (MessageStatus.Failed, 6, "Attempt 6 of 6: connection refused"));

        var retried = await _db.Records.UpdateAsync<Message>(_db.Recruiter, mail.Id, null, m => m.Status = MessageStatus.Queued);

        Assert.Equal((MessageStatus.Queued, 0, null, null), (retried.Status, retried.Attempts, retried.Error, retried.NextAttemptAt));
    }

    [Fact]
    public async Task AHiringManagerTicksOffTheirOwnTasksOnly()
    {
        var mine = await _db.Records.CreateAsync(_db.Recruiter, new TaskItem { Title = "Read CV", AssignedTo = _db.ManagerA.Id });
        var theirs = await _db.Records.CreateAsync(_db.Recruiter, new TaskItem { Title = "Call Ada", AssignedTo = _db.RecruiterA.Id });

        var done = await _db.Records.UpdateAsync<TaskItem>(_db.Manager, mine.Id, null, t => t.Completed = true);

        Assert.True(done.Completed);
        await Assert.ThrowsAsync<NotFoundException>(() => _db.Records.UpdateAsync<TaskItem>(_db.Manager, theirs.Id, null, t => t.Completed = true));
        await Assert.ThrowsAsync<ForbiddenException>(() =>
            _db.Records.UpdateAsync<TaskItem>(_db.Manager, mine.Id, null, t => t.AssignedTo = _db.RecruiterA.Id));
        await Assert.ThrowsAsync<ForbiddenException>(() => _db.Records.UpdateAsync<TaskItem>(_db.Manager, mine.Id, null, t => t.Title = "Skip it"));
        await Assert.ThrowsAsync<ForbiddenException>(() => _db.Records.DeleteAsync<TaskItem>(_db.Manager, mine.Id, null));
        await Assert.ThrowsAsync<ForbiddenException>(() => _db.Records.CreateAsync(_db.Manager,
            new TaskItem { Title = "Mine", AssignedTo = _db.ManagerA.Id, ParentKind = ParentKind.Job, ParentId = _job.Id }));
    }

    [Fact]
    public async Task ATaskAboutAJobGoesOnlyToSomeoneWhoMaySeeThatJob()
    {
        var otherJob = await _db.Records.CreateAsync(_db.Recruiter, new Job { Title = "Secret reorganisation" });

        var error = await Assert.ThrowsAsync<ValidationException>(() => _db.Records.CreateAsync(_db.Recruiter,
            new TaskItem { Title = "Interview Bob about the layoffs", ParentKind = ParentKind.Job, ParentId = otherJob.Id, AssignedTo = _db.ManagerA.Id }));
        var onTheirJob = await _db.Records.CreateAsync(_db.Recruiter,
            new TaskItem { Title = "Read Ada's CV", ParentKind = ParentKind.Application, ParentId = _application.Id, AssignedTo = _db.ManagerA.Id });

        Assert.True(error.Errors.ContainsKey("assigned_to"));
        Assert.NotNull(await _db.Records.FindAsync<TaskItem>(_db.Manager, onTheirJob.Id));
    }

    [Fact]
    public async Task AHiringManagerTakenOffTheTeamNoLongerSeesItsTasks()
    {
        var task = await _db.Records.CreateAsync(_db.Recruiter,
            new TaskItem { Title = "Read Ada's CV", ParentKind = ParentKind.Job, ParentId = _job.Id, AssignedTo = _db.ManagerA.Id });

        await _db.Records.UpdateAsync<Job>(_db.Recruiter, _job.Id, null, j => j.HiringManagerIds = []);

        Assert.Null(await _db.Records.FindAsync<TaskItem>(_db.Manager, task.Id));
    }

    [Fact]
    public async Task TheTimelineShowsEveryKindNewestFirst()
    {
        var clock = DateTime.UtcNow;
        await NoteAsync(_db.Recruiter, "Met at a meetup");
        await _db.Records.UpdateAsync<Application>(_db.Recruiter, _application.Id, null, a => a.Stage = Stage.Interview);
        await _db.Records.CreateAsync(_db.Recruiter, new TaskItem { Title = "Book a room", ParentKind = ParentKind.Application, ParentId = _application.Id });
        await _db.Records.CreateAsync(_db.Recruiter, new Interview { ApplicationId = _application.Id, Kind = InterviewKind.Video, StartsAt = clock.AddDays(2), DurationMinutes = 45 });
        await _db.Records.CreateAsync(_db.Recruiter, new Message { CandidateId = _candidate.Id, ApplicationId = _application.Id, Subject = "Invitation", Body = "Hi", Status = MessageStatus.Draft });

        var timeline = await CandidateTimeline.LoadAsync(_db.Records, _db.Recruiter, _candidate.Id);

        // The interview queued its invitation to Ada in the same write (at the same moment, so in no particular order with it).
        Assert.Single(timeline, e => e.Record is Message { InterviewId: not null });
        Assert.Equal(["Message", "Interview", "TaskItem", "StageChange", "ApplicationNote", "StageChange"],
            timeline.Where(e => e.Record is not Message { InterviewId: not null }).Select(e => e.Record.GetType().Name));
        Assert.Equal(timeline.OrderByDescending(e => e.At).Select(e => e.At), timeline.Select(e => e.At));
        Assert.All(timeline.Where(e => e.ApplicationId is not null), e => Assert.Equal("Backend Developer", e.JobTitle));
    }

    [Fact]
    public async Task AnApplicationsTimelineLeavesOutTheCandidatesOtherJobsAndNotes()
    {
        var other = await _db.Records.CreateAsync(_db.Recruiter, new Job { Title = "Data Engineer" });
        var otherApplication = await _db.Records.CreateAsync(_db.Recruiter, new Application { CandidateId = _candidate.Id, JobId = other.Id });
        await NoteAsync(_db.Recruiter, "About the person");
        await _db.Records.CreateAsync(_db.Recruiter, new ApplicationNote { ParentKind = ParentKind.Application, ParentId = otherApplication.Id, Body = "Other job" });

        var timeline = await CandidateTimeline.LoadAsync(_db.Records, _db.Recruiter, _candidate.Id, _application.Id);

        Assert.Equal(_application.Id, Assert.Single(timeline).ApplicationId);
    }

    [Fact]
    public async Task AHiringManagersTimelineHasNoMail()
    {
        await _db.Records.CreateAsync(_db.Recruiter, new Message { CandidateId = _candidate.Id, Subject = "Salary", Body = "Private", Status = MessageStatus.Draft });

        var timeline = await CandidateTimeline.LoadAsync(_db.Records, _db.Manager, _candidate.Id);

        Assert.NotEmpty(timeline);
        Assert.DoesNotContain(timeline, e => e.Record is Message);
    }

    [Fact]
    public async Task MailValuesCarryTheNextInterviewTheWritersSignatureAndTheCompany()
    {
        var starts = new DateTime(2030, 3, 4, 9, 30, 0, DateTimeKind.Utc);
        await _db.Records.CreateAsync(_db.Recruiter, new Interview
        {
            ApplicationId = _application.Id, Kind = InterviewKind.Video, StartsAt = starts, DurationMinutes = 60, MeetingLink = "https://meet.example/ada",
        });
        await _db.Services.GetRequiredService<UserAdministration>().SetMailSignatureAsync(_db.Recruiter, "  Rolf\nTalent team ");

        var values = await MailValuesLoader.LoadAsync(_db.Records, _db.Recruiter, _candidate.Id, _application.Id, DateTime.UtcNow);

        Assert.NotNull(values);
        Assert.Equal(("Backend Developer", "Berlin", "new"), (values.JobTitle, values.JobLocation, values.Stage));
        Assert.Equal("2030-03-04 10:30 (Europe/Berlin)", values.InterviewTime);
        Assert.Equal("https://meet.example/ada", values.InterviewLink);
        Assert.Equal(("Rolf Recruiter", "Rolf\nTalent team", "Tenant A"), (values.RecruiterName, values.RecruiterSignature, values.CompanyName));
    }

    [Fact]
    public async Task WithoutASignatureTheMailIsSignedWithNameAndCompany()
    {
        var values = await MailValuesLoader.LoadAsync(_db.Records, _db.Recruiter, _candidate.Id, null, DateTime.UtcNow);

        Assert.Equal("Rolf Recruiter\nTenant A", values!.RecruiterSignature);
        Assert.Null(values.JobTitle);
    }

    [Fact]
    public async Task NoMailValuesForACandidateOfAnotherOrganisation()
    {
        Assert.Null(await MailValuesLoader.LoadAsync(_db.Records, _db.OtherTenant, _candidate.Id, null, DateTime.UtcNow));
    }

    [Fact]
    public async Task ASignatureIsSetByItsOwnerOnlyAndAudited()
    {
        var users = _db.Services.GetRequiredService<UserAdministration>();
        var token = _db.Recruiter with { Channel = Channel.Api, Scopes = new HashSet<string> { "candidates:read" } };

        await users.SetMailSignatureAsync(_db.Recruiter, "Rolf");
        var tooLong = await Assert.ThrowsAsync<ValidationException>(() => users.SetMailSignatureAsync(_db.Recruiter, new string('x', 2001)));
        await Assert.ThrowsAsync<ForbiddenException>(() => users.SetMailSignatureAsync(token, "Hacked"));

        Assert.True(tooLong.Errors.ContainsKey("mail_signature"));
        Assert.Equal("Rolf", await users.GetMailSignatureAsync(_db.Recruiter));
        Assert.Null(await users.GetMailSignatureAsync(_db.Admin));
        await using var raw = _db.Raw();
        Assert.True(await raw.AuditEntries.IgnoreQueryFilters().AnyAsync(a => a.Model == "user" && a.RecordId == _db.RecruiterA.Id));
    }
}
