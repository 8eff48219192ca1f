using Ats.Domain.Writes;

namespace Ats.Domain.Scorecards;

/// Writing one's scorecard: save a draft, submit it, and amend it after submission (with a reason). The form and a
/// generic update of "submitted_at" (REST, socket) come here; the rules stamp the server's time, require the ratings
/// and keep the amended values (see <see cref="ScorecardRules"/>).
public sealed class ScorecardActions(RecordService records) : IUpdateRoute<Scorecard>
{
    /// A value no client can send: tells "submitted_at not in the body" from one that is.
    private static readonly DateTime NotAsked = DateTime.MinValue;

    public IReadOnlySet<string> Fields { get; } = new HashSet<string> { "submitted_at" };

    /// Writes the actor's scorecard on an application: the one they have, or a new one (one per interviewer and
    /// application). <paramref name="submit"/>: submits it; on a submitted one, the change is an amendment.
    public async Task<Scorecard> SaveAsync(Actor actor, Guid applicationId, Guid? interviewId, Action<Scorecard> fill, bool submit,
        CancellationToken ct = default)
    {
        var existing = await Scorecards.MineAsync(records, actor, applicationId, ct);
        void Apply(Scorecard e)
        {
            fill(e);
            e.InterviewId ??= interviewId;
            if (submit) Submit(e);
        }
        if (existing is not null) return await records.UpdateAsync<Scorecard>(actor, existing.Id, existing.Version, Apply, ct);
        var created = new Scorecard { ApplicationId = applicationId };
        Apply(created);
        return await records.CreateAsync(actor, created, ct);
    }

    /// Submits (or, already submitted, amends) the actor's scorecard with what the form holds.
    public Task<Scorecard> SubmitAsync(Actor actor, Guid applicationId, Guid? interviewId, Action<Scorecard> fill, CancellationToken ct = default) =>
        SaveAsync(actor, applicationId, interviewId, fill, submit: true, ct);

    /// A generic update that says "submitted": the same submission, with the body's other fields in the same write.
    public Task<Scorecard> UpdateAsync(Actor actor, Guid id, int? expectedVersion, Action<Scorecard> apply, bool confirmed, CancellationToken ct)
    {
        var requested = new Scorecard { SubmittedAt = NotAsked };
        apply(requested);
        var submits = requested.SubmittedAt is { } at && at != NotAsked;
        return records.UpdateAsync<Scorecard>(actor, id, expectedVersion, e =>
        {
            apply(e);
            if (submits) Submit(e);
        }, confirmed, ct);
    }

    /// A client says "submitted", not when: the rules put the server's time on it (and keep the first submission's).
    private static void Submit(Scorecard e) => e.SubmittedAt = DateTime.UtcNow;
}
