using Ats.Domain.Common;

namespace Ats.Domain.Scorecards;

public enum Recommendation { StrongYes, Yes, No, StrongNo }

/// A scorecard: one per interviewer and application, each dimension on a 1-5 scale.
public sealed class Scorecard : TenantEntity
{
    public Guid ApplicationId { get; set; }
    public Guid? InterviewId { get; set; }
    public Guid? InterviewerId { get; set; }
    public int? Skills { get; set; }
    public int? Culture { get; set; }
    public int? Communication { get; set; }
    public Recommendation Recommendation { get; set; }
    public string? Note { get; set; }
    /// When it was first submitted; an amendment keeps it.
    public DateTime? SubmittedAt { get; set; }
    /// When the submitted scorecard was last changed; null while it stands as submitted.
    public DateTime? AmendedAt { get; set; }
    /// What it said before each change after submission, oldest first: the first entry holds the original.
    public List<ScorecardAmendment> Amendments { get; set; } = [];
    /// Why its author changes the submitted scorecard: needed for every such change, kept in the amendment, never
    /// stored on the row itself (write-only on the wire).
    public string? AmendmentReason { get; set; }
}

/// One change to a submitted scorecard: when, by whom and why, and the values it replaced.
public sealed record ScorecardAmendment
{
    public DateTime At { get; init; }
    public Guid? By { get; init; }
    public string Reason { get; init; } = "";
    public Guid? InterviewId { get; init; }
    public int? Skills { get; init; }
    public int? Culture { get; init; }
    public int? Communication { get; init; }
    public Recommendation Recommendation { get; init; }
    public string? Note { get; init; }
}
