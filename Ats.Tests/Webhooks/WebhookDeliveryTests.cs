using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Ats.Domain.Candidates;
using Ats.Domain.Data;
using Ats.Domain.Interviews;
using Ats.Domain.Jobs;
using Ats.Domain.Pipeline;
using Ats.Domain.Scorecards;
using Ats.Domain.Webhooks;
using Ats.Domain.Writes;
using Ats.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ats.Tests.Webhooks;

/// Deliveries to a real HTTP receiver on loopback, with a clock that only the test moves and passes the test runs.
public sealed class WebhookDeliveryTests : IAsyncLifetime
{
    private readonly SettableClock _clock = new();
    private readonly TestDatabase _db;
    private readonly WebhookReceiver _receiver = new();

    public WebhookDeliveryTests() =>
        _db = new TestDatabase(s => s.AddSingleton<TimeProvider>(_clock).AddSingleton(new WebhookSettings { AllowPrivateTargets = true }));

    private WebhookService Webhooks => _db.Services.GetRequiredService<WebhookService>();
    private WebhookDispatcher Dispatcher => _db.Services.GetRequiredService<WebhookDispatcher>();

    public async Task InitializeAsync()
    {
        await _db.InitializeAsync();
        await _receiver.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _receiver.DisposeAsync();
        await _db.DisposeAsync();
    }

    private Task<WebhookWithSecret> EndpointAsync(params string[] events) =>
        Webhooks.CreateAsync(_db.Admin, _receiver.Url, events.Length == 0 ? ["*"] : events, "test");

    private Task<Candidate> WriteAsync(Actor? actor = null) =>
        _db.Records.CreateAsync(actor ?? _db.Recruiter, new Candidate { FirstName = "Ada", Email = $"ada{Guid.NewGuid():N}@example.com" });

    /// Runs passes until nothing is due: what the worker does after a wake-up.
    private async Task<int> SendAsync(WebhookDispatcher? dispatcher = null)
    {
        var total = 0;
        for (int n; (n = await (dispatcher ?? Dispatcher).SendDueAsync()) > 0;) total += n;
        return total;
    }

    private async Task<WebhookDelivery> DeliveryAsync(Guid? endpointId = null)
    {
        await using var db = _db.Raw();
        return await db.WebhookDeliveries.IgnoreQueryFilters().Where(d => endpointId == null || d.EndpointId == endpointId)
            .OrderByDescending(d => d.CreatedAt).FirstAsync();
    }

    private async Task<WebhookEndpoint> StoredAsync(Guid id)
    {
        await using var db = _db.Raw();
        return await db.WebhookEndpoints.IgnoreQueryFilters().SingleAsync(e => e.Id == id);
    }

    /// The spec's algorithm, written here independently of the product's code.
    private static bool SignedWith(string secret, WebhookReceiver.Request request, int entry = 0)
    {
        var key = Convert.FromBase64String(secret["whsec_".Length..]);
        var content = $"{request["webhook-id"]}.{request["webhook-timestamp"]}.{request.Body}";
        var expected = "v1," + Convert.ToBase64String(new HMACSHA256(key).ComputeHash(Encoding.UTF8.GetBytes(content)));
        return request["webhook-signature"].Split(' ')[entry] == expected;
    }

    [Fact]
    public async Task ADeliveryIsSignedPerTheSpecificationAndCarriesTheEventId()
    {
        var endpoint = await EndpointAsync("candidate.created");
        var candidate = await WriteAsync();

        Assert.Equal(1, await SendAsync());

        var request = Assert.Single(_receiver.Received);
        var delivery = await DeliveryAsync();
        Assert.Equal(delivery.Id.ToString(), request["webhook-id"]);
        Assert.Equal(_clock.GetUtcNow().ToUnixTimeSeconds().ToString(), request["webhook-timestamp"]);
        Assert.True(SignedWith(endpoint.Secret, request));
        Assert.True(DocsVerifier.Verify(endpoint.Secret, request.Headers, request.Body, _clock.GetUtcNow()));
        Assert.StartsWith("application/json", request["content-type"]);
        Assert.Equal("Ats-Webhooks/1", request["user-agent"]);
        var body = JsonNode.Parse(request.Body)!;
        await using var db = _db.Raw();
        var eventId = await db.ChangeLog.Where(e => e.RecordId == candidate.Id).Select(e => e.Id).SingleAsync();
        Assert.Equal(("candidate.created", eventId.ToString(), candidate.Id.ToString(), "Ada"),
            ((string)body["type"]!, (string)body["event_id"]!, (string)body["data"]!["id"]!, (string)body["data"]!["first_name"]!));
        Assert.Equal((DeliveryStatus.Delivered, 1, 200, "ok"), (delivery.Status, delivery.Attempts, delivery.LastStatusCode, delivery.LastResponse));
        Assert.Equal(0, await SendAsync());
    }

