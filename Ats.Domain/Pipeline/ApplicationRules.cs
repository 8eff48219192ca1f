using Ats.Domain.Candidates;
using Ats.Domain.Jobs;
using Ats.Domain.Resources;
using Ats.Domain.Sources;
using Ats.Domain.Writes;
using Microsoft.EntityFrameworkCore;

namespace Ats.Domain.Pipeline;

/// Stage moves from every surface pass here. A new card goes to the bottom of its column unless placed.
public sealed class ApplicationRules : ModelRules<Application>
{
    public override async Task PrepareAsync(Application row, WriteContext context, CancellationToken ct)
    {
        var stageChanged = context.Changed(row, nameof(Application.Stage));
        if (stageChanged) row.StageChangedAt = context.Now;
        var placed = !string.IsNullOrEmpty(row.KanbanPosition) && (context.IsCreate || context.Changed(row, nameof(Application.KanbanPosition)));
        if (!placed && (context.IsCreate || stageChanged || string.IsNullOrEmpty(row.KanbanPosition)))
        {
            var last = await context.Db.Applications.Where(a => a.JobId == row.JobId && a.Stage == row.Stage && a.Id != row.Id)
                .OrderByDescending(a => a.KanbanPosition).Select(a => a.KanbanPosition).FirstOrDefaultAsync(ct);
            row.KanbanPosition = Rank.Between(last, null);
        }
    }

    public override async Task ValidateAsync(Application row, WriteContext context, ValidationErrors errors, CancellationToken ct)
    {
        if (!errors.Has("kanban_position") && !Rank.IsValid(row.KanbanPosition)) errors.Add("kanban_position", Messages.InvalidValue);
        await context.RequireReferenceAsync<Candidate>(row, nameof(Application.CandidateId), "candidate_id", row.CandidateId, errors, ct);
        await context.RequireReferenceAsync<Job>(row, nameof(Application.JobId), "job_id", row.JobId, errors, ct);
        await context.RequireReferenceAsync<Source>(row, nameof(Application.SourceId), "source_id", row.SourceId, errors, ct);
        if (!errors.Has("candidate_id") && !errors.Has("job_id")
            && (context.Changed(row, nameof(Application.CandidateId)) || context.Changed(row, nameof(Application.JobId)))
            && await context.Db.Applications.AnyAsync(a => a.CandidateId == row.CandidateId && a.JobId == row.JobId && a.Id != row.Id, ct))
            errors.Add("job_id", Messages.DuplicateApplication);
    }
}
