using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;

namespace Ats.Tests.Api;

/// Stage moves over the API obey the same pipeline rules as the board.
public sealed class PipelineApiTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private async Task<(HttpClient Client, string Id)> NewApplicationAsync()
    {
        var client = api.Client(await api.JwtAsync());
        var jobs = (await client.GetFromJsonAsync<JsonObject>("/xapi2/data/job?limit=1"))!["data"]!.AsArray();
        var candidate = await (await client.PostAsJsonAsync("/xapi2/data/candidate",
            new { first_name = "Pipe", email = $"pipe-{Guid.NewGuid():N}@example.com" })).Content.ReadFromJsonAsync<JsonObject>();
        var created = await client.PostAsJsonAsync("/xapi2/data/application",
            new { candidate_id = candidate!["id"]!.GetValue<string>(), job_id = jobs[0]!["id"]!.GetValue<string>() });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (client, (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>());
    }

    private static async Task<JsonObject> PatchAsync(HttpClient client, string url, object body, HttpStatusCode expected)
    {
        var response = await client.PatchAsJsonAsync(url, body);
        Assert.Equal(expected, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    [Fact]
    public async Task RejectingNeedsAReasonAndReopeningNeedsConfirmTrue()
    {
        var (client, id) = await NewApplicationAsync();
        var url = $"/xapi2/data/application/{id}";

        var refused = await PatchAsync(client, url, new { stage = "rejected" }, HttpStatusCode.UnprocessableEntity);
        Assert.NotNull(refused["errors"]!["rejection_reason"]);
        await PatchAsync(client, url, new { stage = "rejected", rejection_reason = "Role filled" }, HttpStatusCode.OK);

        var unconfirmed = await PatchAsync(client, url, new { stage = "review" }, HttpStatusCode.UnprocessableEntity);
        Assert.NotNull(unconfirmed["errors"]!["stage"]);
        var reopened = await PatchAsync(client, url + "?confirm=true", new { stage = "review" }, HttpStatusCode.OK);
        Assert.Equal(("review", null), (reopened["stage"]!.GetValue<string>(), reopened["rejection_reason"]?.GetValue<string>()));

        await PatchAsync(client, url + "?confirm=maybe", new { stage = "new" }, HttpStatusCode.BadRequest);

        await using var db = api.App.Db();
        var history = await db.StageChanges.IgnoreQueryFilters().Where(c => c.ApplicationId == Guid.Parse(id)).OrderBy(c => c.At).ToListAsync();
        Assert.Equal(["new", "rejected", "review"], history.Select(h => Ats.Domain.Data.SnakeCase<Ats.Domain.Pipeline.Stage>.Name(h.ToStage)));
    }
}