    [Fact]
    public async Task OnlyTheChosenEventTypesAreDelivered()
    {
        await EndpointAsync("candidate.deleted");
        var candidate = await WriteAsync();
        await _db.Records.UpdateAsync<Candidate>(_db.Recruiter, candidate.Id, null, c => c.City = "Ulm");
        await _db.Records.DeleteAsync<Candidate>(_db.Recruiter, candidate.Id, null);

        await SendAsync();

        var body = JsonNode.Parse(Assert.Single(_receiver.Received).Body)!;
        Assert.Equal("candidate.deleted", (string)body["type"]!);
        Assert.Equal(new JsonObject { ["id"] = candidate.Id.ToString() }.ToJsonString(), body["data"]!.ToJsonString()); // no personal data after erasure
    }

    [Fact]
    public async Task WhileTheReceiverIsDownTheDeliveryIsRetriedThenDeliveredOnce()
    {
        await EndpointAsync();
        await _receiver.StopAsync();
        await WriteAsync();

        Assert.Equal(1, await SendAsync());
        var waiting = await DeliveryAsync();
        Assert.Equal((DeliveryStatus.Pending, 1, (int?)null), (waiting.Status, waiting.Attempts, waiting.LastStatusCode));
        Assert.NotEmpty(waiting.LastResponse!);
        Assert.InRange(waiting.NextAttemptAt - _clock.GetUtcNow().UtcDateTime, TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(6)); // 5 s ± 20 %
        Assert.Equal(0, await SendAsync()); // not before its pause is over

        _clock.Advance(TimeSpan.FromSeconds(6));
        Assert.Equal(1, await SendAsync()); // still down
        Assert.Equal(2, (await DeliveryAsync()).Attempts);

        await _receiver.StartAsync(); // back, on the same port
        _clock.Advance(TimeSpan.FromMinutes(6));
        Assert.Equal(1, await SendAsync());
        _clock.Advance(TimeSpan.FromDays(3));
        Assert.Equal(0, await SendAsync());

        Assert.Single(_receiver.Received);
        var delivered = await DeliveryAsync();
        Assert.Equal((DeliveryStatus.Delivered, 3), (delivered.Status, delivered.Attempts));
    }

    [Fact]
    public async Task AfterTheLastAttemptOfTheScheduleTheDeliveryFails()
    {
        _receiver.Respond = _ => new WebhookReceiver.Answer(500, "boom");
        await EndpointAsync();
        await WriteAsync();

        for (var pause = 0; pause <= WebhookDispatcher.Schedule.Count; pause++)
        {
            Assert.Equal(1, await SendAsync());
            if (pause < WebhookDispatcher.Schedule.Count) _clock.Advance(WebhookDispatcher.Schedule[pause] * 1.21);
        }

        var failed = await DeliveryAsync();
        Assert.Equal((DeliveryStatus.Failed, 10, 500, "boom"), (failed.Status, failed.Attempts, failed.LastStatusCode, failed.LastResponse));
        Assert.Equal(10, _receiver.Received.Count);
        Assert.Single(_receiver.Received.Select(r => r["webhook-id"]).Distinct());
    }

    [Fact]
    public async Task GoneDisablesTheEndpointAtOnceAndTurningItOnAgainResumes()
    {
        _receiver.Respond = n => new WebhookReceiver.Answer(n == 1 ? 410 : 200);
        var endpoint = (await EndpointAsync()).Webhook;
        await WriteAsync();

        Assert.Equal(1, await SendAsync());

        var disabled = await StoredAsync(endpoint.Id);
        Assert.Equal((false, WebhookDispatcher.Gone), (disabled.Active, disabled.DisabledReason));
        Assert.NotNull(disabled.DisabledAt);
        Assert.Equal(DeliveryStatus.Failed, (await DeliveryAsync()).Status);
        Assert.Equal(1, await Webhooks.DisabledCountAsync(_db.Admin));
        await using (var db = _db.Raw())
            Assert.True(await db.AuditEntries.IgnoreQueryFilters().AnyAsync(a => a.Model == "webhook" && a.RecordId == endpoint.Id && a.Channel == "system"));
        await WriteAsync();
        Assert.Equal(0, await SendAsync()); // a disabled endpoint gets nothing

        var active = await Webhooks.UpdateAsync(_db.Admin, endpoint.Id, new WebhookChange(Active: true));
        Assert.Equal((true, null, null), (active.Active, active.DisabledAt, active.DisabledReason));
        await WriteAsync();
        Assert.Equal(1, await SendAsync());
        Assert.Equal(2, _receiver.Received.Count);
    }

