using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json.Nodes;
using Ats.Domain.Data;
using Ats.Domain.Demo;
using Ats.Domain.Identity;
using Ats.Domain.Pipeline;
using Ats.Domain.Writes;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Ats.Tests.Sockets;

/// The WebSocket /xapi2/ch with a real client against the app on Kestrel: events for REST, socket and UI writes,
/// filters, CRUD, resume, and who hears what.
public sealed class ChannelTests(ChannelFixture host) : IClassFixture<ChannelFixture>
{
    private static object NewSource(string name) => new { name = $"{name} {Guid.NewGuid():N}"[..Math.Min(40, name.Length + 33)], kind = "other" };

    private static object NewCandidate(string name) => new { first_name = name, last_name = "Socket", email = $"{name.ToLowerInvariant()}-{Guid.NewGuid():N}@example.com" };

    [Fact]
    public async Task ASubscriberHearsCreateUpdateAndDeleteOfRestWritesInOrder()
    {
        var token = await host.JwtAsync();
        await using var socket = await host.ConnectAsync(token);
        await socket.SubscribeAsync("s1", "candidate");
        using var http = host.Http(token);

        var created = await (await http.PostAsJsonAsync("/xapi2/data/candidate", NewCandidate("Ada"))).Content.ReadFromJsonAsync<JsonObject>();
        var id = (string)created!["id"]!;
        (await http.PatchAsJsonAsync($"/xapi2/data/candidate/{id}", new { city = "Köln" })).EnsureSuccessStatusCode();
        (await http.DeleteAsync($"/xapi2/data/candidate/{id}")).EnsureSuccessStatusCode();

        var create = await socket.EventAsync();
        Assert.Equal(("s1", "candidate", "create", id, "Ada"),
            ((string)create["id"]!, (string)create["dataType"]!, (string)create["action"]!, (string)create["data"]!["id"]!, (string)create["data"]!["first_name"]!));
        var update = await socket.EventAsync();
        Assert.Equal(("update", id), ((string)update["action"]!, (string)update["data"]!["id"]!));
        Assert.Contains("city", update["changed_fields"]!.AsArray().Select(f => (string)f!));
        var delete = await socket.EventAsync();
        Assert.Equal(("delete", $$"""{"id":"{{id}}"}"""), ((string)delete["action"]!, delete["data"]!.ToJsonString()));
        var ids = new[] { create, update, delete }.Select(e => long.Parse((string)e["event_id"]!)).ToList();
        Assert.Equal(ids.Order(), ids);
        Assert.Equal(3, ids.Distinct().Count());
        Assert.EndsWith("Z", (string)create["ts"]!);
    }

    [Fact]
    public async Task AMoveOnTheBoardReachesTheSocketAsAnApplicationUpdate()
    {
        await using var socket = await host.ConnectAsync(await host.JwtAsync());
        await socket.SubscribeAsync("apps", "application");
        var recruiter = await ActorAsync(DemoSeeder.RecruiterEmail);
        var application = await FirstApplicationAsync(a => a.Stage == Stage.New);

        // What the board does when a card is dropped: the same domain call, with the UI as channel.
        await host.App.Services.GetRequiredService<PipelineMoves>().MoveAsync(recruiter, application.Id, application.Version, Stage.Review, null);

        var update = await socket.EventAsync();
        Assert.Equal((application.Id.ToString(), "review"), ((string)update["data"]!["id"]!, (string)update["data"]!["stage"]!));
        Assert.Contains("stage", update["changed_fields"]!.AsArray().Select(f => (string)f!));
    }

    [Fact]
    public async Task AFilteredSubscriptionHearsOnlyMatchingRows()
    {
        var token = await host.JwtAsync();
        var (inJob, other) = await TwoApplicationsOfDifferentJobsAsync();
        await using var socket = await host.ConnectAsync(token);
        await socket.SubscribeAsync("j", "application", filter: new { job_id = inJob.JobId });
        using var http = host.Http(token);

        // The other job's write first: had it passed the filter, it would arrive before the matching one.
        (await http.PatchAsJsonAsync($"/xapi2/data/application/{other.Id}", new { external_id = "other-job" })).EnsureSuccessStatusCode();
        (await http.PatchAsJsonAsync($"/xapi2/data/application/{inJob.Id}", new { external_id = "this-job" })).EnsureSuccessStatusCode();

        var only = await socket.EventAsync();
        Assert.Equal((inJob.Id.ToString(), inJob.JobId.ToString()), ((string)only["data"]!["id"]!, (string)only["data"]!["job_id"]!));
    }

