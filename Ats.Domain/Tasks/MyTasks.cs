using Ats.Domain.Writes;
using Microsoft.EntityFrameworkCore;

namespace Ats.Domain.Tasks;

/// A person's open tasks: overdue first (oldest due first), then by due date, then those without one.
public static class MyTasks
{
    public static IQueryable<TaskItem> Open(IQueryable<TaskItem> tasks, Actor actor) => tasks
        .Where(t => t.AssignedTo == actor.UserId && !t.Completed)
        .OrderBy(t => t.DueAt == null).ThenBy(t => t.DueAt).ThenBy(t => t.CreatedAt);

    public static Task<List<TaskItem>> OpenAsync(RecordService records, Actor actor, CancellationToken ct = default) =>
        records.ReadAsync<TaskItem, List<TaskItem>>(actor, (tasks, _) => Open(tasks, actor).ToListAsync(ct), ct);

    public static Task<int> CountOpenAsync(RecordService records, Actor actor, CancellationToken ct = default) =>
        records.ReadAsync<TaskItem, int>(actor, (tasks, _) => tasks.CountAsync(t => t.AssignedTo == actor.UserId && !t.Completed, ct), ct);
}
