using Ats.Domain.Data;
using Ats.Domain.Interviews;
using Ats.Domain.Mail;
using Ats.Domain.Writes;
using Microsoft.EntityFrameworkCore;

namespace Ats.Domain.Scorecards;

/// A day after an interview, each interviewer still without a submitted scorecard gets one reminder by mail (through
/// the outbox). Interviews more than a week past are left alone: a reminder that late helps nobody.
public sealed class ScorecardReminders(IDbContextFactory<AtsDbContext> dbFactory, RecordService records, TimeProvider clock)
{
    public static readonly TimeSpan After = TimeSpan.FromDays(1), Until = TimeSpan.FromDays(7);

    /// Queues what is due; returns how many reminders were queued.
    public async Task<int> SendDueAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        List<Due> due;
        Dictionary<Guid, string?> cultures;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            // Across organisations: this is the server's own work.
            due = await (from i in db.Interviews.IgnoreQueryFilters()
                         where i.RemindedAt == null && i.StartsAt < now - After && i.StartsAt > now - Until
                               && (i.Status == InterviewStatus.Scheduled || i.Status == InterviewStatus.Completed)
                         join a in db.Applications.IgnoreQueryFilters() on i.ApplicationId equals a.Id
                         select new Due(i.Id, i.TenantId, a.Id, a.CandidateId, a.Candidate!.FirstName, a.Candidate.LastName, a.Job!.Title, i.StartsAt, i.InterviewerIds,
                             db.Scorecards.IgnoreQueryFilters().Where(e => e.ApplicationId == a.Id && e.SubmittedAt != null).Select(e => e.InterviewerId).ToList()))
                .ToListAsync(ct);
            var people = due.SelectMany(d => d.InterviewerIds).Distinct().ToList();
            cultures = await db.Users.Where(u => people.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.PreferredCulture, ct);
        }
        bool English(Guid user) => cultures.GetValueOrDefault(user)?.StartsWith("en", StringComparison.Ordinal) == true;
        var queued = 0;
        foreach (var interview in due)
        {
            // Marked first: a reminder may be lost to a failure, but never sent twice.
            await using (var db = await dbFactory.CreateDbContextAsync(ct))
                await db.Interviews.IgnoreQueryFilters().Where(i => i.Id == interview.Id).ExecuteUpdateAsync(s => s.SetProperty(i => i.RemindedAt, now), ct);
            var system = Actor.System(interview.TenantId);
            var candidate = Candidates.Candidate.NameOf(interview.FirstName, interview.LastName);
            foreach (var interviewer in interview.InterviewerIds.Where(id => !interview.Submitted.Contains(id)))
            {
                await records.CreateAsync(system, new Message
                {
                    CandidateId = interview.CandidateId, ApplicationId = interview.ApplicationId, InterviewId = interview.Id, RecipientUserId = interviewer,
                    Channel = MessageChannel.Email, Status = MessageStatus.Queued,
                    Subject = English(interviewer) ? $"Scorecard missing: {candidate} · {interview.JobTitle}" : $"Bewertung fehlt: {candidate} · {interview.JobTitle}",
                    Body = English(interviewer)
                        ? $"Your scorecard for the interview with {candidate} ({interview.JobTitle}) is still missing. You find it under \"My scorecards\"."
                        : $"Ihre Bewertung zum Gespräch mit {candidate} ({interview.JobTitle}) fehlt noch. Sie finden es unter „Meine Bewertungen“.",
                }, ct);
                queued++;
            }
        }
        return queued;
    }

    private sealed record Due(Guid Id, Guid TenantId, Guid ApplicationId, Guid CandidateId, string FirstName, string? LastName, string JobTitle,
        DateTime StartsAt, List<Guid> InterviewerIds, List<Guid?> Submitted);
}
