using Ats.Domain.Candidates;
using Ats.Domain.Pipeline;
using Ats.Domain.Writes;
using Microsoft.EntityFrameworkCore;

namespace Ats.Domain.Interviews;

/// An interview on the calendar, with whom and for which job.
public sealed record CalendarEntry(Interview Interview, string Candidate, string Job);

/// The interviews a page shows, as the actor may see them.
public static class InterviewLists
{
    /// An application's interviews, latest first.
    public static Task<List<Interview>> ForApplicationAsync(RecordService records, Actor actor, Guid applicationId, CancellationToken ct = default) =>
        records.ReadAsync<Interview, List<Interview>>(actor, (interviews, _) =>
            interviews.Where(i => i.ApplicationId == applicationId).OrderByDescending(i => i.StartsAt).ToListAsync(ct), ct);

    /// The interviews not called off that start in [start, end) (UTC), of one interviewer or (null) everyone's.
    public static Task<List<CalendarEntry>> CalendarAsync(RecordService records, Actor actor, DateTime start, DateTime end, Guid? interviewer,
        CancellationToken ct = default) =>
        records.ReadAsync<Interview, List<CalendarEntry>>(actor, async (interviews, reads) =>
            (await (from i in interviews
                    where i.StartsAt >= start && i.StartsAt < end && i.Status != InterviewStatus.Cancelled
                    join a in reads.Rows<Application>() on i.ApplicationId equals a.Id
                    select new { Interview = i, a.Candidate!.FirstName, a.Candidate.LastName, a.Job!.Title }).ToListAsync(ct))
            .Where(r => interviewer is null || r.Interview.InterviewerIds.Contains(interviewer.Value))
            .Select(r => new CalendarEntry(r.Interview, Candidate.NameOf(r.FirstName, r.LastName), r.Title)).ToList(), ct);
}
