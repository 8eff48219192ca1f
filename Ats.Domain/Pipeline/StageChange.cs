namespace Ats.Domain.Pipeline;

/// One entry of an application's stage history: written in the same transaction as the move, never edited.
/// Time in a stage is computed from it (see <see cref="StageHistory"/>).
public sealed class StageChange
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid ApplicationId { get; set; }
    /// Null for the application's first stage.
    public Stage? FromStage { get; set; }
    public Stage ToStage { get; set; }
    public Guid? ActorId { get; set; }
    public string ActorName { get; set; } = "";
    public DateTime At { get; set; }
}

/// Time in stage from the history: every entry opens a stay in its stage that the next entry closes.
public static class StageHistory
{
    public static IReadOnlyDictionary<Stage, TimeSpan> TimeInStage(IEnumerable<StageChange> history, DateTime now)
    {
        var ordered = history.OrderBy(c => c.At).ThenBy(c => c.Id).ToList();
        var totals = new Dictionary<Stage, TimeSpan>();
        for (var i = 0; i < ordered.Count; i++)
        {
            var end = i + 1 < ordered.Count ? ordered[i + 1].At : now;
            totals[ordered[i].ToStage] = totals.GetValueOrDefault(ordered[i].ToStage) + (end - ordered[i].At);
        }
        return totals;
    }
}
