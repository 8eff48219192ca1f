using Ats.Domain.Common;

namespace Ats.Domain.Sources;

public enum SourceKind { Linkedin, Indeed, Referral, CareersPage, ActiveSourcing, Other }

/// Where candidates come from, for funnel analytics.
public sealed class Source : TenantEntity
{
    public string Name { get; set; } = "";
    public SourceKind Kind { get; set; }
}
