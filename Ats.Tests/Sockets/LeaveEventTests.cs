using System.Text.Json.Nodes;
using Ats.Domain.Candidates;
using Ats.Domain.Common;
using Ats.Domain.Demo;
using Ats.Domain.Identity;
using Ats.Domain.Interviews;
using Ats.Domain.Notes;
using Ats.Domain.Pipeline;
using Ats.Domain.Tasks;
using Ats.Domain.Writes;
using Microsoft.Extensions.DependencyInjection;

namespace Ats.Tests.Sockets;

/// A row that stops matching a subscription's filter, or stops being readable by its user, is announced with
/// "leave"; the decision is taken from the change log, so a replay with "since" hears exactly what was sent live.
/// And a delete's cascade is logged children first.
public sealed class LeaveEventTests(ChannelFixture host) : IClassFixture<ChannelFixture>
{
    [Fact]
    public async Task AStageFilteredSubscriptionHearsLeaveWhenARowMovesOutAndUpdateWhenItMovesIn()
    {
        var token = await host.JwtAsync();
        var moving = await ApplicationAsync(a => a.Stage == Stage.Interview);
        var bystander = await ApplicationAsync(a => a.Stage == Stage.Review);
        var filter = new { stage = "interview" };
        await using var live = await host.ConnectAsync(token);
        var from = (string)(await live.SubscribeAsync("i", "application", filter))["event_id"]!;

        await UpdateAsync(bystander.Id, a => a.Stage = Stage.Screening); // in neither before nor after: nothing
        await UpdateAsync(moving.Id, a => a.Stage = Stage.Offer); // out: leave
        await UpdateAsync(moving.Id, a => a.ExternalId = "while-out"); // still out: nothing
        await UpdateAsync(moving.Id, a => a.Stage = Stage.Interview); // in again: update, with the whole row
        var last = await UpdateAsync(moving.Id, a => a.ExternalId = "back-in"); // in: update

        var heard = await EventsUpToAsync(live, last);
        Assert.Equal([("leave", moving.Id), ("update", moving.Id), ("update", moving.Id)], heard.Select(e => ((string)e["action"]!, Guid.Parse((string)e["data"]!["id"]!))));
        Assert.Equal($$"""{"id":"{{moving.Id}}"}""", heard[0]["data"]!.ToJsonString()); // a leave names the id only
        Assert.Null(heard[0]["changed_fields"]);
        Assert.Equal("interview", (string)heard[1]["data"]!["stage"]!);

        await using var again = await host.ConnectAsync(token);
        await again.SubscribeAsync("i", "application", filter, since: from);
        Assert.Equal(Signature(heard), Signature(await EventsUpToAsync(again, last)));
    }

    [Fact]
    public async Task AHiringManagerHearsLeaveWhenAnApplicationMovesToAJobTheyAreNotOnAndThenNothingMore()
    {
        var (mine, sentinel, elsewhere) = await ManagersApplicationsAndAnotherJobAsync();
        var token = await host.JwtAsync(DemoSeeder.ManagerEmail);
        await using var live = await host.ConnectAsync(token);
        var from = (string)(await live.SubscribeAsync("a", "application"))["event_id"]!;

        await UpdateAsync(mine.Id, a => a.JobId = elsewhere); // no longer theirs: leave
        await UpdateAsync(mine.Id, a => a.ExternalId = "not-theirs-now"); // nothing
        await UpdateAsync(mine.Id, a => a.Stage = Stage.Rejected, a => a.RejectionReason = "Moved on"); // nothing
        var last = await UpdateAsync(sentinel.Id, a => a.ExternalId = "still-theirs");

        var heard = await EventsUpToAsync(live, last);
        Assert.Equal([("leave", mine.Id), ("update", sentinel.Id)], heard.Select(e => ((string)e["action"]!, Guid.Parse((string)e["data"]!["id"]!))));
        Assert.Equal($$"""{"id":"{{mine.Id}}"}""", heard[0]["data"]!.ToJsonString());

        await using var again = await host.ConnectAsync(token);
        await again.SubscribeAsync("a", "application", since: from);
        Assert.Equal(Signature(heard), Signature(await EventsUpToAsync(again, last)));
    }

    [Fact]
    public async Task ADeletedCandidatesChildrenAreDeletedBeforeIt()
    {
        var admin = await ActorAsync(DemoSeeder.AdminEmail);
        var records = host.App.Services.GetRequiredService<RecordService>();
        var candidate = await records.CreateAsync(admin, new Candidate { FirstName = "Cascade", LastName = "Order", Email = $"cascade-{Guid.NewGuid():N}@example.com" });
        var job = (await ApplicationAsync(_ => true)).JobId;
        var application = await records.CreateAsync(admin, new Application { CandidateId = candidate.Id, JobId = job });
        var onApplication = await records.CreateAsync(admin, new ApplicationNote { ParentKind = ParentKind.Application, ParentId = application.Id, Body = "On the application" });
        var onCandidate = await records.CreateAsync(admin, new ApplicationNote { ParentKind = ParentKind.Candidate, ParentId = candidate.Id, Body = "On the candidate" });
        var task = await records.CreateAsync(admin, new TaskItem { Title = "Call back", ParentKind = ParentKind.Candidate, ParentId = candidate.Id });
        await using var socket = await host.ConnectAsync(await host.JwtAsync());
        foreach (var model in new[] { "candidate", "application", "application_note", "task" }) await socket.SubscribeAsync(model, model);

        await records.DeleteAsync<Candidate>(admin, candidate.Id, null);

        var deletes = new Dictionary<Guid, long>();
        while (deletes.Count < 5)
        {
            var e = await socket.EventAsync();
            Assert.Equal("delete", (string)e["action"]!);
            deletes[Guid.Parse((string)e["data"]!["id"]!)] = long.Parse((string)e["event_id"]!);
        }
        Assert.All(new[] { application.Id, onApplication.Id, onCandidate.Id, task.Id }, child => Assert.True(deletes[child] < deletes[candidate.Id], $"{child} after its candidate"));
        Assert.True(deletes[onApplication.Id] < deletes[application.Id]);
    }

