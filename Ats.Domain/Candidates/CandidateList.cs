using Ats.Domain.Common;
using Ats.Domain.Pipeline;
using Ats.Domain.Writes;
using Microsoft.EntityFrameworkCore;

namespace Ats.Domain.Candidates;

public sealed record CandidateRow(Guid Id, string Name, string Email, string? City, string? Source, List<string> Tags, int Applications, DateTime CreatedAt);

/// The candidate list: a text search, a sort, a page, and how many applications each candidate has.
public sealed class CandidateList(RecordService records)
{
    public Task<ListResult<CandidateRow>> PageAsync(Actor actor, string? search, PageRequest page, CancellationToken ct = default) =>
        records.ReadAsync<Candidate, ListResult<CandidateRow>>(actor, async (candidates, reads) =>
        {
            candidates = reads.Matching(candidates, search);
            candidates = CandidateSearch.Sorted(candidates, page.SortLabel, page.Ascending == false);
            var total = await candidates.CountAsync(ct);
            var rows = await page.Of(candidates)
                .Select(c => new CandidateRow(c.Id, c.FirstName + " " + (c.LastName ?? ""), c.Email, c.City, c.Source!.Name, c.Tags, reads.Rows<Application>().Count(a => a.CandidateId == c.Id), c.CreatedAt))
                .ToListAsync(ct);
            return new ListResult<CandidateRow>(rows, total);
        }, ct);

    public Task<int> CountAsync(Actor actor, CancellationToken ct = default) =>
        records.ReadAsync<Candidate, int>(actor, (rows, _) => rows.CountAsync(ct), ct);
}
