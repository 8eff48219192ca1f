using Ats.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace Ats.Domain.Candidates;

/// The candidate list's text search and sort orders, shared by the UI and the API. Every order ends on the id,
/// so paging never shows a row twice or skips one.
public static class CandidateSearch
{
    /// Candidates whose name, email, city or phone contains the text, ignoring case. On SQLite the trigram index
    /// answers it (GLOB on the lower-cased text, the form that index serves); elsewhere a plain substring match.
    public static IQueryable<Candidate> Matching(IQueryable<Candidate> candidates, string? text, AtsDbContext db)
    {
        if (string.IsNullOrWhiteSpace(text)) return candidates;
        var needle = text.Trim().ToLowerInvariant();
        if (!db.Database.IsSqlite()) return candidates.Where(c => c.SearchText.Contains(needle));
        var pattern = "*" + GlobLiteral(needle) + "*";
        var matches = db.Set<CandidateSearchEntry>().Where(e => EF.Functions.Glob(e.SearchText, pattern)).Select(e => e.CandidateId);
        return candidates.Where(c => matches.Contains(c.Id));
    }

    /// GLOB has no escape character: a wildcard stands for itself inside brackets.
    private static string GlobLiteral(string text) => string.Concat(text.Select(ch => ch is '*' or '?' or '[' ? $"[{ch}]" : ch.ToString()));

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
