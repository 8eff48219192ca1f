using Ats.Domain.Common;

namespace Ats.Domain.Notes;

/// A markdown note on a candidate, an application or a job. Pinned notes float to the top.
public sealed class ApplicationNote : TenantEntity
{
    public ParentKind ParentKind { get; set; }
    public Guid ParentId { get; set; }
    public string Body { get; set; } = "";
    public bool Pinned { get; set; }
    public Guid? AuthorId { get; set; }
    /// When the author last reworded it (pinning is not an edit).
    public DateTime? EditedAt { get; set; }
}
