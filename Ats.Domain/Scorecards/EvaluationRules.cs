using Ats.Domain.Interviews;
using Ats.Domain.Pipeline;
using Ats.Domain.Resources;
using Ats.Domain.Writes;
using Microsoft.EntityFrameworkCore;

namespace Ats.Domain.Scorecards;

/// The author of a scorecard is whoever creates it; the unique index keeps one per interviewer and application.
public sealed class EvaluationRules : ModelRules<Evaluation>
{
    public override Task PrepareAsync(Evaluation row, WriteContext context, CancellationToken ct)
    {
        if (context.IsCreate) row.InterviewerId = context.Actor.UserId;
        return Task.CompletedTask;
    }

    public override async Task ValidateAsync(Evaluation row, WriteContext context, ValidationErrors errors, CancellationToken ct)
    {
        await context.RequireReferenceAsync<Application>(row, nameof(Evaluation.ApplicationId), "application_id", row.ApplicationId, errors, ct);
        await context.RequireReferenceAsync<Interview>(row, nameof(Evaluation.InterviewId), "interview_id", row.InterviewId, errors, ct);
        if (row.InterviewId is { } interview && !errors.Has("interview_id") && !errors.Has("application_id")
            && !await context.Readable<Interview>().AnyAsync(i => i.Id == interview && i.ApplicationId == row.ApplicationId, ct))
            errors.Add("interview_id", Messages.NotOfThisApplication);
    }
}
