using Ats.Domain.Audit;
using Ats.Domain.Candidates;
using Ats.Domain.Writes;
using Ats.Tests.Support;

namespace Ats.Tests.Domain;

public sealed class AuditTests : IAsyncLifetime
{
    private readonly TestDatabase _db = new();

    public Task InitializeAsync() => _db.InitializeAsync();
    public Task DisposeAsync() => _db.DisposeAsync();

    private async Task<List<AuditEntry>> EntriesAsync()
    {
        await using var raw = _db.Raw();
        return await raw.AuditEntries.IgnoreQueryFilters().OrderBy(e => e.At).ThenBy(e => e.Id).ToListAsync();
    }

    [Fact]
    public async Task EveryWriteLeavesExactlyOneEntryNamingActorChannelAndChangedFields()
    {
        var actor = _db.Recruiter with { Channel = Channel.Api };
        var candidate = await _db.Records.CreateAsync(actor, new Candidate { FirstName = "Ada", Email = "ada@example.com", City = "Berlin" });
        await _db.Records.UpdateAsync<Candidate>(actor, candidate.Id, 1, c => { c.City = "Köln"; c.Phone = "+49 30 1234"; });
        await _db.Records.DeleteAsync<Candidate>(actor, candidate.Id, 2);

        var entries = await EntriesAsync();

        Assert.Collection(entries,
            create =>
            {
                Assert.Equal((AuditAction.Create, "candidate", candidate.Id), (create.Action, create.Model, create.RecordId));
                Assert.Equal(["city", "email", "first_name"], create.ChangedFields);
            },
            update =>
            {
                Assert.Equal(AuditAction.Update, update.Action);
                Assert.Equal(["city", "phone"], update.ChangedFields);
            },
            delete => Assert.Equal(AuditAction.Delete, delete.Action));
        Assert.All(entries, e =>
        {
            Assert.Equal(_db.RecruiterA.Id, e.ActorId);
            Assert.Equal("Rolf Recruiter", e.ActorName);
            Assert.Equal("api", e.Channel);
            Assert.Equal(_db.TenantA.Id, e.TenantId);
        });
    }

    [Fact]
    public async Task AnUpdateThatChangesNothingWritesNothing()
    {
        var candidate = await _db.Records.CreateAsync(_db.Recruiter, new Candidate { FirstName = "Ada", Email = "ada@example.com" });

        var same = await _db.Records.UpdateAsync<Candidate>(_db.Recruiter, candidate.Id, 1, c => c.FirstName = "Ada");

        Assert.Equal(1, same.Version);
        Assert.Single(await EntriesAsync());
    }

    [Fact]
    public async Task ARefusedWriteLeavesNoEntry()
    {
        var candidate = await _db.Records.CreateAsync(_db.Recruiter, new Candidate { FirstName = "Ada", Email = "ada@example.com" });

        await Assert.ThrowsAsync<ValidationException>(() => _db.Records.UpdateAsync<Candidate>(_db.Recruiter, candidate.Id, 1, c => c.Email = "broken"));

        Assert.Single(await EntriesAsync());
    }

    [Fact]
    public async Task TheEntryHoldsFieldNamesNeverValues()
    {
        await _db.Records.CreateAsync(_db.Recruiter, new Candidate { FirstName = "Geheim", Email = "geheim@example.com" });

        await using var raw = _db.Raw();
        var stored = await raw.Database.SqlQueryRaw<string>("SELECT ChangedFields AS Value FROM AuditEntries").SingleAsync();
        Assert.DoesNotContain("Geheim", stored);
        Assert.DoesNotContain("geheim@example.com", stored);
    }

    [Fact]
    public async Task AChangeEventFollowsTheCommit()
    {
        var events = new List<ChangeEvent>();
        using var subscription = _db.Feed.Subscribe(events.Add);

        var candidate = await _db.Records.CreateAsync(_db.Recruiter, new Candidate { FirstName = "Ada", Email = "ada@example.com" });
        await _db.Records.UpdateAsync<Candidate>(_db.Recruiter, candidate.Id, 1, c => c.City = "Köln");
        await Assert.ThrowsAsync<ValidationException>(() => _db.Records.UpdateAsync<Candidate>(_db.Recruiter, candidate.Id, 2, c => c.Email = ""));

        Assert.Equal([(AuditAction.Create, 1), (AuditAction.Update, 2)], events.Select(e => (e.Action, e.Version)));
        Assert.Equal(["city"], events[1].ChangedFields);
        Assert.All(events, e => Assert.Equal((_db.TenantA.Id, "candidate", candidate.Id), (e.TenantId, e.Model, e.RecordId)));
    }
}
