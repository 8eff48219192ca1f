namespace Ats.Benchmarks;

/// Not top-level statements: their class "Program" would clash with the app's in Ats.Tests, which runs the benchmarks tiny.
internal static class BenchmarkMain
{
    private static async Task<int> Main(string[] args)
    {
        // The board benchmark (issue 4) runs on its own: Ats.Benchmarks board <sqlite-file> [hiring managers] [renders].
        if (args is ["board", var boardDatabase, .. var boardRest])
            return await BoardBenchmark.RunAsync(boardDatabase, new(HiringManagers: boardRest.Length > 0 ? int.Parse(boardRest[0]) : 0,
                Renders: boardRest.Length > 1 ? int.Parse(boardRest[1]) : 20));
        // The live-events benchmark (issue 7) against a running app: tools/bench-live.sh starts one and runs it.
        if (args is ["live", var liveUrl, var serverPid, .. var rest])
            return await LiveBenchmark.RunAsync(liveUrl, int.Parse(serverPid),
                rest.Length > 0 ? int.Parse(rest[0]) : 500, rest.Length > 1 ? int.Parse(rest[1]) : 100, rest.Length > 2 ? int.Parse(rest[2]) : 30);

        // Prepares the API benchmark (tools/bench.sh runs the load): Ats.Benchmarks <sqlite-file> <output-folder>.
        if (args.Length != 2)
        {
            Console.Error.WriteLine("usage: Ats.Benchmarks <sqlite-file> <output-folder> | Ats.Benchmarks board <sqlite-file> [hiring managers] [renders]");
            return 2;
        }
        await RestSeed.RunAsync(args[0], args[1], 100_000);
        return 0;
    }
}
