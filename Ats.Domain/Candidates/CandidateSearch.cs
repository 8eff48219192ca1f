namespace Ats.Domain.Candidates;

/// The candidate list's text search and sort orders, shared by the UI and the API. Every order ends on the id,
/// so paging never shows a row twice or skips one.
public static class CandidateSearch
{
    public static IQueryable<Candidate> Matching(IQueryable<Candidate> candidates, string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return candidates;
        var needle = text.Trim().ToLowerInvariant();
        return candidates.Where(c => c.SearchText.Contains(needle));
    }

    public static IQueryable<Candidate> Sorted(IQueryable<Candidate> candidates, string? field, bool descending) => (field, descending) switch
    {
        ("name", false) => candidates.OrderBy(c => c.SortName).ThenBy(c => c.Id),
        ("name", true) => candidates.OrderByDescending(c => c.SortName).ThenBy(c => c.Id),
        ("email", false) => candidates.OrderBy(c => c.EmailNormalized).ThenBy(c => c.Id),
        ("email", true) => candidates.OrderByDescending(c => c.EmailNormalized).ThenBy(c => c.Id),
        ("city", false) => candidates.OrderBy(c => c.City).ThenBy(c => c.Id),
        ("city", true) => candidates.OrderByDescending(c => c.City).ThenBy(c => c.Id),
        ("created_at", false) => candidates.OrderBy(c => c.CreatedAt).ThenBy(c => c.Id),
        _ => candidates.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id),
    };
}
