using Ats.Domain.Notes;
using Ats.Domain.Resources;
using Ats.Domain.Writes;

namespace Ats.Domain.Tasks;

public sealed class TaskRules : ModelRules<TaskItem>
{
    public override Task PrepareAsync(TaskItem row, WriteContext context, CancellationToken ct)
    {
        if (context.Changed(row, nameof(TaskItem.Completed))) row.CompletedAt = row.Completed ? context.Now : null;
        return Task.CompletedTask;
    }

    public override async Task ValidateAsync(TaskItem row, WriteContext context, ValidationErrors errors, CancellationToken ct)
    {
        if ((row.ParentKind is null) != (row.ParentId is null)) errors.Add(row.ParentKind is null ? "parent_kind" : "parent_id", Messages.Required);
        await Parents.RequireAsync(context, row, row.ParentKind, row.ParentId, errors, ct);
        if (row.AssignedTo is { } user && context.Changed(row, nameof(TaskItem.AssignedTo)))
            await context.RequireUsersAsync([user], "assigned_to", errors, ct);
    }
}
