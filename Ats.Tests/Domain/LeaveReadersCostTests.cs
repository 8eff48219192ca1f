using Ats.Domain.Data;
using Ats.Domain.Candidates;
using Ats.Domain.Identity;
using Ats.Domain.Interviews;
using Ats.Domain.Jobs;
using Ats.Domain.Pipeline;
using Ats.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ats.Tests.Domain;

/// Who may read a written row (for "leave" events) is worked out from the row's hiring team, not with one query per
/// hiring manager: with many hiring managers in the organisation a write costs the same few queries, and the readers
/// are still exactly the team (its hiring managers and interviewers, and the interviewers of live interviews).
public sealed class LeaveReadersCostTests : IAsyncLifetime
{
    private const int ExtraManagers = 40;
    private readonly LogCapture _log = new();
    private readonly TestDatabase _db;
    private readonly List<Guid> _managers = [];

    public LeaveReadersCostTests() => _db = new TestDatabase(services => services.AddLogging(b =>
        b.AddProvider(_log).AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.Information)));

    public async Task InitializeAsync()
    {
        await _db.InitializeAsync();
        await using var scope = _db.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        scope.ServiceProvider.GetRequiredService<AtsDbContext>().SystemWrite("test fixture");
        for (var i = 0; i < ExtraManagers; i++)
        {
            var user = new AppUser { Email = $"m{i}@a.example", UserName = $"m{i}@a.example", DisplayName = $"Manager {i}", TenantId = _db.TenantA.Id };
            Assert.True((await users.CreateAsync(user, "Passw0rd!test")).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, Roles.HiringManager)).Succeeded);
            _managers.Add(user.Id);
        }
    }

    public Task DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task AnApplicationWriteAsksAFewQueriesWhateverTheNumberOfHiringManagersAndNamesExactlyTheTeam()
    {
        var records = _db.Records;
        var job = await records.CreateAsync(_db.Recruiter, new Job { Title = "Team", HiringManagerIds = [_db.ManagerA.Id, _managers[0]], InterviewerIds = [_managers[1]] });
        var other = await records.CreateAsync(_db.Recruiter, new Job { Title = "Elsewhere", HiringManagerIds = [_managers[2]] });
        var candidate = await records.CreateAsync(_db.Recruiter, new Candidate { FirstName = "Cora", Email = "cora@example.com" });
        var application = await records.CreateAsync(_db.Recruiter, new Application { CandidateId = candidate.Id, JobId = job.Id });
        var start = DateTime.UtcNow;
        await records.CreateAsync(_db.Recruiter, new Interview { ApplicationId = application.Id, StartsAt = start.AddDays(2), DurationMinutes = 60, InterviewerIds = [_managers[3]] });
        var cancelled = await records.CreateAsync(_db.Recruiter, new Interview { ApplicationId = application.Id, StartsAt = start.AddDays(3), DurationMinutes = 60, InterviewerIds = [_managers[4]] });
        await records.UpdateAsync<Interview>(_db.Recruiter, cancelled.Id, cancelled.Version, i => i.Status = InterviewStatus.Cancelled);

        var version = (await records.FindAsync<Application>(_db.Recruiter, application.Id))!.Version;
        var before = Commands();
        await records.UpdateAsync<Application>(_db.Recruiter, application.Id, version, a => a.JobId = other.Id);
        var queries = Commands() - before;

        Assert.InRange(queries, 1, 25); // one query per hiring manager before and after the write made it over 80
        await using var db = _db.Raw();
        var entry = await db.ChangeLog.IgnoreQueryFilters().Where(e => e.RecordId == application.Id).OrderBy(e => e.Id).LastAsync();
        var team = new[] { _db.ManagerA.Id, _managers[0], _managers[1], _managers[3] };
        Assert.Equal(team.Order(), entry.OldReaders!.Where(IsManager).Order());
        Assert.Equal(new[] { _managers[2], _managers[3] }.Order(), entry.Readers!.Where(IsManager).Order());
        Assert.Contains(_db.AdminA.Id, entry.Readers!);
    }

    private bool IsManager(Guid id) => id == _db.ManagerA.Id || _managers.Contains(id);

    private int Commands() => _log.Lines.Count(l => l.Contains("Executed DbCommand", StringComparison.Ordinal));
}
