using Ats.Domain.Common;

namespace Ats.Domain.Scorecards;

public enum Recommendation { StrongYes, Yes, No, StrongNo }

/// A scorecard: one per interviewer and application, each dimension on a 1-5 scale.
public sealed class Evaluation : TenantEntity
{
    public Guid ApplicationId { get; set; }
    public Guid? InterviewId { get; set; }
    public Guid? InterviewerId { get; set; }
    public int? Skills { get; set; }
    public int? Culture { get; set; }
    public int? Communication { get; set; }
    public Recommendation Recommendation { get; set; }
    public string? Note { get; set; }
    public DateTime? SubmittedAt { get; set; }
}
