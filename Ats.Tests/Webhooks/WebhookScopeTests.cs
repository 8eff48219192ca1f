using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Ats.Domain.Models;
using Ats.Domain.Webhooks;
using Ats.Tests.Api;

namespace Ats.Tests.Webhooks;

/// Who may re-point an endpoint or send its stored deliveries again: whoever changes where an endpoint sends, or what,
/// needs the read scopes of every model it carries; a refusal names the missing scopes and changes nothing.
public sealed class WebhookScopeTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private const string Public = "https://203.0.113.10/hooks";
    private const string Elsewhere = "https://198.51.100.7/collect";
    private static readonly string[] AllReads = [.. ModelCatalog.All.Select(m => m.ReadScope)];

    public enum Act { Patch, Redeliver, Create }

    /// <param name="Events">the endpoint's events when the deliveries were queued</param>
    /// <param name="NarrowedTo">events an admin set afterwards (a candidate delivery still waits), or null</param>
    /// <param name="Missing">the scopes the refusal must name; null when the call is allowed</param>
    public sealed record Case(string Name, string[] Events, string[]? NarrowedTo, string[] Scopes, Act Act, string? Body,
        HttpStatusCode Status, string[]? Missing = null)
    {
        public override string ToString() => Name;
    }

    private static string[] With(params string[] scopes) => [WebhookService.WriteScope, WebhookService.ReadScope, .. scopes];

    public static TheoryData<Case> Cases => new()
    {
        new("only webhook:write re-points an endpoint of every model", ["*"], null, With(), Act.Patch, $"{{\"url\":\"{Elsewhere}\"}}",
            HttpStatusCode.Forbidden, AllReads),
        new("one model's read scope re-points an endpoint of every model", ["*"], null, With("candidate:read"), Act.Patch, $"{{\"url\":\"{Elsewhere}\"}}",
            HttpStatusCode.Forbidden, [.. AllReads.Where(s => s != "candidate:read")]),
        new("every read scope re-points it", ["*"], null, With(AllReads), Act.Patch, $"{{\"url\":\"{Elsewhere}\"}}", HttpStatusCode.OK),
        new("the same URL again is no re-pointing", ["*"], null, With(), Act.Patch, $"{{\"url\":\" {Public} \"}}", HttpStatusCode.OK),
        new("re-pointing and narrowing at once still needs what it carried", ["*"], null, With("job:read"), Act.Patch,
            $"{{\"url\":\"{Elsewhere}\",\"events\":[\"job.created\"]}}", HttpStatusCode.Forbidden, [.. AllReads.Where(s => s != "job:read")]),
        new("re-pointing needs the scopes of the new events too", ["job.created"], null, With("job:read"), Act.Patch,
            $"{{\"url\":\"{Elsewhere}\",\"events\":[\"offer.updated\"]}}", HttpStatusCode.Forbidden, ["offer:read"]),
        new("re-pointing a narrowed endpoint needs the scopes of what still waits", ["*"], ["job.created"], With("job:read"), Act.Patch,
            $"{{\"url\":\"{Elsewhere}\"}}", HttpStatusCode.Forbidden, ["candidate:read"]),
        new("re-pointing with the scopes of all it carries", ["candidate.created"], null, With("candidate:read"), Act.Patch,
            $"{{\"url\":\"{Elsewhere}\"}}", HttpStatusCode.OK),
        new("widening the events needs their read scopes", ["job.created"], null, With("job:read"), Act.Patch,
            "{\"events\":[\"job.created\",\"candidate.created\"]}", HttpStatusCode.Forbidden, ["candidate:read"]),
        new("widening to every model", ["job.created"], null, With("job:read", "candidate:read"), Act.Patch,
            "{\"events\":[\"*\"]}", HttpStatusCode.Forbidden, [.. AllReads.Where(s => s is not ("job:read" or "candidate:read"))]),
        new("narrowing the events in place", ["*"], null, With("job:read"), Act.Patch, "{\"events\":[\"job.created\"]}", HttpStatusCode.OK),
        new("the description needs no model scope", ["*"], null, With(), Act.Patch, "{\"description\":\"CRM (new)\"}", HttpStatusCode.OK),
        new("switching off needs no model scope", ["*"], null, With(), Act.Patch, "{\"active\":false}", HttpStatusCode.OK),
        new("only webhook:write redelivers", ["*"], null, With(), Act.Redeliver, null, HttpStatusCode.Forbidden, AllReads),
        new("the delivery's model alone does not redeliver for an endpoint of every model", ["*"], null, With("candidate:read"), Act.Redeliver, null,
            HttpStatusCode.Forbidden, [.. AllReads.Where(s => s != "candidate:read")]),
        new("redelivering a delivery of a model the endpoint no longer names", ["*"], ["job.created"], With("job:read"), Act.Redeliver, null,
            HttpStatusCode.Forbidden, ["candidate:read"]),
        new("redelivering with every read scope", ["*"], null, With(AllReads), Act.Redeliver, null, HttpStatusCode.Accepted),
        new("redelivering with the scopes of all it carries", ["candidate.created"], null, With("candidate:read"), Act.Redeliver, null,
            HttpStatusCode.Accepted),
        new("creating for a model the token cannot read", ["*"], null, With("job:read"), Act.Create,
            $"{{\"url\":\"{Public}\",\"events\":[\"job.created\",\"candidate.created\",\"offer.updated\"]}}", HttpStatusCode.Forbidden,
            ["candidate:read", "offer:read"]),
        new("creating for every model", ["*"], null, With("job:read"), Act.Create, $"{{\"url\":\"{Public}\",\"events\":[\"*\"]}}",
            HttpStatusCode.Forbidden, [.. AllReads.Where(s => s != "job:read")]),
        new("creating for the models the token reads", ["*"], null, With("job:read"), Act.Create,
            $"{{\"url\":\"{Public}\",\"events\":[\"job.created\"]}}", HttpStatusCode.Created),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task ChangingWhereOrWhatAnEndpointSendsNeedsTheReadScopesOfAllItCarries(Case c)
    {
        var admin = api.Client(await api.JwtAsync());
        var created = await JsonAsync(await admin.PostAsJsonAsync("/xapi2/webhooks", new { url = Public, events = c.Events, description = "CRM" }),
            HttpStatusCode.Created);
        var id = (string)created["id"]!;
        var email = $"ada.{Guid.NewGuid():N}@example.com";
        await JsonAsync(await admin.PostAsJsonAsync("/xapi2/data/candidate", new { first_name = "Ada", email }), HttpStatusCode.Created);
        var log = await JsonAsync(await admin.GetAsync($"/xapi2/webhooks/{id}/deliveries"), HttpStatusCode.OK);
        var delivery = (string?)log["data"]!.AsArray().SingleOrDefault(d => (string)d!["event_type"]! == "candidate.created")?["id"];
        if (c.NarrowedTo is { } narrowed)
            await JsonAsync(await admin.PatchAsJsonAsync($"/xapi2/webhooks/{id}", new { events = narrowed }), HttpStatusCode.OK);
        var before = await JsonAsync(await admin.GetAsync($"/xapi2/webhooks/{id}"), HttpStatusCode.OK);
        var auditsBefore = await AuditsAsync();
        var token = api.Client((await api.PatAsync(c.Scopes)).Token);

        var (method, path) = c.Act switch
        {
            Act.Patch => (HttpMethod.Patch, $"/xapi2/webhooks/{id}"),
            Act.Redeliver => (HttpMethod.Post, $"/xapi2/webhooks/{id}/deliveries/{delivery}/redeliver"),
            _ => (HttpMethod.Post, "/xapi2/webhooks"),
        };
        var request = new HttpRequestMessage(method, path);
        if (c.Body is not null) request.Content = new StringContent(c.Body, Encoding.UTF8, "application/json");
        var response = await token.SendAsync(request);

        var body = await JsonAsync(response, c.Status);
        if (c.Missing is null) return;
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("missing_scope", (string)body["code"]!);
        var detail = (string)body["detail"]!;
        foreach (var scope in c.Missing) Assert.Contains(scope, detail);
        foreach (var scope in AllReads.Except(c.Missing)) Assert.DoesNotContain(scope, detail);
        // Nothing changed: the endpoint is as it was, and no audit entry was written (a redelivery writes one).
        var after = await JsonAsync(await admin.GetAsync($"/xapi2/webhooks/{id}"), HttpStatusCode.OK);
        foreach (var field in new[] { "url", "events", "description", "active", "updated_at" })
            Assert.Equal(before[field]!.ToJsonString(), after[field]!.ToJsonString());
        Assert.Equal(auditsBefore, await AuditsAsync());
    }

    private async Task<int> AuditsAsync()
    {
        await using var db = api.App.Db();
        return await db.AuditEntries.IgnoreQueryFilters().CountAsync(a => a.Model == WebhookService.Model || a.Model == WebhookService.DeliveryModel);
    }

    private static async Task<JsonObject> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }
}
