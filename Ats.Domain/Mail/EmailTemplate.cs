using Ats.Domain.Common;
using Ats.Domain.Pipeline;

namespace Ats.Domain.Mail;

/// A reusable mail. When <see cref="Stage"/> is set, entering that stage sends it automatically.
public sealed class EmailTemplate : TenantEntity
{
    public string Name { get; set; } = "";
    public string Subject { get; set; } = "";
    public string Body { get; set; } = "";
    public Stage? Stage { get; set; }
    public bool Active { get; set; } = true;
}
