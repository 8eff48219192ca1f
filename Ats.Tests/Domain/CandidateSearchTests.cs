using Ats.Domain.Candidates;
using Ats.Domain.Data;
using Ats.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ats.Tests.Domain;

/// The candidate search runs on a trigram index that triggers keep in step with every write.
public sealed class CandidateSearchTests : IAsyncLifetime
{
    private readonly TestDatabase _db = new();

    public Task InitializeAsync() => _db.InitializeAsync();

    public Task DisposeAsync() => _db.DisposeAsync();

    private Task<List<string>> FindAsync(string text) => _db.Records.ReadAsync<Candidate, List<string>>(_db.Recruiter, (rows, reads) =>
        reads.Matching(rows, text).OrderBy(c => c.Email).Select(c => c.Email).ToListAsync());

    private Task<Candidate> CreateAsync(string first, string last, string email) =>
        _db.Records.CreateAsync(_db.Recruiter, new Candidate { FirstName = first, LastName = last, Email = email });

    [Fact]
    public async Task ACandidateIsFoundByTheTextTheyHaveNow()
    {
        var candidate = await CreateAsync("Jana", "Kowalski", "jana@example.com");
        Assert.Equal(["jana@example.com"], await FindAsync("kowal"));

        await _db.Records.UpdateAsync<Candidate>(_db.Recruiter, candidate.Id, null, c => c.LastName = "Nowak");
        Assert.Empty(await FindAsync("kowal"));
        Assert.Equal(["jana@example.com"], await FindAsync("NOWAK"));

        await _db.Records.DeleteAsync<Candidate>(_db.Recruiter, candidate.Id, null);
        Assert.Empty(await FindAsync("nowak"));
        await using var raw = _db.Raw();
        Assert.Equal(0, await raw.Set<CandidateSearchEntry>().CountAsync(e => e.CandidateId == candidate.Id));
    }

    [Theory]
    [InlineData("a*b", "a*b")] // wildcards stand for themselves
    [InlineData("a?b", "a?b")]
    [InlineData("[x]", "[x]")]
    [InlineData("Ü", "Jürgen")] // shorter than a trigram, and beyond ASCII
    [InlineData("ÜRG", "Jürgen")]
    public async Task SearchTakesTheTextLiterally(string text, string expected)
    {
        string[] lastNames = ["a*b", "a?b", "axxb", "[x]", "x", "Jürgen"];
        for (var i = 0; i < lastNames.Length; i++) await CreateAsync("Test", lastNames[i], $"literal{i}@example.com");

        var found = await _db.Records.ReadAsync<Candidate, List<string?>>(_db.Recruiter, (rows, reads) =>
            reads.Matching(rows, text).Select(c => c.LastName).ToListAsync());
        Assert.Equal([expected], found);
    }

    [Fact]
    public async Task SearchNeverCrossesTenants()
    {
        await CreateAsync("Greta", "Tenanta", "greta@a.example");
        await _db.Records.CreateAsync(_db.OtherTenant, new Candidate { FirstName = "Greta", LastName = "Tenantb", Email = "greta@b.example" });

        Assert.Equal(["greta@a.example"], await FindAsync("greta"));
    }

    [Fact]
    public async Task APooledContextNeverKeepsThePreviousTenant()
    {
        var factory = _db.Services.GetRequiredService<IDbContextFactory<AtsDbContext>>();
        await using (var first = await factory.CreateDbContextAsync())
        {
            first.TenantId = _db.TenantA.Id;
            await first.Candidates.CountAsync();
        }
        for (var i = 0; i < 5; i++)
        {
            await using var next = await factory.CreateDbContextAsync();
            Assert.Null(next.TenantId);
        }
    }
}
