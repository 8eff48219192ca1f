using Ats.Domain.Writes;
using Microsoft.EntityFrameworkCore;

namespace Ats.Domain.Pipeline;

/// An application with its job, its candidate and its stage history, oldest first: what the application's page and
/// the board's card dialog show.
public sealed record ApplicationDetails(Application Application, IReadOnlyList<StageChange> History)
{
    public IReadOnlyDictionary<Stage, TimeSpan> TimeInStage(DateTime now) => StageHistory.TimeInStage(History, now);
}

public sealed class ApplicationQuery(RecordService records)
{
    /// Null when there is no such application, or the actor cannot see it.
    public Task<ApplicationDetails?> DetailsAsync(Actor actor, Guid id, CancellationToken ct = default) =>
        records.ReadAsync<Application, ApplicationDetails?>(actor, async (applications, reads) =>
            await applications.Include(a => a.Job).Include(a => a.Candidate).FirstOrDefaultAsync(a => a.Id == id, ct) is { } application
                ? new ApplicationDetails(application, await reads.StageChanges().Where(c => c.ApplicationId == id)
                    .OrderBy(c => c.At).ThenBy(c => c.Id).ToListAsync(ct))
                : null, ct);
}
