using Ats.Domain.Writes;
using Microsoft.EntityFrameworkCore;

namespace Ats.Domain.Scorecards;

/// An application's submitted scorecards as the actor may read them (others' only once theirs is in), in the order
/// they came, with their averages: what the scorecard panel shows.
public sealed record ApplicationScorecards(IReadOnlyList<Scorecard> Submitted, ScorecardSummary Summary)
{
    /// Those changed after submission, whose history the panel shows.
    public IEnumerable<Scorecard> Amended => Submitted.Where(e => e.Amendments.Count > 0);

    public static async Task<ApplicationScorecards> LoadAsync(RecordService records, Actor actor, Guid applicationId, CancellationToken ct = default)
    {
        var submitted = await records.ReadAsync<Scorecard, List<Scorecard>>(actor, (rows, _) =>
            rows.Where(e => e.ApplicationId == applicationId && e.SubmittedAt != null).OrderBy(e => e.SubmittedAt).ToListAsync(ct), ct);
        return new ApplicationScorecards(submitted, Scorecards.Summarize(submitted));
    }
}
