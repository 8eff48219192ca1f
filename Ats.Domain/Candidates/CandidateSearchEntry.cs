namespace Ats.Domain.Candidates;

/// A row of the SQLite trigram index over <see cref="Candidate.SearchText"/> (an FTS5 table kept in step by triggers,
/// see the CandidateTrigramSearch migration), so a substring search does not read every candidate.
public sealed class CandidateSearchEntry
{
    public Guid CandidateId { get; set; }
    public string SearchText { get; set; } = "";
}
