using Ats.Domain.Candidates;
using Ats.Domain.Common;
using Ats.Domain.Jobs;
using Ats.Domain.Pipeline;
using Ats.Domain.Resources;
using Ats.Domain.Writes;
using Microsoft.EntityFrameworkCore;

namespace Ats.Domain.Notes;

public sealed class NoteRules : ModelRules<ApplicationNote>
{
    public override Task PrepareAsync(ApplicationNote row, WriteContext context, CancellationToken ct)
    {
        if (context.IsCreate) row.AuthorId = context.Actor.UserId;
        else if (context.Changed(row, nameof(ApplicationNote.Body)))
        {
            // What a person wrote stays theirs: others may pin or unpin it, not reword it.
            RequireAuthor(row, context);
            row.EditedAt = context.Now;
        }
        return Task.CompletedTask;
    }

    public override Task ValidateAsync(ApplicationNote row, WriteContext context, ValidationErrors errors, CancellationToken ct)
    {
        // A note stays where it was written: moving it would put someone's words about one person on another.
        if (!context.IsCreate && context.Changed(row, nameof(ApplicationNote.ParentKind))) errors.Add("parent_kind", Messages.SetOnCreate);
        if (!context.IsCreate && context.Changed(row, nameof(ApplicationNote.ParentId))) errors.Add("parent_id", Messages.SetOnCreate);
        return Parents.RequireAsync(context, row, row.ParentKind, row.ParentId, errors, ct);
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

    /// Whether the actor may read the parent (no parent: yes).
    public static Task<bool> ReadableAsync(WriteContext context, Actor reader, ParentKind? kind, Guid? id, CancellationToken ct) => kind switch
    {
        ParentKind.Candidate => AnyAsync(context.Db.Candidates.Readable(reader, context.Db), id, ct),
        ParentKind.Application => AnyAsync(context.Db.Applications.Readable(reader, context.Db), id, ct),
        ParentKind.Job => AnyAsync(context.Db.Jobs.Readable(reader, context.Db), id, ct),
        _ => Task.FromResult(true),
    };

    private static Task<bool> AnyAsync<T>(IQueryable<T> rows, Guid? id, CancellationToken ct) where T : TenantEntity =>
        rows.AnyAsync(r => r.Id == id, ct);
}
