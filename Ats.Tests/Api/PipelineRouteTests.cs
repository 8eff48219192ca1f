using Ats.Domain.Demo;
using Ats.Domain.Identity;
using Ats.Domain.Pipeline;
using Ats.Domain.Writes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Ats.Tests.Api;

/// A board drag and a REST PATCH of an application's stage end in the same use case (PipelineMoves), with the same
/// placement, stage history and audit entry.
public sealed class PipelineRouteTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public void TheApplicationsUpdateRouteIsThePipelinesMoves() =>
        Assert.Same(api.App.Services.GetRequiredService<PipelineMoves>(), api.App.Services.GetRequiredService<IUpdateRoute<Application>>());

    [Fact]
    public async Task ADragAndAPatchOfStageLeaveTheSameTrace()
    {
        var client = api.Client(await api.JwtAsync());
        var job = await PostAsync(client, "job", new { title = $"Route {Guid.NewGuid():N}", status = "open" });
        var dragged = await NewApplicationAsync(client, job);
        var patched = await NewApplicationAsync(client, job);

        // What the board does on a drop into the empty review column, then what a client does over REST.
        var ui = await AdminAsync();
        await api.App.Services.GetRequiredService<PipelineMoves>().MoveAsync(ui, dragged, null, Stage.Review, null);
        var response = await client.PatchAsJsonAsync($"/xapi2/data/application/{patched}", new { stage = "review" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        await using var db = api.App.Db();
        var rows = await db.Applications.IgnoreQueryFilters().Where(a => a.JobId == job).OrderBy(a => a.KanbanPosition).ToListAsync();
        Assert.Equal([(dragged, Stage.Review), (patched, Stage.Review)], rows.Select(a => (a.Id, a.Stage))); // the PATCH: the bottom
        Assert.All(rows, a => Assert.True(Rank.IsValid(a.KanbanPosition)));
        foreach (var id in new[] { dragged, patched })
        {
            var history = await db.StageChanges.IgnoreQueryFilters().Where(c => c.ApplicationId == id).OrderBy(c => c.At).ToListAsync();
            Assert.Equal([(null, Stage.New), (Stage.New, Stage.Review)], history.Select(h => (h.FromStage, h.ToStage)));
        }
        var audits = await db.AuditEntries.IgnoreQueryFilters().Where(e => e.RecordId == dragged || e.RecordId == patched)
            .Where(e => e.Action == Ats.Domain.Audit.AuditAction.Update).ToListAsync();
        Assert.Equal(2, audits.Count);
        Assert.Equal(audits[0].ChangedFields.Order(), audits[1].ChangedFields.Order());
        Assert.Contains("stage", audits[0].ChangedFields);
    }

    [Fact]
    public async Task APatchNamingARankPlacesTheCardThereWithItsOtherFields()
    {
        var client = api.Client(await api.JwtAsync());
        var job = await PostAsync(client, "job", new { title = $"Rank {Guid.NewGuid():N}", status = "open" });
        var id = await NewApplicationAsync(client, job);

        var response = await client.PatchAsJsonAsync($"/xapi2/data/application/{id}", new { stage = "screening", kanban_position = "c", external_id = "ext-7" });

        var row = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.True(response.IsSuccessStatusCode, row!.ToJsonString());
        Assert.Equal(("screening", "c", "ext-7"), ((string)row!["stage"]!, (string)row["kanban_position"]!, (string)row["external_id"]!));
    }

    private async Task<Actor> AdminAsync()
    {
        await using var db = api.App.Db();
        var user = await db.Users.SingleAsync(u => u.Email == DemoSeeder.AdminEmail);
        return new Actor(user.Id, user.TenantId, Roles.Admin, user.DisplayName, Channel.Ui);
    }

    private static async Task<Guid> NewApplicationAsync(HttpClient client, Guid job)
    {
        var candidate = await PostAsync(client, "candidate", new { first_name = "Route", email = $"route-{Guid.NewGuid():N}@example.com" });
        return await PostAsync(client, "application", new { candidate_id = candidate, job_id = job });
    }

    private static async Task<Guid> PostAsync(HttpClient client, string model, object body)
    {
        var response = await client.PostAsJsonAsync($"/xapi2/data/{model}", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return Guid.Parse((string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!);
    }
}