    [Fact]
    public async Task CrudOverTheSocketGoesThroughTheSamePipelineAsRest()
    {
        var token = await host.JwtAsync();
        await using var socket = await host.ConnectAsync(token);

        var created = await socket.RequestAsync(new { op = "create", id = "c", dataType = "candidate", data = NewCandidate("Grace") }, "c");
        Assert.Equal("result", (string)created["op"]!);
        var id = (string)created["data"]!["id"]!;
        var got = await socket.RequestAsync(new { op = "get", id = "g", dataType = "candidate", recordId = id }, "g");
        Assert.Equal("Grace", (string)got["data"]!["first_name"]!);
        var updated = await socket.RequestAsync(new { op = "update", id = "u", dataType = "candidate", recordId = id, version = 1, data = new { city = "Bonn" } }, "u");
        Assert.Equal(("Bonn", 2), ((string)updated["data"]!["city"]!, (int)updated["data"]!["version"]!));
        var stale = await socket.RequestAsync(new { op = "update", id = "u2", dataType = "candidate", recordId = id, version = 1, data = new { city = "Ulm" } }, "u2");
        Assert.Equal(("error", 412, "precondition_failed"), ((string)stale["op"]!, (int)stale["error"]!["status"]!, (string)stale["error"]!["code"]!));
        var invalid = await socket.RequestAsync(new { op = "update", id = "u3", dataType = "candidate", recordId = id, data = new { email = "not an address" } }, "u3");
        Assert.Equal((422, true), ((int)invalid["error"]!["status"]!, invalid["error"]!["errors"]!.AsObject().ContainsKey("email")));
        Assert.NotNull(invalid["error"]!["trace_id"]);
        var listed = await socket.RequestAsync(new { op = "list", id = "l", dataType = "candidate", query = new { city = "Bonn", count = true } }, "l");
        Assert.Contains(id, listed["data"]!.AsArray().Select(r => (string)r!["id"]!));
        Assert.True((int)listed["meta"]!["total"]! >= 1);
        var deleted = await socket.RequestAsync(new { op = "delete", id = "d", dataType = "candidate", recordId = id, version = 2 }, "d");
        Assert.Equal("result", (string)deleted["op"]!);
        var gone = await socket.RequestAsync(new { op = "get", id = "g2", dataType = "candidate", recordId = id }, "g2");
        Assert.Equal((404, "not_found"), ((int)gone["error"]!["status"]!, (string)gone["error"]!["code"]!));

        await using var db = host.App.Db();
        var channels = await db.AuditEntries.IgnoreQueryFilters().Where(a => a.RecordId == Guid.Parse(id)).Select(a => a.Channel).ToListAsync();
        Assert.Equal(["ws", "ws", "ws"], channels);
        Assert.Null(await db.Candidates.IgnoreQueryFilters().FirstOrDefaultAsync(c => c.Id == Guid.Parse(id)));
    }

