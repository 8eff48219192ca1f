using Ats.Domain.Interviews;
using Ats.Domain.Pipeline;
using Ats.Domain.Resources;
using Ats.Domain.Writes;
using Microsoft.EntityFrameworkCore;

namespace Ats.Domain.Scorecards;

/// A scorecard belongs to whoever writes it, one per interviewer and application. It is a draft until submitted; a
/// submitted one needs all three ratings and stays submitted (changing it submits it again, at the new time).
public sealed class EvaluationRules : ModelRules<Evaluation>
{
    public override Task PrepareAsync(Evaluation row, WriteContext context, CancellationToken ct)
    {
        if (context.IsCreate) row.InterviewerId = context.Actor.UserId;
        // Someone's judgement stays theirs: nobody, not even a recruiter, rewrites it.
        else if (row.InterviewerId != context.Actor.UserId && context.Actor.Channel != Channel.System) throw ForbiddenException.CannotWrite("evaluation");
        var submittedBefore = !context.IsCreate && context.Db.Entry(row).Property(e => e.SubmittedAt).OriginalValue is not null;
        // The server knows when: a client says "submitted", not the time.
        if (row.SubmittedAt is not null && (context.Changed(row, nameof(Evaluation.SubmittedAt)) || submittedBefore && Changed(row, context)))
            row.SubmittedAt = context.Now;
        return Task.CompletedTask;
    }

    public override async Task ValidateAsync(Evaluation row, WriteContext context, ValidationErrors errors, CancellationToken ct)
    {
        await context.RequireReferenceAsync<Application>(row, nameof(Evaluation.ApplicationId), "application_id", row.ApplicationId, errors, ct);
        await context.RequireReferenceAsync<Interview>(row, nameof(Evaluation.InterviewId), "interview_id", row.InterviewId, errors, ct);
        if (row.InterviewId is { } interview && !errors.Has("interview_id") && !errors.Has("application_id")
            && !await context.Readable<Interview>().AnyAsync(i => i.Id == interview && i.ApplicationId == row.ApplicationId, ct))
            errors.Add("interview_id", Messages.NotOfThisApplication);
        if (!context.IsCreate && context.Changed(row, nameof(Evaluation.ApplicationId))) errors.Add("application_id", Messages.SetOnCreate);
        if (context.IsCreate && !errors.Has("application_id")
            && await context.Db.Evaluations.AnyAsync(e => e.ApplicationId == row.ApplicationId && e.InterviewerId == row.InterviewerId, ct))
            errors.Add("application_id", Messages.ScorecardExists);
        if (!context.IsCreate && row.SubmittedAt is null && context.Db.Entry(row).Property(e => e.SubmittedAt).OriginalValue is not null)
            errors.Add("submitted_at", Messages.ScorecardStaysSubmitted);
        if (row.SubmittedAt is not null)
            foreach (var (field, value) in new[] { ("skills", row.Skills), ("culture", row.Culture), ("communication", row.Communication) })
                if (value is null && !errors.Has(field)) errors.Add(field, Messages.Required);
    }

    private static bool Changed(Evaluation row, WriteContext context) => context.Db.Entry(row).Properties.Any(p => p.IsModified);
}
