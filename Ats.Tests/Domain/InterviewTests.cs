using Ats.Domain.Candidates;
using Ats.Domain.Interviews;
using Ats.Domain.Jobs;
using Ats.Domain.Mail;
using Ats.Domain.Pipeline;
using Ats.Domain.Writes;
using Ats.Tests.Support;
using Ical.Net;
using Microsoft.EntityFrameworkCore;

namespace Ats.Tests.Domain;

/// Interviews invite by mail with an RFC 5545 entry that updates and cancels under one UID; double bookings are found
/// in real time, whatever the time zones and clock changes.
public sealed class InterviewTests : IAsyncLifetime
{
    private readonly TestDatabase _db = new();
    private Job _job = default!;
    private Candidate _candidate = default!;
    private Application _application = default!;
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    public async Task InitializeAsync()
    {
        await _db.InitializeAsync();
        _job = await _db.Records.CreateAsync(_db.Recruiter, new Job { Title = "Backend Developer" });
        _candidate = await _db.Records.CreateAsync(_db.Recruiter, new Candidate { FirstName = "Ada", LastName = "Lovelace", Email = "ada@example.com", Language = "en" });
        _application = await _db.Records.CreateAsync(_db.Recruiter, new Application { CandidateId = _candidate.Id, JobId = _job.Id, Stage = Stage.Interview });
    }

    public Task DisposeAsync() => _db.DisposeAsync();

    private static DateTime Utc(int year, int month, int day, int hour, int minute, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeToUtc(new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified), zone);

    private Task<Interview> ScheduleAsync(DateTime startsAtUtc, int minutes = 60, Guid? applicationId = null, params Guid[] interviewers) =>
        _db.Records.CreateAsync(_db.Recruiter, new Interview
        {
            ApplicationId = applicationId ?? _application.Id, Kind = InterviewKind.Video, StartsAt = startsAtUtc, DurationMinutes = minutes,
            InterviewerIds = [.. interviewers], MeetingLink = "https://meet.example/ada",
        });

    private async Task<List<Message>> InvitesAsync(Guid interviewId)
    {
        await using var raw = _db.Raw();
        return await raw.Messages.IgnoreQueryFilters().Where(m => m.InterviewId == interviewId).OrderBy(m => m.CreatedAt).ToListAsync();
    }

    private static Ical.Net.CalendarComponents.CalendarEvent Entry(Message message, out Calendar calendar)
    {
        calendar = Calendar.Load(message.CalendarIcs!)!;
        return Assert.Single(calendar.Events)!;
    }

    [Fact]
    public async Task TheInviteParsesBackWithStartEndAttendeesOrganizerAndUid()
    {
        var starts = new DateTime(2027, 2, 10, 9, 0, 0, DateTimeKind.Utc);

        var interview = await ScheduleAsync(starts, 45, null, _db.ManagerA.Id);

        var invites = await InvitesAsync(interview.Id);
        Assert.Equal(2, invites.Count); // the candidate and the interviewer
        Assert.Equal([null, _db.ManagerA.Id], invites.Select(m => m.RecipientUserId).OrderBy(id => id.HasValue));
        var entry = Entry(invites[0], out var calendar);
        Assert.Equal("REQUEST", calendar.Method);
        Assert.Equal(InterviewCalendar.Uid(interview.Id), entry.Uid);
        Assert.Equal(starts, entry.DtStart!.AsUtc);
        Assert.Equal(starts.AddMinutes(45), entry.DtEnd!.AsUtc);
        Assert.Equal(0, entry.Sequence);
        Assert.Equal("mailto:recruiter@a.example", entry.Organizer!.Value!.ToString());
        Assert.Equal(["mailto:ada@example.com", "mailto:manager@a.example"], entry.Attendees.Select(a => a.Value!.ToString()).Order());
        Assert.Equal("https://meet.example/ada", entry.Location);
    }

