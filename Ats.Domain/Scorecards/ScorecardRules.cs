using Ats.Domain.Interviews;
using Ats.Domain.Pipeline;
using Ats.Domain.Resources;
using Ats.Domain.Writes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Ats.Domain.Scorecards;

/// A scorecard belongs to whoever writes it, one per interviewer and application. It is a draft until submitted; a
/// submitted one needs all three ratings and stays submitted. Changing it after submission is an amendment: it needs a
/// reason, and the values it replaces are kept on the row for everyone who may read the scorecard.
public sealed class ScorecardRules : ModelRules<Scorecard>
{
    public const int MaxAmendments = 20;

    public override Task PrepareAsync(Scorecard row, WriteContext context, CancellationToken ct)
    {
        if (context.IsCreate) row.InterviewerId = context.Actor.UserId;
        // Someone's judgement stays theirs: nobody, not even a recruiter, rewrites it.
        else if (row.InterviewerId != context.Actor.UserId && context.Actor.Channel != Channel.System) throw ForbiddenException.CannotWrite("evaluation");
        var submittedBefore = SubmittedBefore(row, context);
        // The server knows when: a client says "submitted", not the time; the first submission's time stays.
        if (submittedBefore is { } first && row.SubmittedAt is not null) row.SubmittedAt = first;
        else if (row.SubmittedAt is not null && context.Changed(row, nameof(Scorecard.SubmittedAt))) row.SubmittedAt = context.Now;
        if (IsAmendment(row, context) && !string.IsNullOrWhiteSpace(row.AmendmentReason))
        {
            var before = context.Db.Entry(row);
            row.Amendments =
            [
                .. Original(before, e => e.Amendments) ?? [],
                new ScorecardAmendment
                {
                    At = context.Now, By = context.Actor.UserId, Reason = row.AmendmentReason.Trim(),
                    InterviewId = Original(before, e => e.InterviewId), Skills = Original(before, e => e.Skills), Culture = Original(before, e => e.Culture),
                    Communication = Original(before, e => e.Communication), Recommendation = Original(before, e => e.Recommendation), Note = Original(before, e => e.Note),
                },
            ];
            row.AmendedAt = context.Now;
        }
        return Task.CompletedTask;
    }

    public override async Task ValidateAsync(Scorecard row, WriteContext context, ValidationErrors errors, CancellationToken ct)
    {
        await context.RequireReferenceAsync<Application>(row, nameof(Scorecard.ApplicationId), "application_id", row.ApplicationId, errors, ct);
        await context.RequireReferenceAsync<Interview>(row, nameof(Scorecard.InterviewId), "interview_id", row.InterviewId, errors, ct);
        if (row.InterviewId is { } interview && !errors.Has("interview_id") && !errors.Has("application_id")
            && !await context.Readable<Interview>().AnyAsync(i => i.Id == interview && i.ApplicationId == row.ApplicationId, ct))
            errors.Add("interview_id", Messages.NotOfThisApplication);
        if (!context.IsCreate && context.Changed(row, nameof(Scorecard.ApplicationId))) errors.Add("application_id", Messages.SetOnCreate);
        if (context.IsCreate && !errors.Has("application_id")
            && await context.Db.Scorecards.AnyAsync(e => e.ApplicationId == row.ApplicationId && e.InterviewerId == row.InterviewerId, ct))
            errors.Add("application_id", Messages.ScorecardExists);
        if (row.SubmittedAt is null && SubmittedBefore(row, context) is not null)
            errors.Add("submitted_at", Messages.ScorecardStaysSubmitted);
        if (row.SubmittedAt is not null)
            foreach (var (field, value) in new[] { ("skills", row.Skills), ("culture", row.Culture), ("communication", row.Communication) })
                if (value is null && !errors.Has(field)) errors.Add(field, Messages.Required);
        if (IsAmendment(row, context) && !errors.Has("amendment_reason"))
        {
            if (string.IsNullOrWhiteSpace(row.AmendmentReason)) errors.Add("amendment_reason", Messages.AmendmentReasonRequired);
            else if (row.Amendments.Count > MaxAmendments) errors.Add("amendment_reason", Messages.TooManyAmendments(MaxAmendments));
        }
        // The reason lives on in the amendment; the row never carries it (the last rule step: validation saw it).
        row.AmendmentReason = null;
    }

    /// The first submission's time, when the stored row was already submitted.
    private static DateTime? SubmittedBefore(Scorecard row, WriteContext context) =>
        context.IsCreate ? null : context.Db.Entry(row).Property(e => e.SubmittedAt).OriginalValue;

    /// A person changes what a submitted scorecard says. The system (erasure) does not amend: it must not keep a copy of
    /// what it removes.
    private static bool IsAmendment(Scorecard row, WriteContext context)
    {
        if (SubmittedBefore(row, context) is null || context.Actor.Channel == Channel.System) return false;
        var entry = context.Db.Entry(row);
        return new[] { nameof(Scorecard.InterviewId), nameof(Scorecard.Skills), nameof(Scorecard.Culture), nameof(Scorecard.Communication),
            nameof(Scorecard.Recommendation), nameof(Scorecard.Note) }.Any(p => entry.Property(p).IsModified);
    }

    private static TValue Original<TValue>(EntityEntry<Scorecard> entry, System.Linq.Expressions.Expression<Func<Scorecard, TValue>> property) =>
        entry.Property(property).OriginalValue;
}
