using Ats.Domain.Candidates;
using Ats.Domain.Common;
using Ats.Domain.Jobs;

namespace Ats.Domain.Pipeline;

/// A candidate applying to one job: a card on that job's board.
public sealed class Application : TenantEntity
{
    public Guid CandidateId { get; set; }
    public Candidate? Candidate { get; set; }
    public Guid JobId { get; set; }
    public Job? Job { get; set; }
    public Stage Stage { get; set; } = Stage.New;
    /// Fractional rank within the stage column; ascending ordinal order. See <see cref="Rank"/>.
    public string KanbanPosition { get; set; } = "";
    public int? FitScore { get; set; }
    public string? FitExplanation { get; set; }
    public Guid? SourceId { get; set; }
    public string? CoverLetterUrl { get; set; }
    public string? ResumeUrl { get; set; }
    public string? RejectionReason { get; set; }
    public DateTime StageChangedAt { get; set; }
    public string? ExternalId { get; set; }
}
