using Ats.Domain.Candidates;
using Ats.Tests.Support;

namespace Ats.Tests.Domain;

/// The candidate list pages and sorts thousands of rows without repeating or skipping one.
public sealed class CandidateListAtScaleTests : IAsyncLifetime
{
    private const int Count = 3_000;
    private readonly TestDatabase _db = new();

    public async Task InitializeAsync()
    {
        await _db.InitializeAsync();
        await using var raw = _db.Raw();
        var random = new Random(7);
        string[] lastNames = ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann"];
        var candidates = Enumerable.Range(0, Count).Select(i => new Candidate
        {
            TenantId = _db.TenantA.Id,
            FirstName = $"Person{i:D4}",
            LastName = i == 7 ? "Özdemir" : lastNames[random.Next(lastNames.Length)], // many equal last names: the id must break ties
            Email = $"person{i}@example.com",
            City = i % 3 == 0 ? "Berlin" : "Hamburg",
            CreatedAt = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(random.Next(100_000)),
            Version = 1,
        }).ToList();
        candidates.ForEach(c => c.RefreshDerivedFields());
        raw.Candidates.AddRange(candidates);
        await raw.SaveChangesAsync();
    }

    public Task DisposeAsync() => _db.DisposeAsync();

    [Theory]
    [InlineData("name", false)]
    [InlineData("name", true)]
    [InlineData("email", false)]
    [InlineData("city", true)]
    [InlineData("created_at", false)]
    [InlineData(null, false)]
    public async Task PagingThroughASortedListShowsEveryRowOnce(string? sort, bool descending)
    {
        var seen = new List<Guid>();
        for (var page = 0; page * 100 < Count; page++)
            seen.AddRange(await _db.Records.ReadAsync<Candidate, List<Guid>>(_db.Recruiter, (rows, _) =>
                CandidateSearch.Sorted(rows, sort, descending).Skip(page * 100).Take(100).Select(c => c.Id).ToListAsync()));

        Assert.Equal(Count, seen.Count);
        Assert.Equal(Count, seen.Distinct().Count());
    }

    [Fact]
    public async Task SortingByNameOrdersByLastThenFirstName()
    {
        var names = await _db.Records.ReadAsync<Candidate, List<string>>(_db.Recruiter, (rows, _) =>
            CandidateSearch.Sorted(rows, "name", false).Take(500).Select(c => c.LastName + " " + c.FirstName).ToListAsync());

        Assert.Equal(names.OrderBy(Ats.Domain.Common.Text.SortKey, StringComparer.Ordinal), names);
    }

    [Theory]
    [InlineData("Person0042", 1)]
    [InlineData("person0042", 1)]
    [InlineData("person42@example", 1)]
    [InlineData("Berlin", 1_000)]
    [InlineData("Person004", 10)]
    [InlineData("nobody", 0)]
    [InlineData("ÖZDEMIR", 1)]
    [InlineData("özdemir", 1)]
    public async Task SearchFindsByNameEmailOrCityIgnoringCase(string text, int expected)
    {
        var found = await _db.Records.ReadAsync<Candidate, int>(_db.Recruiter, (rows, reads) => reads.Matching(rows, text).CountAsync());

        Assert.Equal(expected, found);
    }

    [Theory]
    [InlineData("Özdemir", "Pohl")]
    [InlineData("Şahin", "Zimmermann")]
    [InlineData("Ärger", "Bauer")]
    [InlineData("Müller", "Muster")]
    public void NamesWithAccentsSortWhereReadersLookForThem(string first, string second) =>
        Assert.True(string.CompareOrdinal(Ats.Domain.Common.Text.SortKey(first), Ats.Domain.Common.Text.SortKey(second)) < 0);
}
