using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Ats.Tests.Api;

/// Paging, sorting, filtering and search on known rows: one job with five applications made for the test.
public sealed class ListTests(ApiFixture api) : IClassFixture<ApiFixture>, IAsyncLifetime
{
    private HttpClient _client = default!;
    private string _jobId = "";
    private readonly string _marker = $"zq{Guid.NewGuid():N}"[..10];

    public async Task InitializeAsync()
    {
        _client = api.Client(await api.JwtAsync());
        _jobId = await CreateAsync("job", new { title = $"List test {_marker}", status = "open" });
        string[] stages = ["new", "new", "review", "review", "rejected"];
        for (var i = 0; i < stages.Length; i++)
        {
            var candidate = await CreateAsync("candidate", new { first_name = $"{_marker}{i}", last_name = "Lister", email = $"{_marker}{i}@example.com", city = i % 2 == 0 ? "Köln" : "Bonn" });
            await CreateAsync("application", new { candidate_id = candidate, job_id = _jobId, stage = stages[i], rejection_reason = stages[i] == "rejected" ? "No fit" : null });
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<string> CreateAsync(string model, object body)
    {
        var response = await _client.PostAsJsonAsync($"/xapi2/data/{model}", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
    }

    private async Task<JsonObject> ListAsync(string query)
    {
        var response = await _client.GetAsync($"/xapi2/data/{query}");
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private static List<JsonObject> Data(JsonObject page) => page["data"]!.AsArray().Select(n => n!.AsObject()).ToList();

    [Theory]
    [InlineData(2, 0, 2, true)]
    [InlineData(2, 2, 2, true)]
    [InlineData(2, 4, 1, false)]
    [InlineData(5, 0, 5, false)]  // exactly at the boundary: no more
    [InlineData(4, 0, 4, true)]
    [InlineData(20, 5, 0, false)]
    public async Task PagesReportWhetherMoreRowsFollow(int limit, int offset, int expected, bool hasMore)
    {
        var page = await ListAsync($"application?job_id={_jobId}&limit={limit}&offset={offset}");

        Assert.Equal(expected, Data(page).Count);
        Assert.Equal(hasMore, page["meta"]!["has_more"]!.GetValue<bool>());
        Assert.Equal((limit, offset), (page["meta"]!["limit"]!.GetValue<int>(), page["meta"]!["offset"]!.GetValue<int>()));
        Assert.Null(page["meta"]!["total"]);
    }

    [Fact]
    public async Task TheTotalIsCountedOnlyWhenAskedFor()
    {
        var page = await ListAsync($"application?job_id={_jobId}&limit=1&count=true");

        Assert.Equal(5, page["meta"]!["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task FiltersTakeAnyOfSeveralValues()
    {
        var page = await ListAsync($"application?job_id={_jobId}&stage=new,rejected");

        Assert.Equal(["new", "new", "rejected"], Data(page).Select(a => a["stage"]!.GetValue<string>()).Order());
    }

    [Fact]
    public async Task SortsAscendingAndDescendingByDeclaredFields()
    {
        var ascending = Data(await ListAsync($"candidate?q={_marker}&sort=first_name")).Select(c => c["first_name"]!.GetValue<string>()).ToList();
        var descending = Data(await ListAsync($"candidate?q={_marker}&sort=-first_name")).Select(c => c["first_name"]!.GetValue<string>()).ToList();

        Assert.Equal(Enumerable.Range(0, 5).Select(i => $"{_marker}{i}"), ascending);
        Assert.Equal(ascending.AsEnumerable().Reverse(), descending);
    }

    [Fact]
    public async Task SortsByStageThenPositionLikeTheBoard()
    {
        var cards = Data(await ListAsync($"application?job_id={_jobId}&sort=stage,kanban_position"));

        var keys = cards.Select(c => (c["stage"]!.GetValue<string>(), c["kanban_position"]!.GetValue<string>())).ToList();
        Assert.Equal(keys.OrderBy(k => k.Item1, StringComparer.Ordinal).ThenBy(k => k.Item2, StringComparer.Ordinal), keys);
    }

    [Fact]
    public async Task SearchMatchesTheSearchableFieldsIgnoringCase()
    {
        Assert.Equal(5, Data(await ListAsync($"candidate?q={_marker.ToUpperInvariant()}")).Count);
        Assert.Equal(3, Data(await ListAsync($"candidate?q={_marker}&city=Köln")).Count);
        Assert.Single(Data(await ListAsync($"job?q=List test {_marker}")));
    }

    [Fact]
    public async Task CreatedAfterAndUpdatedAfterNarrowTheList()
    {
        var all = Data(await ListAsync($"application?job_id={_jobId}&sort=created_at"));
        var pivot = all[2]["created_at"]!.GetValue<string>();

        var later = Data(await ListAsync($"application?job_id={_jobId}&created_after={Uri.EscapeDataString(pivot)}"));
        Assert.Equal(2, later.Count);
        Assert.Empty(Data(await ListAsync($"application?job_id={_jobId}&updated_after=2999-01-01T00:00:00Z")));
    }
}
