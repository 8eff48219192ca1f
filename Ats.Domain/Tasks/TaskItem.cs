using Ats.Domain.Common;

namespace Ats.Domain.Tasks;

/// A recruiting to-do (wire model "task"; named TaskItem to stay clear of System.Threading.Tasks.Task).
public sealed class TaskItem : TenantEntity
{
    public string Title { get; set; } = "";
    public ParentKind? ParentKind { get; set; }
    public Guid? ParentId { get; set; }
    public DateTime? DueAt { get; set; }
    public Guid? AssignedTo { get; set; }
    public bool Completed { get; set; }
    public DateTime? CompletedAt { get; set; }
}