    [Fact]
    public async Task DeliveriesForAnInactiveEndpointWaitAndGoWhenItIsActiveAgain()
    {
        var endpoint = (await EndpointAsync()).Webhook;
        await WriteAsync();
        await Webhooks.UpdateAsync(_db.Admin, endpoint.Id, new WebhookChange(Active: false));

        Assert.Equal(0, await SendAsync());
        await Webhooks.UpdateAsync(_db.Admin, endpoint.Id, new WebhookChange(Active: true));
        Assert.Equal(1, await SendAsync());
        Assert.Single(_receiver.Received);
    }

    [Fact]
    public async Task FailuresForFiveDaysDisableTheEndpoint()
    {
        _receiver.Respond = _ => new WebhookReceiver.Answer(503);
        var endpoint = (await EndpointAsync()).Webhook;
        var start = _clock.GetUtcNow();
        for (var day = 0; day <= 5; day++)
        {
            Assert.True((await StoredAsync(endpoint.Id)).Active, $"still active on day {day}");
            await WriteAsync();
            await SendAsync();
            _clock.Advance(TimeSpan.FromDays(1));
        }
        await WriteAsync(); // no new deliveries, but the ones still retrying find the 5 days are over
        await SendAsync();

        var stored = await StoredAsync(endpoint.Id);
        Assert.Equal((false, WebhookDispatcher.Failing), (stored.Active, stored.DisabledReason));
        Assert.Equal(start.UtcDateTime, stored.FailingSince);
    }

    [Fact]
    public async Task ASuccessEndsTheFailingStreak()
    {
        _receiver.Respond = n => new WebhookReceiver.Answer(n == 1 ? 500 : 200);
        var endpoint = (await EndpointAsync()).Webhook;
        await WriteAsync();
        await SendAsync();
        Assert.NotNull((await StoredAsync(endpoint.Id)).FailingSince);

        _clock.Advance(TimeSpan.FromSeconds(7));
        await SendAsync();

        Assert.Null((await StoredAsync(endpoint.Id)).FailingSince);
    }

    public static TheoryData<string, double> RetryAfters => new()
    {
        { "120", 120 },
        { "date", 180 },
        { "99999999", WebhookDispatcher.MaxRetryAfter.TotalSeconds },
        { "1", 5 }, // never sooner than the schedule
    };

    [Theory]
    [MemberData(nameof(RetryAfters))]
    public async Task RetryAfterIsHonoured(string retryAfter, double expectedSeconds)
    {
        var header = retryAfter == "date" ? _clock.GetUtcNow().AddSeconds(180).ToString("R") : retryAfter;
        _receiver.Respond = n => n == 1 ? new WebhookReceiver.Answer(503, "busy", header) : new WebhookReceiver.Answer(200);
        await EndpointAsync();
        await WriteAsync();
        await SendAsync();

        var pause = (await DeliveryAsync()).NextAttemptAt - _clock.GetUtcNow().UtcDateTime;
        Assert.InRange(pause.TotalSeconds, expectedSeconds * 0.8 - 1, expectedSeconds * 1.2 + 1);
        if (expectedSeconds > 6) Assert.True(pause.TotalSeconds >= expectedSeconds - 1, $"{pause} is sooner than asked");

        _clock.Advance(pause - TimeSpan.FromSeconds(2));
        Assert.Equal(0, await SendAsync());
        _clock.Advance(TimeSpan.FromSeconds(3));
        Assert.Equal(1, await SendAsync());
        Assert.Equal(DeliveryStatus.Delivered, (await DeliveryAsync()).Status);
    }

