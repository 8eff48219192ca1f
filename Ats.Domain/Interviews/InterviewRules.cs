using Ats.Domain.Pipeline;
using Ats.Domain.Writes;

namespace Ats.Domain.Interviews;

public sealed class InterviewRules : ModelRules<Interview>
{
    public override async Task ValidateAsync(Interview row, WriteContext context, ValidationErrors errors, CancellationToken ct)
    {
        await context.RequireReferenceAsync<Application>(row, nameof(Interview.ApplicationId), "application_id", row.ApplicationId, errors, ct);
        if (context.Changed(row, nameof(Interview.InterviewerIds)))
            await context.RequireUsersAsync(row.InterviewerIds, "interviewer_ids", errors, ct);
    }
}
