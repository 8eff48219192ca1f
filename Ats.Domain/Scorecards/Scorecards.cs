using Ats.Domain.Interviews;
using Ats.Domain.Pipeline;
using Ats.Domain.Writes;
using Microsoft.EntityFrameworkCore;

namespace Ats.Domain.Scorecards;

/// An interview a person was on that still lacks their submitted scorecard.
public sealed record PendingScorecard(Guid InterviewId, Guid ApplicationId, string CandidateName, string JobTitle, DateTime StartsAt,
    InterviewKind Kind, Scorecard? Draft)
{
    /// A day after the interview the scorecard is overdue: memories fade and the others wait.
    public bool Overdue(DateTime now) => StartsAt.AddDays(1) < now;
}

/// The averages of the submitted scorecards of an application, per dimension (null where nobody rated).
public sealed record ScorecardSummary(int Count, double? Skills, double? Culture, double? Communication);

public static class Scorecards
{
    /// "My scorecards": interviews that have begun, with the actor among the interviewers and no submitted scorecard of
    /// theirs on that application, oldest first.
    public static Task<List<PendingScorecard>> PendingAsync(RecordService records, Actor actor, DateTime now, CancellationToken ct = default) =>
        records.ReadAsync<Interview, List<PendingScorecard>>(actor, async (interviews, reads) =>
        {
            var mine = Mine(reads, actor);
            var rows = await (from i in Pending(interviews, mine, actor, now)
                              join a in reads.Db.Applications on i.ApplicationId equals a.Id
                              orderby i.StartsAt
                              select new
                              {
                                  i.Id, i.ApplicationId, a.Candidate!.FirstName, a.Candidate.LastName, a.Job!.Title, i.StartsAt, i.Kind,
                                  Draft = mine.FirstOrDefault(e => e.ApplicationId == i.ApplicationId),
                              }).ToListAsync(ct);
            // One entry per application: a second interview for the same one is covered by the same scorecard.
            return rows.DistinctBy(r => r.ApplicationId)
                .Select(r => new PendingScorecard(r.Id, r.ApplicationId, Candidates.Candidate.NameOf(r.FirstName, r.LastName), r.Title,
                    DateTime.SpecifyKind(r.StartsAt, DateTimeKind.Utc), r.Kind, r.Draft)).ToList();
        }, ct);

    /// How many applications wait for the actor's scorecard (the navigation's count), without loading them.
    public static Task<int> CountPendingAsync(RecordService records, Actor actor, DateTime now, CancellationToken ct = default) =>
        records.ReadAsync<Interview, int>(actor, (interviews, reads) =>
            Pending(interviews, Mine(reads, actor), actor, now).Select(i => i.ApplicationId).Distinct().CountAsync(ct), ct);

    private static IQueryable<Scorecard> Mine(ReadContext reads, Actor actor) =>
        reads.Rows<Scorecard>().Where(e => e.InterviewerId == (actor.UserId ?? Guid.Empty));

    private static IQueryable<Interview> Pending(IQueryable<Interview> interviews, IQueryable<Scorecard> mine, Actor actor, DateTime now)
    {
        var me = actor.UserId ?? Guid.Empty;
        return interviews.Where(i => i.InterviewerIds.Contains(me) && i.StartsAt <= now
            && (i.Status == InterviewStatus.Scheduled || i.Status == InterviewStatus.Completed)
            && !mine.Any(e => e.ApplicationId == i.ApplicationId && e.SubmittedAt != null));
    }

    /// The actor's own scorecard on an application, if they started one.
    public static Task<Scorecard?> MineAsync(RecordService records, Actor actor, Guid applicationId, CancellationToken ct = default) =>
        records.ReadAsync<Scorecard, Scorecard?>(actor, (rows, _) =>
            rows.FirstOrDefaultAsync(e => e.ApplicationId == applicationId && e.InterviewerId == actor.UserId, ct), ct);

    public static ScorecardSummary Summarize(IEnumerable<Scorecard> evaluations)
    {
        var submitted = evaluations.Where(e => e.SubmittedAt is not null).ToList();
        static double? Average(IEnumerable<int?> values)
        {
            var rated = values.OfType<int>().ToList();
            return rated.Count == 0 ? null : rated.Average();
        }
        return new ScorecardSummary(submitted.Count, Average(submitted.Select(e => e.Skills)), Average(submitted.Select(e => e.Culture)),
            Average(submitted.Select(e => e.Communication)));
    }
}
