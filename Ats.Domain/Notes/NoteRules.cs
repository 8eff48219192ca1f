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
        // What a person wrote stays theirs: others may pin or unpin it, not reword it.
        else if (context.Changed(row, nameof(ApplicationNote.Body))) RequireAuthor(row, context);
        return Task.CompletedTask;
    }

    public override Task ValidateDeleteAsync(ApplicationNote row, WriteContext context, ValidationErrors errors, CancellationToken ct)
    {
        RequireAuthor(row, context);
        return Task.CompletedTask;
    }

    /// The system (GDPR erasure, retention) is exempt; everyone else must have written the note.
    private static void RequireAuthor(ApplicationNote row, WriteContext context)
    {
        if (context.Actor.Channel != Channel.System && row.AuthorId != context.Actor.UserId) throw ForbiddenException.NotTheAuthor();
    }

    public override Task ValidateAsync(ApplicationNote row, WriteContext context, ValidationErrors errors, CancellationToken ct) =>
        Parents.RequireAsync(context, row, row.ParentKind, row.ParentId, errors, ct);
}

/// The polymorphic parent of notes and tasks must exist and be readable by the actor; checked when kind or id changed.
internal static class Parents
{
    public static Task RequireAsync(WriteContext context, TenantEntity row, ParentKind? kind, Guid? id,
        ValidationErrors errors, CancellationToken ct)
    {
        if (!context.Changed(row, "ParentKind") && !context.Changed(row, "ParentId")) return Task.CompletedTask;
        return kind switch
        {
            ParentKind.Candidate => context.RequireReadableAsync<Candidate>(id, "parent_id", errors, ct),
            ParentKind.Application => context.RequireReadableAsync<Application>(id, "parent_id", errors, ct),
            ParentKind.Job => context.RequireReadableAsync<Job>(id, "parent_id", errors, ct),
            _ => Task.CompletedTask,
        };
    }
}
