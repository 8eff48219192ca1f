namespace Ats.Domain.Pipeline;

/// One card as the board shows it. A class with identity, because the drop container keys its items by reference.
public sealed class BoardCardModel
{
    public required Guid Id { get; init; }
    public required Guid CandidateId { get; init; }
    public required Guid JobId { get; init; }
    public required string JobTitle { get; init; }
    public required string Name { get; init; }
    public int? FitScore { get; init; }
    public string? Source { get; init; }
    public Guid? SourceId { get; init; }
    public IReadOnlyList<string> Tags { get; init; } = [];
    public DateTime? NextInterviewAt { get; init; }
    public required Stage Stage { get; init; }
    public required int Version { get; init; }
    public required DateTime StageChangedAt { get; init; }

    public int DaysInStage(DateTime now) => Math.Max(0, (int)(now - StageChangedAt).TotalDays);
}