    [Fact]
    public async Task AClientThatReconnectsWithSinceMissesNoEventAndGetsNoneTwice()
    {
        var token = await host.JwtAsync();
        using var http = host.Http(token);
        var first = await socketFirstEventAsync();
        var missed = new List<string>();
        for (var i = 0; i < 3; i++) // while the client is away
            missed.Add((string)(await (await http.PostAsJsonAsync("/xapi2/data/source", NewSource($"Away {i}"))).Content.ReadFromJsonAsync<JsonObject>())!["id"]!);

        await using var again = await host.ConnectAsync(token);
        await again.SubscribeAsync("src", "source", since: first);
        var replayed = new List<JsonObject>();
        for (var i = 0; i < 3; i++) replayed.Add(await again.EventAsync());
        Assert.Equal(missed, replayed.Select(e => (string)e["data"]!["id"]!));
        var live = (string)(await (await http.PostAsJsonAsync("/xapi2/data/source", NewSource("Back"))).Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        var next = await again.EventAsync();
        Assert.Equal(live, (string)next["data"]!["id"]!);
        var ids = replayed.Append(next).Select(e => long.Parse((string)e["event_id"]!)).ToList();
        Assert.Equal(ids.Order().Distinct(), ids);
        Assert.True(ids[0] > long.Parse(first));

        async Task<string> socketFirstEventAsync()
        {
            await using var socket = await host.ConnectAsync(token);
            await socket.SubscribeAsync("src", "source");
            (await http.PostAsJsonAsync("/xapi2/data/source", NewSource("Seen"))).EnsureSuccessStatusCode();
            return (string)(await socket.EventAsync())["event_id"]!;
        }
    }

    [Fact]
    public async Task AWebhookDeliveryCarriesTheSameEventIdAsTheSocketsEvent()
    {
        await using var receiver = new Ats.Tests.Support.WebhookReceiver();
        await receiver.StartAsync();
        var token = await host.JwtAsync();
        using var http = host.Http(token);
        var endpoint = await (await http.PostAsJsonAsync("/xapi2/webhooks", new { url = receiver.Url, events = new[] { "source.created" } }))
            .Content.ReadFromJsonAsync<JsonObject>();
        await using var socket = await host.ConnectAsync(token);
        await socket.SubscribeAsync("src", "source");

        var created = (string)(await (await http.PostAsJsonAsync("/xapi2/data/source", NewSource("Hooked"))).Content.ReadFromJsonAsync<JsonObject>())!["id"]!;

        var live = await socket.EventAsync();
        var delivered = await receiver.Next.Task.WaitAsync(SocketClient.Patience); // the app's own worker sends it
        var hook = JsonNode.Parse(delivered.Body)!;
        Assert.Equal((created, created), ((string)live["data"]!["id"]!, (string)hook["data"]!["id"]!));
        Assert.Equal((string)live["event_id"]!, (string)hook["event_id"]!);
        Assert.Equal("source.created", (string)hook["type"]!);
        (await http.DeleteAsync($"/xapi2/webhooks/{endpoint!["id"]}")).EnsureSuccessStatusCode(); // the other tests' sources go nowhere
    }

    [Fact]
    public async Task NoEventOfASubscriptionFollowsItsUnsubscribed()
    {
        var token = await host.JwtAsync();
        await using var socket = await host.ConnectAsync(token);
        await socket.SubscribeAsync("gone", "source");
        await socket.SubscribeAsync("kept", "source");
        var answer = await socket.RequestAsync(new { op = "unsubscribe", id = "gone" }, "gone");
        Assert.Equal("unsubscribed", (string)answer["op"]!);
        using var http = host.Http(token);

        (await http.PostAsJsonAsync("/xapi2/data/source", NewSource("After"))).EnsureSuccessStatusCode();

        Assert.Equal("kept", (string)(await socket.EventAsync())["id"]!);
        // Both subscriptions' events of one write are queued together: had "gone" still been served, its event would be next.
        Assert.Equal("pong", (string)(await socket.RequestAsync(new { op = "ping", id = "p" }, "p"))["op"]!);
    }

    [Fact]
    public async Task ResumingFromEventsNoLongerKeptIsRefusedWithGone()
    {
        var token = await host.JwtAsync();
        using var http = host.Http(token);
        (await http.PostAsJsonAsync("/xapi2/data/source", NewSource("Old"))).EnsureSuccessStatusCode();
        await using (var db = host.App.Db())
            await Ats.Domain.Events.ChangeLog.PruneAsync(db, DateTime.UtcNow + Ats.Domain.Events.ChangeLog.Retention + TimeSpan.FromMinutes(1), default);
        (await http.PostAsJsonAsync("/xapi2/data/source", NewSource("Kept"))).EnsureSuccessStatusCode();
        await using var socket = await host.ConnectAsync(token);

        var answer = await socket.RequestAsync(new { op = "subscribe", id = "s", dataType = "source", since = "1" }, "s");

        Assert.Equal((410, "since_expired"), ((int)answer["error"]!["status"]!, (string)answer["error"]!["code"]!));
    }

    [Fact]
    public async Task ResumingFromAnEventNotYetHappenedIsRefused()
    {
        await using var socket = await host.ConnectAsync(await host.JwtAsync());
        var answer = await socket.RequestAsync(new { op = "subscribe", id = "s", dataType = "job", since = "999999999" }, "s");
        Assert.Equal((400, "invalid_since"), ((int)answer["error"]!["status"]!, (string)answer["error"]!["code"]!));
    }

    [Fact]
    public async Task ATokenWithoutCandidateReadGetsNoCandidateEvents()
    {
        var (_, pat) = await host.PatAsync("application:read", "source:read", "source:write");
        await using var socket = await host.ConnectAsync(pat);

        var refused = await socket.RequestAsync(new { op = "subscribe", id = "c", dataType = "candidate" }, "c");
        Assert.Equal((403, "missing_scope"), ((int)refused["error"]!["status"]!, (string)refused["error"]!["code"]!));
        await socket.SubscribeAsync("s", "source");
        using var admin = host.Http(await host.JwtAsync());
        (await admin.PostAsJsonAsync("/xapi2/data/candidate", NewCandidate("Hidden"))).EnsureSuccessStatusCode();
        var sentinel = (string)(await (await admin.PostAsJsonAsync("/xapi2/data/source", NewSource("Sentinel"))).Content.ReadFromJsonAsync<JsonObject>())!["id"]!;

        var next = await socket.EventAsync();
        Assert.Equal(("source", sentinel), ((string)next["dataType"]!, (string)next["data"]!["id"]!));
    }

    [Fact]
    public async Task AnotherTenantsWritesNeverReachThisTenantsSocket()
    {
        var outsiderToken = await OtherTenantAdminJwtAsync();
        await using var socket = await host.ConnectAsync(await host.JwtAsync());
        await socket.SubscribeAsync("s", "source");

        using var outsider = host.Http(outsiderToken);
        (await outsider.PostAsJsonAsync("/xapi2/data/source", NewSource("Theirs"))).EnsureSuccessStatusCode();
        using var admin = host.Http(await host.JwtAsync());
        var ours = (string)(await (await admin.PostAsJsonAsync("/xapi2/data/source", NewSource("Ours"))).Content.ReadFromJsonAsync<JsonObject>())!["id"]!;

        var next = await socket.EventAsync();
        Assert.Equal(ours, (string)next["data"]!["id"]!);
    }

    [Fact]
    public async Task AHiringManagerHearsOnlyTheApplicationsOfTheirJobsIncludingTheirDeletes()
    {
        var (mine, notMine) = await ApplicationsForAndNotForTheManagerAsync();
        await using var socket = await host.ConnectAsync(await host.JwtAsync(DemoSeeder.ManagerEmail));
        await socket.SubscribeAsync("a", "application");
        var records = host.App.Services.GetRequiredService<RecordService>();
        var recruiter = await ActorAsync(DemoSeeder.RecruiterEmail);

        await records.UpdateAsync<Application>(recruiter, notMine.Id, null, a => a.ExternalId = "not-theirs");
        await records.DeleteAsync<Application>(recruiter, notMine.Id, null);
        await records.UpdateAsync<Application>(recruiter, mine.Id, null, a => a.ExternalId = "theirs");
        // The hub reads the row when it sends the event: wait for it before the row is gone (a loaded machine may lag).
        var update = await socket.EventAsync();
        Assert.Equal(("update", mine.Id.ToString()), ((string)update["action"]!, (string)update["data"]!["id"]!));
        await records.DeleteAsync<Application>(recruiter, mine.Id, null);

        var delete = await socket.EventAsync();
        Assert.Equal(("delete", mine.Id.ToString()), ((string)delete["action"]!, (string)delete["data"]!["id"]!));
    }

    [Fact]
    public async Task ARevokedTokensSocketIsClosedWithAReason()
    {
        var (tokenId, pat) = await host.PatAsync("source:read");
        await using var socket = await host.ConnectAsync(pat);
        await socket.SubscribeAsync("s", "source");

        using var admin = host.Http(await host.JwtAsync());
        (await admin.DeleteAsync($"/xapi2/tokens/{tokenId}")).EnsureSuccessStatusCode();

        await socket.WaitClosedAsync();
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, socket.CloseStatus);
        Assert.StartsWith("token_revoked", socket.CloseReason);
    }

