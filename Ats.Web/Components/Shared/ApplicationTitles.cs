using Ats.Domain.Pipeline;
using Ats.Domain.Writes;
using Microsoft.EntityFrameworkCore;

namespace Ats.Web.Components.Shared;

public static class ApplicationTitles
{
    /// The candidate's applications the actor may see, each with its job's title.
    public static Task<Dictionary<Guid, string>> OfCandidateAsync(RecordService records, Actor actor, Guid candidateId) =>
        records.ReadAsync<Application, Dictionary<Guid, string>>(actor, (applications, _) => applications
            .Where(a => a.CandidateId == candidateId).Select(a => new { a.Id, a.Job!.Title }).ToDictionaryAsync(a => a.Id, a => a.Title));
}