    [Fact]
    public async Task ARotatedSecretSignsNextToTheNewOneForADayThenOnlyTheNewOne()
    {
        var created = await EndpointAsync();
        var rotated = await Webhooks.RotateSecretAsync(_db.Admin, created.Webhook.Id);
        Assert.NotEqual(created.Secret, rotated.Secret);

        await WriteAsync();
        await SendAsync();
        var during = _receiver.Received[^1];
        Assert.Equal(2, during["webhook-signature"].Split(' ').Length);
        Assert.True(SignedWith(rotated.Secret, during, 0));
        Assert.True(SignedWith(created.Secret, during, 1));

        _clock.Advance(WebhookService.RotationOverlap + TimeSpan.FromSeconds(1));
        await WriteAsync();
        await SendAsync();
        var after = _receiver.Received[^1];
        Assert.Single(after["webhook-signature"].Split(' '));
        Assert.True(SignedWith(rotated.Secret, after));
        Assert.False(DocsVerifier.Verify(created.Secret, after.Headers, after.Body, _clock.GetUtcNow()));
    }

    [Fact]
    public async Task RotatingTwiceKeepsEverySecretYoungerThanADaySigning()
    {
        var created = await EndpointAsync();
        var first = await Webhooks.RotateSecretAsync(_db.Admin, created.Webhook.Id);
        _clock.Advance(TimeSpan.FromHours(1));
        var second = await Webhooks.RotateSecretAsync(_db.Admin, created.Webhook.Id);
        Assert.Equal(_clock.GetUtcNow().UtcDateTime + WebhookService.RotationOverlap, second.Webhook.PreviousSecretExpiresAt);

        async Task<string[]> SignersAsync()
        {
            await Dispatcher.PruneAsync();
            await WriteAsync();
            await SendAsync();
            var request = _receiver.Received[^1];
            return [.. new[] { created.Secret, first.Secret, second.Secret }
                .Where(secret => request["webhook-signature"].Split(' ').Select((_, i) => SignedWith(secret, request, i)).Any(ok => ok))];
        }

        Assert.Equal([created.Secret, first.Secret, second.Secret], await SignersAsync()); // each replaced secret signs for its own day
        _clock.Advance(WebhookService.RotationOverlap - TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));
        Assert.Equal([first.Secret, second.Secret], await SignersAsync()); // the first one replaced is past its day
        _clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal([second.Secret], await SignersAsync());
        Assert.Empty((await StoredAsync(created.Webhook.Id)).PreviousSecrets); // and no longer kept
    }

    [Fact]
    public async Task RotatingInALoopIsNeverRefusedAndDropsTheOldestReplacedSecret()
    {
        var created = await EndpointAsync();
        List<string> secrets = [created.Secret];
        for (var i = 0; i < WebhookService.MaxPreviousSecrets + 2; i++)
        {
            _clock.Advance(TimeSpan.FromMinutes(1));
            secrets.Add((await Webhooks.RotateSecretAsync(_db.Admin, created.Webhook.Id)).Secret);
        }

        var stored = await StoredAsync(created.Webhook.Id);
        Assert.Equal(secrets[^1], stored.Secret);
        // the newest replaced secrets, newest first; the two oldest were dropped before their day was over
        Assert.Equal(secrets[^(WebhookService.MaxPreviousSecrets + 1)..^1].AsEnumerable().Reverse(), stored.PreviousSecrets.Select(p => p.Secret));
    }

    [Fact]
    public async Task AnUpdateNamesItsChangedFieldsAsTheSocketDoes()
    {
        await EndpointAsync("candidate.created", "candidate.updated");
        var candidate = await WriteAsync();
        await _db.Records.UpdateAsync<Candidate>(_db.Recruiter, candidate.Id, null, c => (c.City, c.Phone) = ("Ulm", "+49 731 123"));

        await SendAsync();

        var bodies = _receiver.Received.Select(r => JsonNode.Parse(r.Body)!).OrderBy(b => (string)b["type"]!).ToList();
        Assert.Null(bodies[0]["changed_fields"]); // candidate.created
        Assert.Equal(["city", "phone"], bodies[1]["changed_fields"]!.AsArray().Select(f => (string)f!).Order());
    }

    [Fact]
    public async Task AScorecardDraftNeverLeavesItArrivesOnceSubmitted()
    {
        await EndpointAsync();
        var job = await _db.Records.CreateAsync(_db.Recruiter, new Job { Title = "Backend Developer" });
        var ada = await WriteAsync();
        var application = await _db.Records.CreateAsync(_db.Recruiter, new Application { CandidateId = ada.Id, JobId = job.Id, Stage = Stage.Interview });
        var interview = await _db.Records.CreateAsync(_db.Recruiter, new Interview
        {
            ApplicationId = application.Id, Kind = InterviewKind.Onsite, StartsAt = DateTime.UtcNow.AddHours(-3), DurationMinutes = 60,
            InterviewerIds = [_db.ManagerA.Id],
        });
        Task<Scorecard> ScoreAsync(int rating, bool submit, string? amendmentReason = null) => new ScorecardActions(_db.Records).SaveAsync(_db.Manager,
            application.Id, interview.Id, e => (e.Skills, e.Culture, e.Communication, e.Recommendation, e.Note, e.AmendmentReason)
                = (rating, rating, rating, Recommendation.No, "Unsure so far", amendmentReason), submit);
        List<JsonNode> SentScorecards() => [.. _receiver.Received.Select(r => JsonNode.Parse(r.Body)!).Where(b => ((string)b["type"]!).StartsWith("evaluation."))];

        await ScoreAsync(2, submit: false);
        await ScoreAsync(3, submit: false);
        await SendAsync();
        Assert.Empty(SentScorecards()); // two drafts: nothing left the server
        await using (var db = _db.Raw())
            Assert.False(await db.WebhookDeliveries.IgnoreQueryFilters().AnyAsync(d => d.EventType.StartsWith("evaluation.")));

        var submitted = await ScoreAsync(4, submit: true);
        await ScoreAsync(5, submit: true, "Misread the take-home"); // amended after submitting: an ordinary update
        await SendAsync();

        var sent = SentScorecards().OrderBy(b => long.Parse((string)b["event_id"]!)).ToList();
        Assert.Equal(["evaluation.created", "evaluation.updated"], sent.Select(b => (string)b["type"]!));
        Assert.Equal((submitted.Id.ToString(), 4), ((string)sent[0]["data"]!["id"]!, (int)sent[0]["data"]!["skills"]!));
        Assert.NotNull((string?)sent[0]["data"]!["submitted_at"]);
        Assert.Contains("skills", sent[1]["changed_fields"]!.AsArray().Select(f => (string)f!));
    }

    [Fact]
    public async Task APrivateAddressIsRefusedWithoutTheSettingWhenSavedAndWhenSent()
    {
        var strict = new WebhookSettings();
        var service = new WebhookService(_db.Services.GetRequiredService<IDbContextFactory<AtsDbContext>>(), _clock, strict, new WebhookWake());
        var refused = await Assert.ThrowsAsync<ValidationException>(() => service.CreateAsync(_db.Admin, _receiver.Url, ["*"], null));
        Assert.Contains("url", refused.Errors.Keys);

        // Saved while allowed, sent after the setting was switched off (or the name now resolves somewhere private).
        await EndpointAsync();
        await WriteAsync();
        using var dispatcher = new WebhookDispatcher(_db.Services.GetRequiredService<IDbContextFactory<AtsDbContext>>(), _clock, strict,
            NullLogger<WebhookDispatcher>.Instance);
        Assert.Equal(1, await SendAsync(dispatcher));

        Assert.Empty(_receiver.Received);
        var delivery = await DeliveryAsync();
        Assert.Equal((DeliveryStatus.Pending, (int?)null), (delivery.Status, delivery.LastStatusCode));
        Assert.Contains("public", delivery.LastResponse);
    }

    [Fact]
    public async Task RedirectsAreNotFollowed()
    {
        _receiver.Respond = _ => new WebhookReceiver.Answer(307);
        await EndpointAsync();
        await WriteAsync();

        await SendAsync();

        Assert.Single(_receiver.Received);
        Assert.Equal((DeliveryStatus.Pending, 307), ((await DeliveryAsync()).Status, (await DeliveryAsync()).LastStatusCode));
    }

    [Fact]
    public async Task ATenantsChangesNeverReachAnotherTenantsEndpoint()
    {
        await EndpointAsync();

        await WriteAsync(_db.OtherTenant);
        await SendAsync();

        Assert.Empty(_receiver.Received);
        await using var db = _db.Raw();
        Assert.Equal(0, await db.WebhookDeliveries.IgnoreQueryFilters().CountAsync());
    }

    [Fact]
    public async Task TwoDispatchersRunningAtOnceSendEachDeliveryOnce()
    {
        await EndpointAsync();
        for (var i = 0; i < 20; i++) await WriteAsync();
        using var second = new WebhookDispatcher(_db.Services.GetRequiredService<IDbContextFactory<AtsDbContext>>(), _clock,
            new WebhookSettings { AllowPrivateTargets = true }, NullLogger<WebhookDispatcher>.Instance);

        var sent = await Task.WhenAll(SendAsync(), SendAsync(second));

        Assert.Equal(20, sent.Sum());
        Assert.Equal(20, _receiver.Received.Select(r => r["webhook-id"]).Distinct().Count());
        Assert.Equal(20, _receiver.Received.Count);
    }

    [Fact]
    public async Task RedeliverSendsTheSameIdAndBodyAgain()
    {
        var endpoint = (await EndpointAsync()).Webhook;
        await WriteAsync();
        await SendAsync();
        var first = (await DeliveryAsync()).Id;

        _clock.Advance(TimeSpan.FromMinutes(1));
        var again = await Webhooks.RedeliverAsync(_db.Admin, endpoint.Id, first);
        Assert.Equal(DeliveryStatus.Pending, again.Status);
        await SendAsync();

        Assert.Equal(2, _receiver.Received.Count);
        var (a, b) = (_receiver.Received[0], _receiver.Received[1]);
        Assert.Equal((a["webhook-id"], a.Body), (b["webhook-id"], b.Body));
        Assert.NotEqual(a["webhook-timestamp"], b["webhook-timestamp"]); // a new attempt, signed afresh
        var (log, _) = await Webhooks.DeliveriesAsync(_db.Admin, endpoint.Id);
        Assert.Equal((DeliveryStatus.Delivered, 1), (Assert.Single(log).Status, log[0].Attempts));
    }

    [Fact]
    public async Task BodiesAreClearedAfterAWeekAndDeliveriesPrunedAfterThirtyDays()
    {
        var endpoint = (await EndpointAsync()).Webhook;
        await WriteAsync();
        await SendAsync();
        var id = (await DeliveryAsync()).Id;

        _clock.Advance(TimeSpan.FromDays(8));
        await Dispatcher.PruneAsync();
        Assert.Equal("", (await DeliveryAsync()).Payload);
        var refused = await Assert.ThrowsAsync<ValidationException>(() => Webhooks.RedeliverAsync(_db.Admin, endpoint.Id, id));
        Assert.Contains("payload", refused.Errors.Keys);
        await using (var db = _db.Raw()) Assert.Equal(0, await db.ChangeLog.CountAsync()); // the change log keeps 48 hours

        _clock.Advance(TimeSpan.FromDays(23));
        await Dispatcher.PruneAsync();
        Assert.Empty((await Webhooks.DeliveriesAsync(_db.Admin, endpoint.Id)).Deliveries);
    }

    public static TheoryData<string, string[], string?, string> BadInput => new()
    {
        { "", ["*"], null, "url" },
        { "ftp://example.com/x", ["*"], null, "url" },
        { "https://example.com/" + new string('a', 2000), ["*"], null, "url" },
        { "hooks.example.com/x", ["*"], null, "url" },
        { "https://203.0.113.10/x", [], null, "events" },
        { "https://203.0.113.10/x", ["candidate.hired"], null, "events" },
        { "https://203.0.113.10/x", ["employee.created"], null, "events" },
        { "https://203.0.113.10/x", ["Candidate.Created"], null, "events" },
        { "https://203.0.113.10/x", ["*"], new string('d', 501), "description" },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task BadInputNamesTheField(string url, string[] events, string? description, string field)
    {
        var refused = await Assert.ThrowsAsync<ValidationException>(() => Webhooks.CreateAsync(_db.Admin, url, events, description));
        Assert.Equal([field], refused.Errors.Keys);
    }

    [Fact]
    public async Task EventTypesAreKeptInOrderAndAllWins()
    {
        var some = await Webhooks.CreateAsync(_db.Admin, "https://203.0.113.10/x", ["job.updated", "candidate.created", "job.updated"], null);
        var all = await Webhooks.CreateAsync(_db.Admin, "https://203.0.113.10/x", ["candidate.created", "*"], null);

        Assert.Equal(["candidate.created", "job.updated"], some.Webhook.Events);
        Assert.Equal(["*"], all.Webhook.Events);
        Assert.Equal(33, WebhookService.EventTypes.Count); // 11 models × created, updated, deleted
    }

    [Fact]
    public async Task OnlyAdminsManageWebhooks()
    {
        var refused = await Assert.ThrowsAsync<ForbiddenException>(() => Webhooks.ListAsync(_db.Recruiter));
        Assert.Equal("admin_only", refused.Code);
        await Assert.ThrowsAsync<ForbiddenException>(() => Webhooks.CreateAsync(_db.Manager, _receiver.Url, ["*"], null));
    }
}
