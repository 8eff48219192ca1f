using Ats.Domain.Common;
using Ats.Domain.Data;
using Ats.Domain.Mail;
using Ats.Domain.Pipeline;
using Ats.Domain.Writes;
using Microsoft.EntityFrameworkCore;

namespace Ats.Domain.Interviews;

/// Scheduling an interview invites the candidate and the interviewers (mail with invite.ics); changing its time, place,
/// kind or interviewers sends an update under the same UID with a higher SEQUENCE; cancelling it sends METHOD:CANCEL.
/// The mails are queued in the same transaction as the change, whichever surface made it.
public sealed class InterviewRules : ModelRules<Interview>
{
    private static readonly string[] InviteFields =
        [nameof(Interview.StartsAt), nameof(Interview.DurationMinutes), nameof(Interview.MeetingLink), nameof(Interview.Room), nameof(Interview.Kind), nameof(Interview.InterviewerIds)];

    public override async Task PrepareAsync(Interview row, WriteContext context, CancellationToken ct)
    {
        row.StartsAt = DateTime.SpecifyKind(row.StartsAt, DateTimeKind.Utc);
        if (context.IsCreate)
        {
            row.Sequence = 0;
            if (row.Status == InterviewStatus.Scheduled) await QueueAsync(row, context, InterviewCalendar.Request, row.InterviewerIds, ct);
            return;
        }
        var before = context.Db.Entry(row);
        var wasScheduled = before.Property(i => i.Status).OriginalValue == InterviewStatus.Scheduled;
        var formerInterviewers = before.Property(i => i.InterviewerIds).OriginalValue ?? [];
        if (!wasScheduled && row.Status == InterviewStatus.Scheduled)
        {
            // Back on (after a cancellation, say): everyone gets the entry again.
            row.Sequence++;
            await QueueAsync(row, context, InterviewCalendar.Request, row.InterviewerIds, ct);
        }
        else if (wasScheduled && row.Status == InterviewStatus.Cancelled)
        {
            row.Sequence++;
            await QueueAsync(row, context, InterviewCalendar.Cancel, formerInterviewers, ct);
        }
        else if (wasScheduled && row.Status == InterviewStatus.Scheduled && InviteFields.Any(f => context.Changed(row, f)))
        {
            row.Sequence++;
            await QueueAsync(row, context, InterviewCalendar.Request, row.InterviewerIds, ct);
            var dropped = formerInterviewers.Except(row.InterviewerIds).ToList();
            if (dropped.Count > 0) await QueueAsync(row, context, InterviewCalendar.Cancel, dropped, ct, candidateToo: false);
        }
    }

    public override async Task ValidateAsync(Interview row, WriteContext context, ValidationErrors errors, CancellationToken ct)
    {
        // Invites went to this application's candidate: another candidate needs an interview of their own.
        if (!context.IsCreate && context.Changed(row, nameof(Interview.ApplicationId))) errors.Add("application_id", Resources.Messages.SetOnCreate);
        await context.RequireReferenceAsync<Application>(row, nameof(Interview.ApplicationId), "application_id", row.ApplicationId, errors, ct);
        if (context.Changed(row, nameof(Interview.InterviewerIds)))
            await context.RequireUsersAsync(row.InterviewerIds, "interviewer_ids", errors, ct);
    }

    /// Deleting a scheduled interview calls it off like cancelling it; invitations not yet sent are dropped.
    public override async Task ValidateDeleteAsync(Interview row, WriteContext context, ValidationErrors errors, CancellationToken ct)
    {
        context.Db.Messages.RemoveRange(await context.Db.Messages
            .Where(m => m.InterviewId == row.Id && m.Status == MessageStatus.Queued && m.Channel == MessageChannel.Email).ToListAsync(ct));
        if (row.Status != InterviewStatus.Scheduled) return;
        row.Sequence++;
        await QueueAsync(row, context, InterviewCalendar.Cancel, row.InterviewerIds, ct);
    }

    /// One mail to the candidate (unless only interviewers are concerned) and one to each interviewer, each with the
    /// same calendar entry.
    private static async Task QueueAsync(Interview row, WriteContext context, string method, IReadOnlyCollection<Guid> interviewerIds,
        CancellationToken ct, bool candidateToo = true)
    {
        var db = context.Db;
        var application = await db.Applications.AsNoTracking().FirstOrDefaultAsync(a => a.Id == row.ApplicationId, ct);
        if (application is null) return; // a bad reference: validation refuses the write next
        var candidate = await db.Candidates.AsNoTracking().FirstAsync(c => c.Id == application.CandidateId, ct);
        var job = await db.Jobs.AsNoTracking().FirstAsync(j => j.Id == application.JobId, ct);
        var values = await MailValuesLoader.LoadAsync(db, context.Actor, candidate, application, context.Now, ct);
        var writer = await db.Users.Where(u => u.Id == context.Actor.UserId).Select(u => new { u.DisplayName, u.Email, u.TimeZone }).FirstOrDefaultAsync(ct);
        var interviewers = await db.Users.Where(u => interviewerIds.Contains(u.Id) && u.TenantId == context.Actor.TenantId)
            .Select(u => new { u.Id, u.DisplayName, u.Email, u.TimeZone, u.PreferredCulture }).ToListAsync(ct);

        var organizer = new CalendarPerson(writer?.DisplayName ?? job.RecruiterName ?? values.CompanyName ?? "Ats",
            writer?.Email ?? job.RecruiterEmail ?? "noreply@ats.invalid");
        var attendees = interviewers.Select(u => new CalendarPerson(u.DisplayName, u.Email!)).Prepend(new CalendarPerson(candidate.FullName, candidate.Email));
        var kind = SnakeCase<InterviewKind>.Name(row.Kind).Replace('_', ' ');
        var ics = InterviewCalendar.Ics(row, method, $"{job.Title}: {candidate.FullName} ({kind})", row.InviteNote, organizer, attendees);

        void Add(string subject, string body, Guid? recipient) => QueuedMail.Add(context, new Message
        {
            CandidateId = candidate.Id, ApplicationId = application.Id, InterviewId = row.Id, RecipientUserId = recipient, CalendarIcs = ics,
            Subject = subject, Body = body,
        });

        if (candidateToo)
        {
            var (subject, body) = InterviewCalendar.Invitation(row, candidate.Language ?? "de", method, job.Title, candidate.FullName,
                InterviewCalendar.When(row.StartsAt, writer?.TimeZone), values.RecruiterSignature);
            Add(subject, body, null);
        }
        foreach (var interviewer in interviewers)
        {
            var language = interviewer.PreferredCulture?.StartsWith("en", StringComparison.Ordinal) == true ? "en" : "de";
            var (subject, body) = InterviewCalendar.ForInterviewer(row, language, method, job.Title, candidate.FullName,
                InterviewCalendar.When(row.StartsAt, interviewer.TimeZone));
            Add(subject, body, interviewer.Id);
        }
    }
}
