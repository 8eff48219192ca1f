using System.Globalization;
using Ats.Domain.Candidates;
using Ats.Domain.Common;
using Ats.Domain.Data;
using Ats.Domain.Interviews;
using Ats.Domain.Pipeline;
using Ats.Domain.Writes;
using Microsoft.EntityFrameworkCore;

namespace Ats.Domain.Mail;

/// What a template's variables become for one candidate (and application), written by one person: the same for a
/// mail queued by a stage move, one composed in a profile, and the template editor's preview.
public static class MailValuesLoader
{
    public static async Task<MailValues> LoadAsync(AtsDbContext db, Actor actor, Candidate candidate, Application? application,
        DateTime now, CancellationToken ct)
    {
        var job = application is null ? null : await db.Jobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == application.JobId, ct);
        var company = await db.Tenants.Where(t => t.Id == actor.TenantId).Select(t => t.Name).FirstAsync(ct);
        var writer = actor.UserId is { } userId
            ? await db.Users.Where(u => u.Id == userId).Select(u => new { u.DisplayName, u.MailSignature, u.TimeZone }).FirstOrDefaultAsync(ct)
            : null;
        var interview = application is null ? null : await NextInterviewAsync(db, application.Id, now, ct);
        var name = writer?.DisplayName ?? actor.Name;
        return new MailValues(candidate.FirstName, candidate.LastName, candidate.Email, job?.Title, job?.Location,
            application is null ? null : SnakeCase<Stage>.Name(application.Stage),
            interview is null ? null : InterviewCalendar.When(interview.StartsAt, writer?.TimeZone), interview?.MeetingLink,
            name, string.IsNullOrWhiteSpace(writer?.MailSignature) ? $"{name}\n{company}" : writer.MailSignature, company);
    }

    /// For the UI: the values for a candidate the actor may read, or null when they may not.
    public static Task<MailValues?> LoadAsync(RecordService records, Actor actor, Guid candidateId, Guid? applicationId,
        DateTime now, CancellationToken ct = default) =>
        records.ReadAsync<Candidate, MailValues?>(actor, async (candidates, reads) =>
        {
            var candidate = await candidates.FirstOrDefaultAsync(c => c.Id == candidateId, ct);
            if (candidate is null) return null;
            var application = applicationId is null ? null
                : await reads.Rows<Application>().FirstOrDefaultAsync(a => a.Id == applicationId && a.CandidateId == candidateId, ct);
            return await LoadAsync(reads.Db, actor, candidate, application, now, ct);
        }, ct);

    /// The next scheduled interview, or the latest one when none lies ahead.
    private static async Task<Interview?> NextInterviewAsync(AtsDbContext db, Guid applicationId, DateTime now, CancellationToken ct)
    {
        var scheduled = db.Interviews.AsNoTracking().Where(i => i.ApplicationId == applicationId && i.Status == InterviewStatus.Scheduled);
        return await scheduled.Where(i => i.StartsAt >= now).OrderBy(i => i.StartsAt).FirstOrDefaultAsync(ct)
            ?? await scheduled.OrderByDescending(i => i.StartsAt).FirstOrDefaultAsync(ct);
    }
}
