using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Ats.Tests.Api;

/// A submitted scorecard changed over the API: only with a reason, and the earlier version stays readable.
public sealed class ScorecardAmendmentApiTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private async Task<(HttpClient Client, string Id)> SubmittedScorecardAsync()
    {
        var client = api.Client(await api.JwtAsync());
        var job = await (await client.PostAsJsonAsync("/xapi2/data/job", new { title = "Data Engineer", status = "open" })).Content.ReadFromJsonAsync<JsonObject>();
        var candidate = await (await client.PostAsJsonAsync("/xapi2/data/candidate",
            new { first_name = "Grace", email = $"grace-{Guid.NewGuid():N}@example.com" })).Content.ReadFromJsonAsync<JsonObject>();
        var application = await (await client.PostAsJsonAsync("/xapi2/data/application",
            new { candidate_id = (string)candidate!["id"]!, job_id = (string)job!["id"]!, stage = "interview" })).Content.ReadFromJsonAsync<JsonObject>();
        var created = await client.PostAsJsonAsync("/xapi2/data/evaluation", new
        {
            application_id = (string)application!["id"]!, recommendation = "yes", skills = 4, culture = 4, communication = 4, note = "Solid",
            submitted_at = "2026-01-01T00:00:00Z",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var json = (await created.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal((null, 0), ((string?)json["amended_at"], json["amendments"]!.AsArray().Count));
        Assert.False(json.ContainsKey("amendment_reason"));
        return (client, (string)json["id"]!);
    }

    [Fact]
    public async Task APatchOfASubmittedScorecardWithoutAReasonIs422AndChangesNothing()
    {
        var (client, id) = await SubmittedScorecardAsync();
        var before = await client.GetFromJsonAsync<JsonObject>($"/xapi2/data/evaluation/{id}");

        var response = await client.PatchAsJsonAsync($"/xapi2/data/evaluation/{id}", new { recommendation = "strong_no" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("validation_failed", (string)problem["code"]!);
        Assert.NotNull(problem["errors"]!["amendment_reason"]);
        Assert.Equal(before!.ToJsonString(), (await client.GetFromJsonAsync<JsonObject>($"/xapi2/data/evaluation/{id}"))!.ToJsonString());
    }

    [Fact]
    public async Task APatchWithAReasonIsAnAmendmentThatKeepsTheOriginal()
    {
        var (client, id) = await SubmittedScorecardAsync();
        var before = (await client.GetFromJsonAsync<JsonObject>($"/xapi2/data/evaluation/{id}"))!;

        var response = await client.PatchAsJsonAsync($"/xapi2/data/evaluation/{id}",
            new { recommendation = "strong_no", note = "Reference check failed", amendment_reason = "New information" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = (await client.GetFromJsonAsync<JsonObject>($"/xapi2/data/evaluation/{id}"))!;
        Assert.Equal(("strong_no", "Reference check failed"), ((string)stored["recommendation"]!, (string)stored["note"]!));
        Assert.Equal((string)before["submitted_at"]!, (string)stored["submitted_at"]!);
        Assert.NotNull((string?)stored["amended_at"]);
        Assert.False(stored.ContainsKey("amendment_reason"));
        var original = Assert.Single(stored["amendments"]!.AsArray())!;
        Assert.Equal(("yes", "Solid", 4, "New information"),
            ((string)original["recommendation"]!, (string)original["note"]!, (int)original["skills"]!, (string)original["reason"]!));
        Assert.Equal((string)stored["amended_at"]!, (string)original["at"]!);
    }

    [Fact]
    public async Task AmendmentsCannotBeWrittenByClients()
    {
        var (client, id) = await SubmittedScorecardAsync();

        var response = await client.PatchAsJsonAsync($"/xapi2/data/evaluation/{id}", new { amendments = Array.Empty<object>(), amended_at = (string?)null });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("read_only_field", (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["code"]!);
    }
}
