using Ats.Domain.Candidates;
using Ats.Domain.Jobs;
using Ats.Domain.Pipeline;
using Ats.Domain.Writes;
using Ats.Tests.Support;

namespace Ats.Tests.Domain;

public sealed class TenantIsolationTests : IAsyncLifetime
{
    private readonly TestDatabase _db = new();
    private Candidate _candidateOfB = default!;

    public async Task InitializeAsync()
    {
        await _db.InitializeAsync();
        _candidateOfB = await _db.Records.CreateAsync(_db.OtherTenant, new Candidate { FirstName = "Bea", Email = "bea@example.com" });
    }

    public Task DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task UserOfTenantACannotReadARowOfTenantBById()
    {
        Assert.Null(await _db.Records.FindAsync<Candidate>(_db.Recruiter, _candidateOfB.Id));
        Assert.Null(await _db.Records.FindAsync<Candidate>(_db.Admin, _candidateOfB.Id));
        Assert.NotNull(await _db.Records.FindAsync<Candidate>(_db.OtherTenant, _candidateOfB.Id));
    }

    [Fact]
    public async Task ListsShowOnlyTheActorsTenant()
    {
        await _db.Records.CreateAsync(_db.Recruiter, new Candidate { FirstName = "Ada", Email = "ada@example.com" });

        var names = await _db.Records.ReadAsync<Candidate, List<string>>(_db.Recruiter, (rows, _) => rows.Select(c => c.FirstName).ToListAsync());

        Assert.Equal(["Ada"], names);
    }

    [Fact]
    public async Task UserOfTenantACannotUpdateOrDeleteARowOfTenantB()
    {
        await Assert.ThrowsAsync<NotFoundException>(() =>
            _db.Records.UpdateAsync<Candidate>(_db.Admin, _candidateOfB.Id, null, c => c.FirstName = "Hijacked"));
        await Assert.ThrowsAsync<NotFoundException>(() => _db.Records.DeleteAsync<Candidate>(_db.Admin, _candidateOfB.Id, null));

        await using var raw = _db.Raw();
        var stored = await raw.Candidates.IgnoreQueryFilters().SingleAsync(c => c.Id == _candidateOfB.Id);
        Assert.Equal("Bea", stored.FirstName);
        Assert.Equal(1, stored.Version);
    }

    [Fact]
    public async Task ARowCannotReferenceAnotherTenantsRow()
    {
        var job = await _db.Records.CreateAsync(_db.Recruiter, new Job { Title = "Backend Developer" });

        var error = await Assert.ThrowsAsync<ValidationException>(() =>
            _db.Records.CreateAsync(_db.Recruiter, new Application { JobId = job.Id, CandidateId = _candidateOfB.Id }));

        Assert.Equal(["candidate_id"], error.Errors.Keys);
    }

    [Fact]
    public async Task TheTenantOfANewRowIsTheActorsWhateverTheCallerSet()
    {
        var candidate = new Candidate { FirstName = "Ada", Email = "ada@example.com", TenantId = _db.TenantB.Id };

        await _db.Records.CreateAsync(_db.Recruiter, candidate);

        await using var raw = _db.Raw();
        Assert.Equal(_db.TenantA.Id, (await raw.Candidates.IgnoreQueryFilters().SingleAsync(c => c.Id == candidate.Id)).TenantId);
    }

    [Fact]
    public async Task AnUpdateCannotMoveARowToAnotherTenant()
    {
        var candidate = await _db.Records.CreateAsync(_db.Recruiter, new Candidate { FirstName = "Ada", Email = "ada@example.com" });

        await _db.Records.UpdateAsync<Candidate>(_db.Recruiter, candidate.Id, 1, c => { c.TenantId = _db.TenantB.Id; c.City = "Köln"; });

        await using var raw = _db.Raw();
        Assert.Equal(_db.TenantA.Id, (await raw.Candidates.IgnoreQueryFilters().SingleAsync(c => c.Id == candidate.Id)).TenantId);
    }

    [Fact]
    public async Task AContextWithoutTenantSeesNothing()
    {
        await using var raw = _db.Raw();
        Assert.Empty(await raw.Candidates.ToListAsync());
    }
}