    [Fact]
    public async Task ReschedulingSendsAnUpdateUnderTheSameUidWithAHigherSequence()
    {
        var interview = await ScheduleAsync(new DateTime(2027, 2, 10, 9, 0, 0, DateTimeKind.Utc), 60, null, _db.ManagerA.Id);

        await _db.Records.UpdateAsync<Interview>(_db.Recruiter, interview.Id, null, i => i.StartsAt = new DateTime(2027, 2, 11, 14, 0, 0, DateTimeKind.Utc));

        var invites = await InvitesAsync(interview.Id);
        Assert.Equal(4, invites.Count);
        var update = Entry(invites[^1], out var calendar);
        Assert.Equal("REQUEST", calendar.Method);
        Assert.Equal(InterviewCalendar.Uid(interview.Id), update.Uid);
        Assert.Equal(1, update.Sequence);
        Assert.Equal(new DateTime(2027, 2, 11, 14, 0, 0, DateTimeKind.Utc), update.DtStart!.AsUtc);
        Assert.StartsWith("Updated:", invites.Last(m => m.RecipientUserId is null).Subject);
    }

    [Fact]
    public async Task CancellingSendsMethodCancel()
    {
        var interview = await ScheduleAsync(new DateTime(2027, 2, 10, 9, 0, 0, DateTimeKind.Utc), 60, null, _db.ManagerA.Id);

        await _db.Records.UpdateAsync<Interview>(_db.Recruiter, interview.Id, null, i => i.Status = InterviewStatus.Cancelled);

        var cancel = (await InvitesAsync(interview.Id))[^1];
        var entry = Entry(cancel, out var calendar);
        Assert.Equal("CANCEL", calendar.Method);
        Assert.Equal("CANCELLED", entry.Status);
        Assert.Equal((InterviewCalendar.Uid(interview.Id), 1), (entry.Uid, entry.Sequence));
    }

    [Fact]
    public async Task AnInterviewerTakenOffTheInterviewGetsACancellation()
    {
        var interview = await ScheduleAsync(new DateTime(2027, 2, 10, 9, 0, 0, DateTimeKind.Utc), 60, null, _db.ManagerA.Id, _db.AdminA.Id);

        await _db.Records.UpdateAsync<Interview>(_db.Recruiter, interview.Id, null, i => i.InterviewerIds = [_db.AdminA.Id]);

        var toManager = (await InvitesAsync(interview.Id)).Where(m => m.RecipientUserId == _db.ManagerA.Id).ToList();
        Assert.Equal("CANCEL", Calendar.Load(toManager[^1].CalendarIcs!)!.Method);
    }

    [Fact]
    public async Task AnInterviewerIsDoubleBookedAcrossTimeZonesAndTheSpringClockChange()
    {
        // 01:30 in Berlin on the night the clocks jump from 02:00 to 03:00: an hour later it is 03:30, not 02:30.
        await ScheduleAsync(Utc(2027, 3, 28, 1, 30, Berlin), 60, null, _db.ManagerA.Id);
        var other = await OtherApplicationAsync();

        // 20:45 the evening before in New York (already on summer time) is 01:45 in Berlin: inside that hour.
        var overlapping = await InterviewConflicts.FindAsync(_db.Records, _db.Recruiter, other, Utc(2027, 3, 27, 20, 45, NewYork), 30, [_db.ManagerA.Id]);
        // 03:30 Berlin summer time is exactly when the first one ends.
        var backToBack = await InterviewConflicts.FindAsync(_db.Records, _db.Recruiter, other, Utc(2027, 3, 28, 3, 30, Berlin), 30, [_db.ManagerA.Id]);

        Assert.Equal(_db.ManagerA.Id, Assert.Single(overlapping).UserId);
        Assert.Empty(backToBack);
    }

    [Fact]
    public async Task TheCandidateIsDoubleBookedInTheAutumnHourThatHappensTwice()
    {
        // 02:30 summer time, an hour long: it ends at 02:30 winter time, after the clocks went back.
        await ScheduleAsync(Utc(2027, 10, 31, 0, 30, TimeZoneInfo.Utc), 60);
        var otherJob = await _db.Records.CreateAsync(_db.Recruiter, new Job { Title = "Data Engineer" });
        var sameCandidate = await _db.Records.CreateAsync(_db.Recruiter, new Application { CandidateId = _candidate.Id, JobId = otherJob.Id });

        // 02:10 winter time reads "earlier" than 02:30 on the wall, but happens 40 minutes after it.
        var conflicts = await InterviewConflicts.FindAsync(_db.Records, _db.Recruiter, sameCandidate.Id, Utc(2027, 10, 31, 1, 10, TimeZoneInfo.Utc), 30, []);
        var afterwards = await InterviewConflicts.FindAsync(_db.Records, _db.Recruiter, sameCandidate.Id, Utc(2027, 10, 31, 1, 30, TimeZoneInfo.Utc), 30, []);

        Assert.Null(Assert.Single(conflicts).UserId);
        Assert.Empty(afterwards);
    }

