using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Ats.Domain.Audit;

namespace Ats.Tests.Api;

/// A create → read → update → stale update → delete round trip over real HTTP for each of the 11 models.
public sealed class CrudTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private HttpClient _client = default!;

    private async Task<JsonObject> PostAsync(string model, object body)
    {
        var response = await _client.PostAsJsonAsync($"/xapi2/data/{model}", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{model}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private async Task<string> NewIdAsync(string model, object body) => (await PostAsync(model, body))["id"]!.GetValue<string>();

    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..20];

    /// A body for each model; references are made fresh so each run is independent of the demo data.
    private async Task<(object Create, object Patch, string PatchedField)> BodiesAsync(string model)
    {
        async Task<string> JobAsync() => await NewIdAsync("job", new { title = Unique("Job"), status = "open" });
        async Task<string> CandidateAsync() => await NewIdAsync("candidate", new { first_name = "Api", email = $"{Unique("c")}@example.com" });
        async Task<string> ApplicationAsync(string stage = "new") => await NewIdAsync("application", new { candidate_id = await CandidateAsync(), job_id = await JobAsync(), stage });

        return model switch
        {
            "job" => (new { title = Unique("Job"), status = "draft", fit_profile = new { requirements = new[] { new { text = "C#", weight = 5, keywords = new[] { "dotnet" } } } } },
                new { department = "QA" }, "department"),
            "candidate" => (new { first_name = "Ada", email = $"{Unique("ada")}@example.com", tags = new[] { "api" } }, new { city = "Ulm" }, "city"),
            "application" => (new { candidate_id = await CandidateAsync(), job_id = await JobAsync(), stage = "review" }, new { stage = "screening" }, "stage"),
            "application_note" => (new { parent_kind = "job", parent_id = await JobAsync(), body = "**Budget** approved" }, new { pinned = true }, "pinned"),
            "email_template" => (new { name = Unique("Tpl"), subject = "Hello {{ candidate.first_name }}", body = "Hi" }, new { active = false }, "active"),
            "evaluation" => (new { application_id = await ApplicationAsync(), recommendation = "yes", skills = 4 }, new { culture = 5 }, "culture"),
            "interview" => (new { application_id = await ApplicationAsync(), kind = "video", starts_at = "2027-01-15T09:00:00Z", duration_minutes = 45 },
                new { room = "Raum 1" }, "room"),
            "message" => (new { candidate_id = await CandidateAsync(), channel = "note", body = "Called, will send CV" }, new { subject = "Call" }, "subject"),
            "offer" => (new { application_id = await ApplicationAsync("offer"), gross_salary = 65000.00m, start_date = "2027-02-01" }, new { bonus = 5000m }, "bonus"),
            "source" => (new { name = Unique("Fair"), kind = "other" }, new { kind = "referral" }, "kind"),
            "task" => (new { title = "Call back" }, new { completed = true }, "completed"),
            _ => throw new ArgumentOutOfRangeException(nameof(model)),
        };
    }

    public static TheoryData<string> Models => new(Ats.Domain.Models.ModelCatalog.All.Select(m => m.Name));

    [Theory]
    [MemberData(nameof(Models))]
    public async Task EachModelMakesTheFullRoundTrip(string model)
    {
        _client = api.Client(await api.JwtAsync());
        var (create, patch, field) = await BodiesAsync(model);

        var created = await _client.PostAsJsonAsync($"/xapi2/data/{model}", create);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = (await created.Content.ReadFromJsonAsync<JsonObject>())!;
        var id = body["id"]!.GetValue<string>();
        Assert.Equal($"/xapi2/data/{model}/{id}", created.Headers.Location!.OriginalString);
        Assert.Equal("\"1\"", created.Headers.ETag!.Tag);
        Assert.Equal(1, body["version"]!.GetValue<int>());

        var read = await _client.GetAsync($"/xapi2/data/{model}/{id}");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(body.ToJsonString(), (await read.Content.ReadFromJsonAsync<JsonObject>())!.ToJsonString());

        var updated = await SendAsync(HttpMethod.Patch, $"/xapi2/data/{model}/{id}", patch, ifMatch: "\"1\"");
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var after = (await updated.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(2, after["version"]!.GetValue<int>());
        Assert.Equal(JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(patch))![field]!.ToJsonString(), after[field]!.ToJsonString());

        var stale = await SendAsync(HttpMethod.Patch, $"/xapi2/data/{model}/{id}", patch, ifMatch: "\"1\"");
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal("precondition_failed", (await stale.Content.ReadFromJsonAsync<JsonObject>())!["code"]!.GetValue<string>());

        var deleted = await SendAsync(HttpMethod.Delete, $"/xapi2/data/{model}/{id}", null, ifMatch: "\"2\"");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync($"/xapi2/data/{model}/{id}")).StatusCode);

        await using var db = api.App.Db();
        var audit = await db.AuditEntries.IgnoreQueryFilters().Where(e => e.RecordId == Guid.Parse(id)).OrderBy(e => e.At).ToListAsync();
        Assert.Equal([AuditAction.Create, AuditAction.Update, AuditAction.Delete], audit.Select(e => e.Action));
        Assert.All(audit, e => Assert.Equal("api", e.Channel));
    }

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, object? body, string ifMatch)
    {
        var request = new HttpRequestMessage(method, url);
        if (body is not null) request.Content = new StringContent(System.Text.Json.JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return _client.SendAsync(request);
    }
}