    [Fact]
    public async Task ARevokedTokenReadsNothingMoreOverItsOpenSocket()
    {
        var (tokenId, pat) = await host.PatAsync("source:read");
        await using var socket = await host.ConnectAsync(pat);
        Assert.Equal("result", (string)(await socket.RequestAsync(new { op = "list", id = "before", dataType = "source" }, "before"))["op"]!);

        using var admin = host.Http(await host.JwtAsync());
        (await admin.DeleteAsync($"/xapi2/tokens/{tokenId}")).EnsureSuccessStatusCode();
        await socket.SendAsync(new { op = "list", id = "after", dataType = "source" });

        Assert.Null(await socket.ReceiveAsync()); // closed instead of answered
        Assert.StartsWith("token_revoked", socket.CloseReason);
    }

    [Fact]
    public async Task AWebhookOnlyCarriesModelsTheTokenMayRead()
    {
        var (_, hooksOnly) = await host.PatAsync("webhook:write", "webhook:read");
        var (_, hooksAndSources) = await host.PatAsync("webhook:write", "webhook:read", "source:read");
        await using var receiver = new Ats.Tests.Support.WebhookReceiver();
        await receiver.StartAsync();

        using var narrow = host.Http(hooksOnly);
        var everything = await narrow.PostAsJsonAsync("/xapi2/webhooks", new { url = receiver.Url, events = new[] { "*" } });
        var candidates = await narrow.PostAsJsonAsync("/xapi2/webhooks", new { url = receiver.Url, events = new[] { "candidate.created" } });
        using var wider = host.Http(hooksAndSources);
        var sources = await wider.PostAsJsonAsync("/xapi2/webhooks", new { url = receiver.Url, events = new[] { "source.created" } });

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Created), (everything.StatusCode, candidates.StatusCode, sources.StatusCode));
        Assert.Equal("missing_scope", (string)(await candidates.Content.ReadFromJsonAsync<JsonObject>())!["code"]!);
        var id = (string)(await sources.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        (await wider.DeleteAsync($"/xapi2/webhooks/{id}")).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task BrowserPagesOfOtherSitesCannotOpenTheSocket()
    {
        var token = await host.JwtAsync();
        var refused = await Assert.ThrowsAsync<WebSocketException>(() => host.ConnectAsync(token, origin: "https://evil.example"));
        Assert.Contains("403", refused.Message);
        await using var own = await host.ConnectAsync(token, origin: host.BaseUrl);
        Assert.Equal(WebSocketState.Open, own.State);
    }

    [Fact]
    public async Task WithoutATokenTheHandshakeIsRefused()
    {
        var refused = await Assert.ThrowsAsync<WebSocketException>(() => host.ConnectAsync("pat_not-a-real-token"));
        Assert.Contains("401", refused.Message);
        using var http = host.Http(await host.JwtAsync());
        var plain = await http.GetAsync("/xapi2/ch");
        Assert.Equal((HttpStatusCode)426, plain.StatusCode);
    }

    private async Task<Actor> ActorAsync(string email)
    {
        await using var db = host.App.Db();
        var user = await db.Users.SingleAsync(u => u.Email == email);
        var role = email == DemoSeeder.ManagerEmail ? Roles.HiringManager : email == DemoSeeder.AdminEmail ? Roles.Admin : Roles.Recruiter;
        return new Actor(user.Id, user.TenantId, role, user.DisplayName, Channel.Ui);
    }

    private async Task<Application> FirstApplicationAsync(System.Linq.Expressions.Expression<Func<Application, bool>> where)
    {
        await using var db = host.App.Db();
        return await db.Applications.IgnoreQueryFilters().Where(where).OrderBy(a => a.CreatedAt).FirstAsync();
    }

    private async Task<(Application, Application)> TwoApplicationsOfDifferentJobsAsync()
    {
        await using var db = host.App.Db();
        var apps = await db.Applications.IgnoreQueryFilters().OrderBy(a => a.CreatedAt).Take(200).ToListAsync();
        var first = apps.First();
        return (first, apps.First(a => a.JobId != first.JobId));
    }

    private async Task<(Application Mine, Application NotMine)> ApplicationsForAndNotForTheManagerAsync()
    {
        await using var db = host.App.Db();
        var manager = await db.Users.SingleAsync(u => u.Email == DemoSeeder.ManagerEmail);
        var jobs = await db.Jobs.IgnoreQueryFilters().ToListAsync();
        var teamJobs = jobs.Where(j => j.HiringManagerIds.Contains(manager.Id) || j.InterviewerIds.Contains(manager.Id)).Select(j => j.Id).ToHashSet();
        var interviewing = await db.Interviews.IgnoreQueryFilters().Select(i => i.ApplicationId).ToListAsync();
        var apps = await db.Applications.IgnoreQueryFilters().ToListAsync();
        return (apps.First(a => teamJobs.Contains(a.JobId)), apps.First(a => !teamJobs.Contains(a.JobId) && !interviewing.Contains(a.Id)));
    }

    private async Task<string> OtherTenantAdminJwtAsync()
    {
        const string email = "admin@andere-socket.example", password = "Passw0rd!other";
        await using var db = host.App.Db();
        if (!await db.Users.AnyAsync(u => u.Email == email))
        {
            var other = new Ats.Domain.Tenancy.Tenant { Name = "Andere AG", CreatedAt = DateTime.UtcNow };
            db.Tenants.Add(other);
            await db.SaveChangesAsync();
            await using var scope = host.App.Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            scope.ServiceProvider.GetRequiredService<AtsDbContext>().SystemWrite("test fixture");
            var outsider = new AppUser { TenantId = other.Id, Email = email, UserName = email, DisplayName = "Outsider", IsActive = true };
            Assert.True((await users.CreateAsync(outsider, password)).Succeeded);
            Assert.True((await users.AddToRoleAsync(outsider, Roles.Admin)).Succeeded);
        }
        return await host.JwtAsync(email, password);
    }
}
