using Ats.Domain.Common;
using Ats.Domain.Writes;
using Microsoft.EntityFrameworkCore;

namespace Ats.Domain.Tasks;

/// The tasks a candidate's, an application's or a job's page lists: open ones first (soonest due first), then done ones.
public static class TasksOn
{
    /// The tasks on the parent, and on <paramref name="applications"/> (a candidate's page shows those of their applications).
    public static Task<List<TaskItem>> ListAsync(RecordService records, Actor actor, ParentKind kind, Guid parentId,
        IReadOnlyCollection<Guid> applications, CancellationToken ct = default)
    {
        var parents = applications.Select(id => (Guid?)id).ToList();
        return records.ReadAsync<TaskItem, List<TaskItem>>(actor, (tasks, _) => tasks
            .Where(t => (t.ParentKind == kind && t.ParentId == parentId) || (t.ParentKind == ParentKind.Application && parents.Contains(t.ParentId)))
            .OrderBy(t => t.Completed).ThenBy(t => t.DueAt == null).ThenBy(t => t.DueAt).ThenByDescending(t => t.CompletedAt).ToListAsync(ct), ct);
    }
}
