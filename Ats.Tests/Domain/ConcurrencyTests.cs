using Ats.Domain.Candidates;
using Ats.Domain.Writes;
using Ats.Tests.Support;

namespace Ats.Tests.Domain;

public sealed class ConcurrencyTests : IAsyncLifetime
{
    private readonly TestDatabase _db = new();

    public Task InitializeAsync() => _db.InitializeAsync();
    public Task DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task AStaleVersionIsRefusedAndTheNewerChangeKept()
    {
        var candidate = await _db.Records.CreateAsync(_db.Recruiter, new Candidate { FirstName = "Ada", Email = "ada@example.com" });
        await _db.Records.UpdateAsync<Candidate>(_db.Recruiter, candidate.Id, 1, c => c.City = "Berlin");

        var conflict = await Assert.ThrowsAsync<ConcurrencyException>(() =>
            _db.Records.UpdateAsync<Candidate>(_db.Admin, candidate.Id, 1, c => c.City = "München"));

        Assert.Equal(2, conflict.CurrentVersion);
        var stored = await _db.Records.FindAsync<Candidate>(_db.Recruiter, candidate.Id);
        Assert.Equal(("Berlin", 2), (stored!.City, stored.Version));
    }

    [Fact]
    public async Task TwoWritersRacingOnOneVersionLeaveOneWinner()
    {
        var candidate = await _db.Records.CreateAsync(_db.Recruiter, new Candidate { FirstName = "Ada", Email = "ada@example.com" });
        var bothRead = new Barrier(2);

        // Both writers pass the version check before either saves: the database's concurrency token must refuse one.
        Task<Candidate> Write(string city) => Task.Run(() => _db.Records.UpdateAsync<Candidate>(_db.Recruiter, candidate.Id, 1, c =>
        {
            c.City = city;
            bothRead.SignalAndWait(TimeSpan.FromSeconds(10));
        }));
        var results = await Task.WhenAll(Capture(Write("Berlin")), Capture(Write("München")));

        Assert.Single(results, r => r is null);
        Assert.Single(results, r => r is ConcurrencyException);
        var stored = await _db.Records.FindAsync<Candidate>(_db.Recruiter, candidate.Id);
        Assert.Equal(2, stored!.Version);
    }

    [Fact]
    public async Task ADeleteWithAStaleVersionIsRefused()
    {
        var candidate = await _db.Records.CreateAsync(_db.Recruiter, new Candidate { FirstName = "Ada", Email = "ada@example.com" });
        await _db.Records.UpdateAsync<Candidate>(_db.Recruiter, candidate.Id, 1, c => c.City = "Berlin");

        await Assert.ThrowsAsync<ConcurrencyException>(() => _db.Records.DeleteAsync<Candidate>(_db.Recruiter, candidate.Id, 1));

        Assert.NotNull(await _db.Records.FindAsync<Candidate>(_db.Recruiter, candidate.Id));
    }

    private static async Task<Exception?> Capture(Task task)
    {
        try { await task; return null; }
        catch (Exception ex) { return ex; }
    }
}
