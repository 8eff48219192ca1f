using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Ats.Domain.Demo;
using Ats.Domain.Tenancy;
using Ats.Domain.Webhooks;
using Ats.Tests.Api;

namespace Ats.Tests.Webhooks;

/// /xapi2/webhooks on the demo host (the SSRF guard on): the round trip, who may call it, and a problem document for every mistake.
public sealed class WebhookApiTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private const string Public = "https://203.0.113.10/hooks"; // a documentation address: public, and nothing listens

    private async Task<HttpClient> AdminAsync() => api.Client(await api.JwtAsync());

    private static async Task<JsonObject> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    private async Task<JsonObject> CreateAsync(HttpClient client) =>
        await JsonAsync(await client.PostAsJsonAsync("/xapi2/webhooks", new { url = Public, events = new[] { "candidate.created" }, description = "CRM" }),
            HttpStatusCode.Created);

    [Fact]
    public async Task CreateReadChangeRotateAndDelete()
    {
        var client = await AdminAsync();

        var response = await client.PostAsJsonAsync("/xapi2/webhooks", new { url = Public, events = new[] { "candidate.created", "application.updated" }, description = "CRM" });
        var created = await JsonAsync(response, HttpStatusCode.Created);
        var id = (string)created["id"]!;
        Assert.Equal($"/xapi2/webhooks/{id}", response.Headers.Location!.OriginalString);
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
        Assert.StartsWith("whsec_", (string)created["secret"]!);
        Assert.Equal(["application.updated", "candidate.created"], created["events"]!.AsArray().Select(e => (string)e!));

        var list = await JsonAsync(await client.GetAsync("/xapi2/webhooks"), HttpStatusCode.OK);
        var listed = Assert.Single(list["data"]!.AsArray(), w => (string)w!["id"]! == id)!;
        Assert.False(listed.AsObject().ContainsKey("secret"));
        var one = await JsonAsync(await client.GetAsync($"/xapi2/webhooks/{id}"), HttpStatusCode.OK);
        Assert.False(one.ContainsKey("secret"));
        Assert.Equal((Public, "CRM", true), ((string)one["url"]!, (string)one["description"]!, (bool)one["active"]!));

        var patched = await JsonAsync(await client.PatchAsJsonAsync($"/xapi2/webhooks/{id}", new { active = false, events = new[] { "*" } }), HttpStatusCode.OK);
        Assert.Equal((false, "*", "CRM"), ((bool)patched["active"]!, (string)patched["events"]![0]!, (string)patched["description"]!));

        var rotated = await JsonAsync(await client.PostAsync($"/xapi2/webhooks/{id}/rotate-secret", null), HttpStatusCode.OK);
        Assert.NotEqual((string)created["secret"]!, (string)rotated["secret"]!);
        Assert.NotNull((string?)rotated["previous_secret_expires_at"]);

        var deliveries = await JsonAsync(await client.GetAsync($"/xapi2/webhooks/{id}/deliveries?limit=10"), HttpStatusCode.OK);
        Assert.Empty(deliveries["data"]!.AsArray());
        Assert.False((bool)deliveries["meta"]!["has_more"]!);

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/xapi2/webhooks/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/xapi2/webhooks/{id}")).StatusCode);
    }

    [Fact]
    public async Task AWriteThroughTheApiIsQueuedAndLoggedForTheEndpoint()
    {
        var client = await AdminAsync();
        var id = (string)(await CreateAsync(client))["id"]!;

        await JsonAsync(await client.PostAsJsonAsync("/xapi2/data/candidate", new { first_name = "Ada", email = "ada.webhook@example.com" }), HttpStatusCode.Created);

        var log = await JsonAsync(await client.GetAsync($"/xapi2/webhooks/{id}/deliveries"), HttpStatusCode.OK);
        var delivery = Assert.Single(log["data"]!.AsArray())!;
        Assert.Equal("candidate.created", (string)delivery["event_type"]!);
        // Every answer that shows the endpoint shows its last delivery, the change and the rotation answers included.
        var patched = await JsonAsync(await client.PatchAsJsonAsync($"/xapi2/webhooks/{id}", new { description = "CRM 2" }), HttpStatusCode.OK);
        var rotated = await JsonAsync(await client.PostAsync($"/xapi2/webhooks/{id}/rotate-secret", null), HttpStatusCode.OK);
        foreach (var answer in new[] { patched, rotated })
        {
            Assert.Equal((string)delivery["status"]!, (string?)answer["last_delivery_status"]);
            Assert.NotNull((string?)answer["last_delivery_at"]);
        }
        var redelivered = await JsonAsync(await client.PostAsync($"/xapi2/webhooks/{id}/deliveries/{delivery["id"]}/redeliver", null), HttpStatusCode.Accepted);
        Assert.Equal(("pending", 0), ((string)redelivered["status"]!, (int)redelivered["attempts"]!));
        await client.DeleteAsync($"/xapi2/webhooks/{id}");
    }

    [Fact]
    public async Task APatWithWebhookScopesActsForItsAdmin()
    {
        var (_, reader) = await api.PatAsync(WebhookService.ReadScope);
        var (_, writer) = await api.PatAsync(WebhookService.ReadScope, WebhookService.WriteScope, "candidate:read"); // a webhook only sends what its token may read

        Assert.Equal(HttpStatusCode.OK, (await api.Client(reader).GetAsync("/xapi2/webhooks")).StatusCode);
        var created = await CreateAsync(api.Client(writer));
        Assert.Equal(HttpStatusCode.NoContent, (await api.Client(writer).DeleteAsync($"/xapi2/webhooks/{created["id"]}")).StatusCode);
    }

    public enum Caller { Admin, Recruiter, NoScopePat, ReadPat, Nobody }

    public sealed record Case(string Name, string Method, string Url, string? Body, int Status, string Code,
        Caller Caller = Caller.Admin, string ContentType = "application/json")
    {
        public override string ToString() => Name;
    }

    public static TheoryData<Case> Cases => new()
    {
        new("malformed JSON", "POST", "/xapi2/webhooks", "{\"url\":", 400, "invalid_json"),
        new("array body", "POST", "/xapi2/webhooks", "[]", 400, "invalid_json"),
        new("unknown field", "POST", "/xapi2/webhooks", "{\"url\":\"https://203.0.113.10/\",\"events\":[\"*\"],\"secret\":\"whsec_x\"}", 400, "unknown_field"),
        new("missing url", "POST", "/xapi2/webhooks", "{\"events\":[\"*\"]}", 400, "missing_field"),
        new("missing events", "POST", "/xapi2/webhooks", "{\"url\":\"https://203.0.113.10/\"}", 400, "missing_field"),
        new("url as a number", "POST", "/xapi2/webhooks", "{\"url\":42,\"events\":[\"*\"]}", 400, "invalid_type"),
        new("url null", "POST", "/xapi2/webhooks", "{\"url\":null,\"events\":[\"*\"]}", 400, "invalid_type"),
        new("events as a string", "POST", "/xapi2/webhooks", "{\"url\":\"https://203.0.113.10/\",\"events\":\"*\"}", 400, "invalid_type"),
        new("events with a number", "POST", "/xapi2/webhooks", "{\"url\":\"https://203.0.113.10/\",\"events\":[1]}", 400, "invalid_type"),
        new("description as an object", "POST", "/xapi2/webhooks", "{\"url\":\"https://203.0.113.10/\",\"events\":[\"*\"],\"description\":{}}", 400, "invalid_type"),
        new("active as a string", "PATCH", "/xapi2/webhooks/{webhook}", "{\"active\":\"yes\"}", 400, "invalid_type"),
        new("unknown field on patch", "PATCH", "/xapi2/webhooks/{webhook}", "{\"secret\":\"whsec_x\"}", 400, "unknown_field"),
        new("not a URL", "POST", "/xapi2/webhooks", "{\"url\":\"hooks.example.com\",\"events\":[\"*\"]}", 422, "validation_failed"),
        new("ftp URL", "POST", "/xapi2/webhooks", "{\"url\":\"ftp://203.0.113.10/\",\"events\":[\"*\"]}", 422, "validation_failed"),
        new("loopback URL", "POST", "/xapi2/webhooks", "{\"url\":\"http://127.0.0.1:5000/hook\",\"events\":[\"*\"]}", 422, "validation_failed"),
        new("private URL", "POST", "/xapi2/webhooks", "{\"url\":\"http://192.168.0.10/hook\",\"events\":[\"*\"]}", 422, "validation_failed"),
        new("metadata URL", "PATCH", "/xapi2/webhooks/{webhook}", "{\"url\":\"http://169.254.169.254/latest/meta-data\"}", 422, "validation_failed"),
        new("localhost by name", "POST", "/xapi2/webhooks", "{\"url\":\"http://localhost/hook\",\"events\":[\"*\"]}", 422, "validation_failed"),
        new("unknown event type", "POST", "/xapi2/webhooks", "{\"url\":\"https://203.0.113.10/\",\"events\":[\"candidate.hired\"]}", 422, "validation_failed"),
        new("no event types", "PATCH", "/xapi2/webhooks/{webhook}", "{\"events\":[]}", 422, "validation_failed"),
        new("description too long", "POST", "/xapi2/webhooks", "{\"url\":\"https://203.0.113.10/\",\"events\":[\"*\"],\"description\":\"" + new string('d', 501) + "\"}", 422, "validation_failed"),
        new("wrong content type", "POST", "/xapi2/webhooks", "url=https://203.0.113.10/", 415, "unsupported_media_type", ContentType: "application/x-www-form-urlencoded"),
        new("oversized body", "POST", "/xapi2/webhooks", "{\"url\":\"https://203.0.113.10/\",\"events\":[\"*\"],\"description\":\"" + new string('d', 300_000) + "\"}", 413, "payload_too_large"),
        new("malformed id", "GET", "/xapi2/webhooks/42", null, 400, "invalid_id"),
        new("unknown id", "GET", "/xapi2/webhooks/01a208dd-0000-7000-8000-000000000000", null, 404, "not_found"),
        new("another organisation's endpoint", "GET", "/xapi2/webhooks/{other}", null, 404, "not_found"),
        new("another organisation's endpoint, patched", "PATCH", "/xapi2/webhooks/{other}", "{\"active\":false}", 404, "not_found"),
        new("another organisation's endpoint, deleted", "DELETE", "/xapi2/webhooks/{other}", null, 404, "not_found"),
        new("another organisation's deliveries", "GET", "/xapi2/webhooks/{other}/deliveries", null, 404, "not_found"),
        new("unknown delivery", "POST", "/xapi2/webhooks/{webhook}/deliveries/01a208dd-0000-7000-8000-000000000000/redeliver", null, 404, "not_found"),
        new("limit too high", "GET", "/xapi2/webhooks/{webhook}/deliveries?limit=201", null, 400, "invalid_parameter"),
        new("unknown parameter", "GET", "/xapi2/webhooks/{webhook}/deliveries?status=failed", null, 400, "unknown_parameter"),
        new("parameter on a list", "GET", "/xapi2/webhooks?active=true", null, 400, "unknown_parameter"),
        new("method not allowed", "PUT", "/xapi2/webhooks/{webhook}", "{}", 405, "method_not_allowed"),
        new("a recruiter", "GET", "/xapi2/webhooks", null, 403, "admin_only", Caller.Recruiter),
        new("a recruiter creating", "POST", "/xapi2/webhooks", "{\"url\":\"https://203.0.113.10/\",\"events\":[\"*\"]}", 403, "admin_only", Caller.Recruiter),
        new("a token without webhook scopes", "GET", "/xapi2/webhooks", null, 403, "missing_scope", Caller.NoScopePat),
        new("a read-only token creating", "POST", "/xapi2/webhooks", "{\"url\":\"https://203.0.113.10/\",\"events\":[\"*\"]}", 403, "missing_scope", Caller.ReadPat),
        new("a read-only token rotating", "POST", "/xapi2/webhooks/{webhook}/rotate-secret", null, 403, "missing_scope", Caller.ReadPat),
        new("no token", "GET", "/xapi2/webhooks", null, 401, "unauthorized", Caller.Nobody),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task EveryMistakeGetsAProblemDocument(Case c)
    {
        var admin = await AdminAsync();
        var webhook = (string)(await CreateAsync(admin))["id"]!;
        var other = await OtherOrganisationsEndpointAsync();
        var client = c.Caller switch
        {
            Caller.Admin => admin,
            Caller.Recruiter => api.Client(await api.JwtAsync(DemoSeeder.RecruiterEmail)),
            Caller.NoScopePat => api.Client((await api.PatAsync("candidate:read")).Token),
            Caller.ReadPat => api.Client((await api.PatAsync(WebhookService.ReadScope)).Token),
            _ => api.Client(),
        };
        var request = new HttpRequestMessage(new HttpMethod(c.Method), c.Url.Replace("{webhook}", webhook).Replace("{other}", other.ToString()));
        if (c.Body is not null) request.Content = new StringContent(c.Body, Encoding.UTF8, c.ContentType);

        var response = await client.SendAsync(request);

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(c.Status == (int)response.StatusCode, $"{c.Name}: {(int)response.StatusCode} {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(c.Code, (string)JsonNode.Parse(body)!["code"]!);
        if (c.Status == 422) Assert.NotNull(JsonNode.Parse(body)!["errors"]);
    }

    private async Task<Guid> OtherOrganisationsEndpointAsync()
    {
        await using var db = api.App.Db();
        var tenant = new Tenant { Name = "Other GmbH" };
        var endpoint = new WebhookEndpoint { TenantId = tenant.Id, Url = Public, Events = ["*"], Secret = WebhookSignature.NewSecret() };
        db.Tenants.Add(tenant);
        db.WebhookEndpoints.Add(endpoint);
        await db.SaveChangesAsync();
        return endpoint.Id;
    }
}