    [Fact]
    public async Task ACancelledInterviewBooksNobody()
    {
        var interview = await ScheduleAsync(new DateTime(2027, 2, 10, 9, 0, 0, DateTimeKind.Utc), 60, null, _db.ManagerA.Id);
        await _db.Records.UpdateAsync<Interview>(_db.Recruiter, interview.Id, null, i => i.Status = InterviewStatus.Cancelled);

        Assert.Empty(await InterviewConflicts.FindAsync(_db.Records, _db.Recruiter, await OtherApplicationAsync(),
            new DateTime(2027, 2, 10, 9, 30, 0, DateTimeKind.Utc), 30, [_db.ManagerA.Id]));
    }

    private async Task<Guid> OtherApplicationAsync()
    {
        var bob = await _db.Records.CreateAsync(_db.Recruiter, new Candidate { FirstName = "Bob", Email = $"bob{Guid.NewGuid():N}@example.com" });
        return (await _db.Records.CreateAsync(_db.Recruiter, new Application { CandidateId = bob.Id, JobId = _job.Id })).Id;
    }

    [Fact]
    public async Task AnInterviewStaysWithItsApplication()
    {
        var interview = await ScheduleAsync(new DateTime(2027, 2, 10, 9, 0, 0, DateTimeKind.Utc));

        var error = await Assert.ThrowsAsync<Ats.Domain.Writes.ValidationException>(() =>
            _db.Records.UpdateAsync<Interview>(_db.Recruiter, interview.Id, null, i => i.ApplicationId = Guid.NewGuid()));

        Assert.True(error.Errors.ContainsKey("application_id"));
    }

    [Fact]
    public async Task PuttingACancelledInterviewBackOnInvitesEveryoneAgain()
    {
        var interview = await ScheduleAsync(new DateTime(2027, 2, 10, 9, 0, 0, DateTimeKind.Utc), 60, null, _db.ManagerA.Id);
        await _db.Records.UpdateAsync<Interview>(_db.Recruiter, interview.Id, null, i => i.Status = InterviewStatus.Cancelled);

        await _db.Records.UpdateAsync<Interview>(_db.Recruiter, interview.Id, null, i => i.Status = InterviewStatus.Scheduled);

        var again = Entry((await InvitesAsync(interview.Id))[^1], out var calendar);
        Assert.Equal(("REQUEST", 2), (calendar.Method, again.Sequence));
    }

    [Fact]
    public async Task DeletingAScheduledInterviewCancelsItAndDropsInvitesNotYetSent()
    {
        var interview = await ScheduleAsync(new DateTime(2027, 2, 10, 9, 0, 0, DateTimeKind.Utc), 60, null, _db.ManagerA.Id);

        await _db.Records.DeleteAsync<Interview>(_db.Recruiter, interview.Id, null);

        await using var raw = _db.Raw();
        var left = await raw.Messages.IgnoreQueryFilters().Where(m => m.CandidateId == _candidate.Id).ToListAsync();
        Assert.Equal(2, left.Count); // the cancellations to Ada and Mia; the two invitations never left
        Assert.All(left, m => Assert.Equal("CANCEL", Calendar.Load(m.CalendarIcs!)!.Method));
    }

    [Fact]
    public async Task ALineBreakInANameCannotAddAnAttendee()
    {
        const string injection = "Lovelace\r\nATTENDEE:mailto:evil@example.com";
        // The write path refuses it now; a name stored before that rule reaches the calendar entry still stripped.
        await Assert.ThrowsAsync<ValidationException>(() => _db.Records.UpdateAsync<Candidate>(_db.Recruiter, _candidate.Id, null, c => c.LastName = injection));
        await using (var raw = _db.Raw())
            await raw.Candidates.IgnoreQueryFilters().Where(c => c.Id == _candidate.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.LastName, injection));

        var interview = await ScheduleAsync(new DateTime(2027, 2, 10, 9, 0, 0, DateTimeKind.Utc));

        var entry = Entry((await InvitesAsync(interview.Id))[0], out _);
        Assert.Equal(["mailto:ada@example.com"], entry.Attendees.Select(a => a.Value!.ToString()));
    }
}
