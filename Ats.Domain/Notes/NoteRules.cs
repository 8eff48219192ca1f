using Ats.Domain.Candidates;
using Ats.Domain.Common;
using Ats.Domain.Jobs;
using Ats.Domain.Pipeline;
using Ats.Domain.Writes;

namespace Ats.Domain.Notes;

public sealed class NoteRules : ModelRules<ApplicationNote>
{
    public override Task PrepareAsync(ApplicationNote row, WriteContext context, CancellationToken ct)
    {
        if (context.IsCreate) row.AuthorId = context.Actor.UserId;
        return Task.CompletedTask;
    }

    public override Task ValidateAsync(ApplicationNote row, WriteContext context, ValidationErrors errors, CancellationToken ct) =>
        Parents.RequireAsync(context, row, row.ParentKind, row.ParentId, errors, ct);
}

/// The polymorphic parent of notes and tasks must exist and be readable by the actor.
internal static class Parents
{
    public static Task RequireAsync(WriteContext context, TenantEntity row, ParentKind? kind, Guid? id,
        ValidationErrors errors, CancellationToken ct) => kind switch
    {
        ParentKind.Candidate => context.RequireReferenceAsync<Candidate>(row, "ParentId", "parent_id", id, errors, ct),
        ParentKind.Application => context.RequireReferenceAsync<Application>(row, "ParentId", "parent_id", id, errors, ct),
        ParentKind.Job => context.RequireReferenceAsync<Job>(row, "ParentId", "parent_id", id, errors, ct),
        _ => Task.CompletedTask,
    };
}
