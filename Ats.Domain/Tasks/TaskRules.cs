using Ats.Domain.Identity;
using Ats.Domain.Notes;
using Ats.Domain.Resources;
using Ats.Domain.Writes;

namespace Ats.Domain.Tasks;

public sealed class TaskRules : ModelRules<TaskItem>
{
    public override Task PrepareAsync(TaskItem row, WriteContext context, CancellationToken ct)
    {
        // Hiring managers see the tasks given to them and tick them off; they do not create, reword or hand on work.
        if (context.Actor.IsHiringManager && (context.IsCreate || context.Db.Entry(row).Properties
                .Any(p => p.IsModified && p.Metadata.Name is not (nameof(TaskItem.Completed) or nameof(TaskItem.CompletedAt)))))
            throw ForbiddenException.TickOffOnly();
        if (context.Changed(row, nameof(TaskItem.Completed))) row.CompletedAt = row.Completed ? context.Now : null;
        return Task.CompletedTask;
    }

    public override async Task ValidateAsync(TaskItem row, WriteContext context, ValidationErrors errors, CancellationToken ct)
    {
        if ((row.ParentKind is null) != (row.ParentId is null)) errors.Add(row.ParentKind is null ? "parent_kind" : "parent_id", Messages.Required);
        await Parents.RequireAsync(context, row, row.ParentKind, row.ParentId, errors, ct);
        if (row.AssignedTo is { } user && !errors.Has("parent_id")
            && (context.Changed(row, nameof(TaskItem.AssignedTo)) || context.Changed(row, nameof(TaskItem.ParentId))))
            await RequireAssigneeCanSeeAsync(row, user, context, errors, ct);
    }

    public override Task ValidateDeleteAsync(TaskItem row, WriteContext context, ValidationErrors errors, CancellationToken ct) =>
        context.Actor.IsHiringManager ? throw ForbiddenException.TickOffOnly() : Task.CompletedTask;

    /// A task names what it is about in its title: it goes only to someone who may see its parent (a hiring manager
    /// only on their own jobs), so the title cannot carry a job's business past its team.
    private static async Task RequireAssigneeCanSeeAsync(TaskItem row, Guid userId, WriteContext context, ValidationErrors errors, CancellationToken ct)
    {
        var assignee = await UserDirectory.FindActiveAsync(context.Db, userId, context.Actor.TenantId, ct);
        if (assignee is null) errors.Add("assigned_to", Messages.UnknownUser);
        else if (!await Parents.ReadableAsync(context, new Actor(assignee.Id, context.Actor.TenantId, assignee.Role, assignee.Name, Channel.System),
                     row.ParentKind, row.ParentId, ct))
            errors.Add("assigned_to", Messages.AssigneeCannotSee);
    }
}
