using Microsoft.Extensions.DependencyInjection;
using Ats.Domain.Candidates;
using Ats.Domain.Jobs;
using Ats.Domain.Notes;
using Ats.Domain.Pipeline;
using Ats.Domain.Common;
using Ats.Domain.Writes;
using Ats.Tests.Support;

namespace Ats.Tests.Domain;

public sealed class AccessRuleTests : IAsyncLifetime
{
    private readonly TestDatabase _db = new();
    private Job _teamJob = default!, _otherJob = default!;
    private Candidate _onTeamJob = default!, _elsewhere = default!;

    public async Task InitializeAsync()
    {
        await _db.InitializeAsync();
        _teamJob = await _db.Records.CreateAsync(_db.Recruiter, new Job { Title = "Team job", HiringManagerIds = [_db.ManagerA.Id] });
        _otherJob = await _db.Records.CreateAsync(_db.Recruiter, new Job { Title = "Other job" });
        _onTeamJob = await _db.Records.CreateAsync(_db.Recruiter, new Candidate { FirstName = "Tara", Email = "tara@example.com" });
        _elsewhere = await _db.Records.CreateAsync(_db.Recruiter, new Candidate { FirstName = "Otto", Email = "otto@example.com" });
        await _db.Records.CreateAsync(_db.Recruiter, new Application { CandidateId = _onTeamJob.Id, JobId = _teamJob.Id });
        await _db.Records.CreateAsync(_db.Recruiter, new Application { CandidateId = _elsewhere.Id, JobId = _otherJob.Id });
    }

    public Task DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task HiringManagerSeesOnlyTheJobsOfTheirTeamAndTheirCandidates()
    {
        var jobs = await _db.Records.ReadAsync<Job, List<string>>(_db.Manager, (rows, _) => rows.Select(j => j.Title).ToListAsync());
        var candidates = await _db.Records.ReadAsync<Candidate, List<string>>(_db.Manager, (rows, _) => rows.Select(c => c.FirstName).ToListAsync());

        Assert.Equal(["Team job"], jobs);
        Assert.Equal(["Tara"], candidates);
        Assert.Null(await _db.Records.FindAsync<Job>(_db.Manager, _otherJob.Id));
    }

    [Fact]
    public async Task InterviewersOfAJobSeeItToo()
    {
        await _db.Records.UpdateAsync<Job>(_db.Recruiter, _otherJob.Id, null, j => j.InterviewerIds = [_db.ManagerA.Id]);

        var jobs = await _db.Records.ReadAsync<Job, int>(_db.Manager, (rows, _) => rows.CountAsync());

        Assert.Equal(2, jobs);
    }

    [Fact]
    public async Task RecruitersAndAdminsSeeTheWholeOrganisation()
    {
        Assert.Equal(2, await _db.Records.ReadAsync<Job, int>(_db.Recruiter, (rows, _) => rows.CountAsync()));
        Assert.Equal(2, await _db.Records.ReadAsync<Candidate, int>(_db.Admin, (rows, _) => rows.CountAsync()));
    }

    [Fact]
    public async Task HiringManagerCannotChangeCandidatesOrJobs()
    {
        await Assert.ThrowsAsync<ForbiddenException>(() =>
            _db.Records.UpdateAsync<Candidate>(_db.Manager, _onTeamJob.Id, null, c => c.City = "Köln"));
        await Assert.ThrowsAsync<ForbiddenException>(() =>
            _db.Records.UpdateAsync<Job>(_db.Manager, _teamJob.Id, null, j => j.Title = "Mine now"));
        await Assert.ThrowsAsync<ForbiddenException>(() =>
            _db.Records.CreateAsync(_db.Manager, new Candidate { FirstName = "New", Email = "new@example.com" }));
    }

    [Fact]
    public async Task HiringManagerWritesTheirOwnNotesButNotOthers()
    {
        var own = await _db.Records.CreateAsync(_db.Manager, new ApplicationNote { ParentKind = ParentKind.Job, ParentId = _teamJob.Id, Body = "Strong team." });
        var recruiters = await _db.Records.CreateAsync(_db.Recruiter, new ApplicationNote { ParentKind = ParentKind.Job, ParentId = _teamJob.Id, Body = "Budget approved." });

        Assert.Equal(_db.ManagerA.Id, own.AuthorId);
        await _db.Records.UpdateAsync<ApplicationNote>(_db.Manager, own.Id, 1, n => n.Pinned = true);
        await Assert.ThrowsAsync<ForbiddenException>(() => _db.Records.UpdateAsync<ApplicationNote>(_db.Manager, recruiters.Id, 1, n => n.Body = "Changed"));
        await Assert.ThrowsAsync<ValidationException>(() =>
            _db.Records.CreateAsync(_db.Manager, new ApplicationNote { ParentKind = ParentKind.Job, ParentId = _otherJob.Id, Body = "Not my job." }));
    }

    [Fact]
    public async Task ATokenActsOnlyWithinItsScopes()
    {
        var token = _db.Recruiter with { Channel = Channel.Api, Scopes = new HashSet<string> { "candidate:read" } };

        Assert.Equal(2, await _db.Records.ReadAsync<Candidate, int>(token, (rows, _) => rows.CountAsync()));
        var missing = await Assert.ThrowsAsync<ForbiddenException>(() => _db.Records.UpdateAsync<Candidate>(token, _elsewhere.Id, null, c => c.City = "Ulm"));
        Assert.Equal("missing_scope", missing.Code);
        Assert.Contains("candidate:write", missing.Message);
        await Assert.ThrowsAsync<ForbiddenException>(() => _db.Records.ReadAsync<Job, int>(token, (rows, _) => rows.CountAsync()));
    }

    [Fact]
    public async Task ADeactivatedUserCannotWriteThroughAnOpenSession()
    {
        await _db.Services.GetRequiredService<Ats.Domain.Identity.UserAdministration>().SetActiveAsync(_db.Admin, _db.RecruiterA.Id, active: false);

        var refused = await Assert.ThrowsAsync<ForbiddenException>(() =>
            _db.Records.CreateAsync(_db.Recruiter, new Candidate { FirstName = "Late", Email = "late@example.com" }));
        Assert.Equal("inactive_user", refused.Code);
    }

    [Fact]
    public async Task ADemotedUserLosesTheOldRolesRightsAtOnce()
    {
        var users = _db.Services.GetRequiredService<Ats.Domain.Identity.UserAdministration>();
        await users.SetRoleAsync(_db.Admin, _db.RecruiterA.Id, Ats.Domain.Identity.Roles.HiringManager);

        // The recruiter's open session still claims the recruiter role.
        await Assert.ThrowsAsync<ForbiddenException>(() =>
            _db.Records.CreateAsync(_db.Recruiter, new Candidate { FirstName = "Late", Email = "late@example.com" }));
    }

    [Fact]
    public async Task ADemotedAdminCannotManageUsers()
    {
        var users = _db.Services.GetRequiredService<Ats.Domain.Identity.UserAdministration>();
        await users.SetRoleAsync(_db.Admin, _db.RecruiterA.Id, Ats.Domain.Identity.Roles.Admin);
        var secondAdmin = _db.Recruiter with { Role = Ats.Domain.Identity.Roles.Admin };
        await users.SetRoleAsync(secondAdmin, _db.AdminA.Id, Ats.Domain.Identity.Roles.Recruiter);

        await Assert.ThrowsAsync<ForbiddenException>(() =>
            users.CreateAsync(_db.Admin, "sneaky@a.example", "Sneaky", Ats.Domain.Identity.Roles.Admin, "Passw0rd!sneaky"));
    }
}
