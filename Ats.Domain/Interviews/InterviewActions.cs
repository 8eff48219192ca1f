using Ats.Domain.Writes;

namespace Ats.Domain.Interviews;

/// Planning an interview: schedule it, move it, call it off, or record how it went. The dialog, the list's buttons and
/// a generic update of the interview (REST, socket) come here; the rules queue the invitations, updates and
/// cancellations (invite.ics) in the same transaction.
public sealed class InterviewActions(RecordService records) : IUpdateRoute<Interview>
{
    /// A sentinel no client can send: tells "status not in the body" from a status that is.
    private const InterviewStatus NotAsked = (InterviewStatus)(-1);

    public IReadOnlySet<string> Fields { get; } = new HashSet<string>
        { "status", "starts_at", "duration_minutes", "interviewer_ids", "meeting_link", "room", "kind" };

    /// The candidate and the interviewers get an invitation.
    public Task<Interview> ScheduleAsync(Actor actor, Interview interview, CancellationToken ct = default) =>
        records.CreateAsync(actor, interview, ct);

    /// A new time, place, kind or set of interviewers: everyone gets the updated entry, a dropped interviewer a cancellation.
    public Task<Interview> RescheduleAsync(Actor actor, Guid id, int? expectedVersion, Action<Interview> change, CancellationToken ct = default) =>
        records.UpdateAsync(actor, id, expectedVersion, change, ct);

    /// Everyone on it gets a cancellation.
    public Task<Interview> CancelAsync(Actor actor, Guid id, int? expectedVersion, CancellationToken ct = default) =>
        SetStatusAsync(actor, id, expectedVersion, InterviewStatus.Cancelled, null, false, ct);

    /// It took place, or the candidate did not come.
    public Task<Interview> RecordOutcomeAsync(Actor actor, Guid id, int? expectedVersion, InterviewStatus outcome, CancellationToken ct = default) =>
        SetStatusAsync(actor, id, expectedVersion, outcome, null, false, ct);

    /// A generic update: a cancellation or an outcome by the status it asks for, otherwise a reschedule (or, with
    /// "scheduled" after a cancellation, the interview back on), each with the body's other fields in the same write.
    public Task<Interview> UpdateAsync(Actor actor, Guid id, int? expectedVersion, Action<Interview> apply, bool confirmed, CancellationToken ct)
    {
        var requested = new Interview { Status = NotAsked };
        apply(requested);
        return requested.Status is InterviewStatus.Cancelled or InterviewStatus.Completed or InterviewStatus.NoShow
            ? SetStatusAsync(actor, id, expectedVersion, requested.Status, apply, confirmed, ct)
            : records.UpdateAsync(actor, id, expectedVersion, apply, confirmed, ct);
    }

    private Task<Interview> SetStatusAsync(Actor actor, Guid id, int? expectedVersion, InterviewStatus status, Action<Interview>? alsoApply,
        bool confirmed, CancellationToken ct) =>
        records.UpdateAsync<Interview>(actor, id, expectedVersion, i =>
        {
            alsoApply?.Invoke(i);
            i.Status = status;
        }, confirmed, ct);
}