    [Fact]
    public async Task TheLogKeepsTheOldStatesOfAnUpdateButNoText()
    {
        var application = await ApplicationAsync(a => a.Stage == Stage.Screening);
        var last = await UpdateAsync(application.Id, a => a.Stage = Stage.Interview, a => a.ExternalId = "secret-text");

        await using var db = host.App.Db();
        var entry = await db.ChangeLog.SingleAsync(e => e.Id == last);
        Assert.Equal(("screening", "interview"), (entry.OldKeys!["stage"], entry.Keys!["stage"]));
        Assert.DoesNotContain("external_id", entry.Keys.Keys.Concat(entry.OldKeys.Keys));
        Assert.DoesNotContain(entry.Keys.Values.Concat(entry.OldKeys.Values), v => v.Contains("secret"));
        Assert.Null(entry.OldReaders); // who may read it did not change
        Assert.NotEmpty(entry.Readers!);
    }

    /// The action, event id and row of each event: what a replay must repeat.
    private static List<(string, string, string)> Signature(IEnumerable<JsonObject> events) =>
        [.. events.Select(e => ((string)e["action"]!, (string)e["event_id"]!, (string)e["data"]!["id"]!))];

    private static async Task<List<JsonObject>> EventsUpToAsync(SocketClient socket, long last)
    {
        var events = new List<JsonObject>();
        while (events.Count == 0 || long.Parse((string)events[^1]["event_id"]!) < last) events.Add(await socket.EventAsync());
        return events;
    }

    /// Changes an application as the recruiter and returns the event id of that change.
    private async Task<long> UpdateAsync(Guid id, params Action<Application>[] changes)
    {
        var recruiter = await ActorAsync(DemoSeeder.RecruiterEmail);
        await host.App.Services.GetRequiredService<RecordService>().UpdateAsync<Application>(recruiter, id, null, a =>
        {
            foreach (var change in changes) change(a);
        });
        await using var db = host.App.Db();
        return await db.ChangeLog.Where(e => e.RecordId == id).MaxAsync(e => e.Id);
    }

    private async Task<Actor> ActorAsync(string email)
    {
        await using var db = host.App.Db();
        var user = await db.Users.SingleAsync(u => u.Email == email);
        var role = email == DemoSeeder.ManagerEmail ? Roles.HiringManager : email == DemoSeeder.AdminEmail ? Roles.Admin : Roles.Recruiter;
        return new Actor(user.Id, user.TenantId, role, user.DisplayName, Channel.Ui);
    }

    private async Task<Application> ApplicationAsync(Func<Application, bool> where)
    {
        await using var db = host.App.Db();
        return (await db.Applications.IgnoreQueryFilters().OrderBy(a => a.CreatedAt).ToListAsync()).First(where);
    }

    /// Two applications of the manager's jobs that they do not interview for (so the job alone makes them readable),
    /// and a job they are not on where the first one's candidate has not applied.
    private async Task<(Application Mine, Application Sentinel, Guid Elsewhere)> ManagersApplicationsAndAnotherJobAsync()
    {
        await using var db = host.App.Db();
        var manager = await db.Users.SingleAsync(u => u.Email == DemoSeeder.ManagerEmail);
        var jobs = await db.Jobs.IgnoreQueryFilters().ToListAsync();
        var team = jobs.Where(j => j.HiringManagerIds.Contains(manager.Id) || j.InterviewerIds.Contains(manager.Id)).Select(j => j.Id).ToHashSet();
        var interviewing = (await db.Interviews.IgnoreQueryFilters().ToListAsync())
            .Where(i => i.Status != InterviewStatus.Cancelled && i.InterviewerIds.Contains(manager.Id)).Select(i => i.ApplicationId).ToHashSet();
        var apps = await db.Applications.IgnoreQueryFilters().OrderBy(a => a.CreatedAt).ToListAsync();
        var theirs = apps.Where(a => team.Contains(a.JobId) && !interviewing.Contains(a.Id) && a.Stage is not (Stage.Hired or Stage.Rejected or Stage.TalentPool)).ToList();
        var mine = theirs[0];
        var elsewhere = jobs.First(j => !team.Contains(j.Id) && !apps.Any(a => a.CandidateId == mine.CandidateId && a.JobId == j.Id)).Id;
        return (mine, theirs.First(a => a.Id != mine.Id), elsewhere);
    }
}
