using Ats.Domain.Pipeline;
using Ats.Domain.Writes;
using Microsoft.EntityFrameworkCore;

namespace Ats.Domain.Interviews;

/// Another scheduled interview at an overlapping time for the same person: the candidate (<see cref="UserId"/> null)
/// or an interviewer.
public sealed record InterviewConflict(Guid? UserId, DateTime OtherStartsAt, DateTime OtherEndsAt);

/// Finds double bookings for a planned slot. Everything is compared in UTC, so neither the viewers' time zones nor a
/// clock change can hide an overlap or invent one. A warning, not a refusal: sometimes two things do happen at once.
public static class InterviewConflicts
{
    /// The longest interview the model allows (a day): older starts cannot reach into the slot.
    private static readonly TimeSpan Longest = TimeSpan.FromDays(1);

    public static Task<IReadOnlyList<InterviewConflict>> FindAsync(RecordService records, Actor actor, Guid applicationId,
        DateTime startsAtUtc, int durationMinutes, IReadOnlyCollection<Guid> interviewerIds, Guid? except = null, CancellationToken ct = default) =>
        records.ReadAsync<Application, IReadOnlyList<InterviewConflict>>(actor, async (applications, reads) =>
        {
            var candidateId = await applications.Where(a => a.Id == applicationId).Select(a => (Guid?)a.CandidateId).FirstOrDefaultAsync(ct);
            if (candidateId is null) return [];
            var start = DateTime.SpecifyKind(startsAtUtc, DateTimeKind.Utc);
            var end = start.AddMinutes(durationMinutes);
            // Across all jobs of the organisation: a person is busy whoever booked them.
            var nearby = await (from i in reads.Db.Interviews.AsNoTracking()
                                join a in reads.Db.Applications on i.ApplicationId equals a.Id
                                where i.Status == InterviewStatus.Scheduled && i.Id != except && i.StartsAt < end && i.StartsAt > start - Longest
                                select new { i.StartsAt, i.DurationMinutes, i.InterviewerIds, a.CandidateId }).ToListAsync(ct);
            var conflicts = new List<InterviewConflict>();
            foreach (var other in nearby)
            {
                var otherStart = DateTime.SpecifyKind(other.StartsAt, DateTimeKind.Utc);
                var otherEnd = otherStart.AddMinutes(other.DurationMinutes);
                if (otherEnd <= start) continue;
                if (other.CandidateId == candidateId) conflicts.Add(new InterviewConflict(null, otherStart, otherEnd));
                conflicts.AddRange(other.InterviewerIds.Intersect(interviewerIds).Select(u => new InterviewConflict(u, otherStart, otherEnd)));
            }
            return conflicts;
        }, ct);
}
