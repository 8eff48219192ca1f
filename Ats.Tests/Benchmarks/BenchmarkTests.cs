using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Ats.Benchmarks;
using Ats.Tests.Support;

namespace Ats.Tests.Benchmarks;

/// Every benchmark in docs/benchmarks.md, run tiny: what it measures still works (cards render, moves persist, every
/// event arrives, every scenario answers 2xx with the expected shape). Never timing.
public sealed class BenchmarkTests
{
    [Fact]
    public async Task TheBoardBenchmarkRendersEveryCardAndPersistsEveryMove()
    {
        var path = AppFactory.NewDatabasePath();
        try
        {
            var result = await BoardBenchmark.MeasureAsync(path, new BoardOptions(Applications: 40, Renders: 2, Moves: 5, WarmUps: 1, MoveWarmUps: 1, HiringManagers: 5));
            Assert.InRange(result.VisibleCards, 1, 40);
            Assert.Equal(2, result.Renders.Count);
            Assert.Equal(5, result.Moves.Count);
        }
        finally
        {
            AppFactory.DeleteDatabase(path);
        }
    }

    [Fact]
    public async Task TheLiveBenchmarkDeliversEveryEventToEverySubscriber()
    {
        await using var host = new KestrelHost(seedDemoData: true);
        // 0: every write answered 2xx and every subscriber received every event.
        Assert.Equal(0, await LiveBenchmark.RunAsync(host.BaseUrl.ToString().TrimEnd('/'), Environment.ProcessId, subscribers: 5, writesPerSecond: 10, seconds: 1));
    }

    [Fact]
    public async Task TheRestScenariosAnswerOnTheSeededData()
    {
        var path = AppFactory.NewDatabasePath();
        var output = Directory.CreateTempSubdirectory("ats-bench-").FullName;
        try
        {
            await RestSeed.RunAsync(path, output, candidates: 50);
            await using var app = new AppFactory(path, seedDemoData: false, new Dictionary<string, string> { ["Ats:BenchmarkCeiling"] = "true" });
            using var http = app.CreateClient();
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await File.ReadAllTextAsync(Path.Combine(output, "token")));

            var ceiling = await http.GetAsync("/bench/ceiling?bytes=2000");
            Assert.True(ceiling.IsSuccessStatusCode);
            Assert.Equal(2000, (await ceiling.Content.ReadAsByteArrayAsync()).Length); // as large as the list answer it stands for
            // The same lines tools/bench.sh reads.
            var scenarios = await File.ReadAllLinesAsync(Path.Combine(output, "scenarios"));
            Assert.Equal(["list", "filtered", "search"], scenarios.Select(s => s.Split(' ')[0]));
            foreach (var url in scenarios.Select(s => s.Split(' ')[1]))
            {
                var page = await http.GetFromJsonAsync<JsonObject>(url);
                Assert.IsType<JsonArray>(page!["data"]);
            }
            var list = (await http.GetFromJsonAsync<JsonObject>(scenarios[0].Split(' ')[1]))!["data"]!.AsArray();
            Assert.Equal(50, list.Count);

            var ids = await File.ReadAllLinesAsync(Path.Combine(output, "application-ids"));
            Assert.NotEmpty(ids);
            foreach (var (id, n) in ids.Take(3).Select((id, n) => (id, n)))
            {
                var patch = await http.PatchAsJsonAsync($"/xapi2/data/application/{id}", new { rejection_reason = $"benchmark {n}" });
                Assert.True(patch.IsSuccessStatusCode, await patch.Content.ReadAsStringAsync());
            }
        }
        finally
        {
            AppFactory.DeleteDatabase(path);
            Directory.Delete(output, recursive: true);
        }
    }
}
