using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using Ats.Domain.Demo;

namespace Ats.Benchmarks;

/// Issue 7: N WebSocket subscribers on one host while writes go through the REST API at a fixed rate. Measures, for every
/// event every subscriber receives, the time from the write's commit time ("ts") to receipt, and the server's memory per
/// socket (resident set before and after the sockets opened). Usage: live <base-url> <server-pid> [subscribers] [writes/s] [seconds]
public static class LiveBenchmark
{
    public static async Task<int> RunAsync(string baseUrl, int serverPid, int subscribers, int writesPerSecond, int seconds)
    {
        using var http = new HttpClient { BaseAddress = new Uri(baseUrl) };
        var login = await http.PostAsJsonAsync("/xapi2/auth/token", new { email = DemoSeeder.AdminEmail, password = DemoSeeder.Password });
        var token = (string)(await login.Content.ReadFromJsonAsync<JsonObject>())!["access_token"]!;
        http.DefaultRequestHeaders.Authorization = new("Bearer", token);
        var candidates = (await http.GetFromJsonAsync<JsonObject>("/xapi2/data/candidate?limit=200"))!["data"]!.AsArray()
            .Select(c => (string)c!["id"]!).ToList();

        var before = ResidentBytes(serverPid);
        var sockets = new List<ClientWebSocket>();
        for (var i = 0; i < subscribers; i++) sockets.Add(await SubscribeAsync(baseUrl, token));
        await Task.Delay(TimeSpan.FromSeconds(2)); // let the server settle before reading its memory
        var after = ResidentBytes(serverPid);

        var latencies = new List<(long EventId, double Ms)>[subscribers];
        using var stop = new CancellationTokenSource();
        var readers = sockets.Select((socket, i) => ReadAsync(socket, latencies[i] = [], stop.Token)).ToList();

        // The writer: PATCHes at a fixed pace, a few in flight, each changing the value so each is a real write.
        var writes = 0;
        var failures = 0;
        var interval = TimeSpan.FromSeconds(1.0 / writesPerSecond);
        var clock = Stopwatch.StartNew();
        var inFlight = new List<Task>();
        var writeTimes = new System.Collections.Concurrent.ConcurrentBag<double>();
        while (clock.Elapsed < TimeSpan.FromSeconds(seconds))
        {
            var due = interval * writes;
            if (due > clock.Elapsed) await Task.Delay(due - clock.Elapsed);
            var id = candidates[writes % candidates.Count];
            var n = writes++;
            inFlight.Add(Task.Run(async () =>
            {
                var started = Stopwatch.GetTimestamp();
                var response = await http.PatchAsJsonAsync($"/xapi2/data/candidate/{id}", new { city = $"Bench {n}" });
                writeTimes.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (!response.IsSuccessStatusCode) Interlocked.Increment(ref failures);
            }));
            inFlight.RemoveAll(t => t.IsCompleted);
        }
        await Task.WhenAll(inFlight);
        // The last events: until every subscriber has them all, bounded so that a lost event fails the run instead of hanging it.
        var expectedEach = writes - failures;
        for (var waited = Stopwatch.StartNew(); waited.Elapsed < TimeSpan.FromSeconds(30) && latencies.Any(l => l.Count < expectedEach);)
            await Task.Delay(50);
        await stop.CancelAsync();
        await Task.WhenAll(readers);

        var all = latencies.SelectMany(l => l).Select(l => l.Ms).Order().ToList();
        // Per event: the first subscriber to get it shows the server's delay before fan-out, the last one the fan-out's.
        var perEvent = latencies.SelectMany(l => l).GroupBy(l => l.EventId).Select(g => (First: g.Min(l => l.Ms), Last: g.Max(l => l.Ms))).ToList();
        var firsts = perEvent.Select(e => e.First).Order().ToList();
        var lasts = perEvent.Select(e => e.Last).Order().ToList();
        var expected = (long)writes * subscribers;
        Console.WriteLine($"subscribers: {subscribers}, writes: {writes} in {seconds} s ({writes / (double)seconds:0.0}/s), failed writes: {failures}");
        var writeOrder = writeTimes.Order().ToList();
        Console.WriteLine($"PATCH round trip: p50 {Percentile(writeOrder, 0.50):0.0} ms, p99 {Percentile(writeOrder, 0.99):0.0} ms");
        Console.WriteLine($"events received: {all.Count} of {expected} ({100.0 * all.Count / expected:0.00} %)");
        if (all.Count > 0)
        {
            Console.WriteLine($"commit → receipt: p50 {Percentile(all, 0.50):0.0} ms, p99 {Percentile(all, 0.99):0.0} ms, max {all[^1]:0.0} ms");
            Console.WriteLine($"first subscriber per event: p50 {Percentile(firsts, 0.50):0.0} ms, p99 {Percentile(firsts, 0.99):0.0} ms; "
                + $"last: p50 {Percentile(lasts, 0.50):0.0} ms, p99 {Percentile(lasts, 0.99):0.0} ms");
        }
        Console.WriteLine($"server memory: {before / 1048576.0:0.0} MiB before, {after / 1048576.0:0.0} MiB with the sockets: "
            + $"{(after - before) / 1024.0 / subscribers:0.0} KiB per connection");
        foreach (var socket in sockets) socket.Abort();
        return all.Count == expected && failures == 0 ? 0 : 1;
    }

    private static async Task<ClientWebSocket> SubscribeAsync(string baseUrl, string token)
    {
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(baseUrl.Replace("http://", "ws://") + "/xapi2/ch?token=" + token), CancellationToken.None);
        await socket.SendAsync("""{"op":"subscribe","id":"s","dataType":"candidate"}"""u8.ToArray(), WebSocketMessageType.Text, true, CancellationToken.None);
        var buffer = new byte[4096];
        await socket.ReceiveAsync(buffer, CancellationToken.None); // "subscribed"
        return socket;
    }

    /// Reads events and notes each one's delay; only the "ts" member is looked at, to keep the client's share of the CPU small.
    private static async Task ReadAsync(ClientWebSocket socket, List<(long, double)> latencies, CancellationToken stop)
    {
        var buffer = new byte[64 * 1024];
        var marker = "\"ts\":\""u8.ToArray();
        var idMarker = "\"event_id\":\""u8.ToArray();
        try
        {
            var length = 0;
            while (!stop.IsCancellationRequested)
            {
                var received = await socket.ReceiveAsync(buffer.AsMemory(length), stop);
                length += received.Count;
                if (!received.EndOfMessage) continue;
                var now = DateTime.UtcNow;
                var frame = buffer.AsSpan(0, length);
                var at = frame.IndexOf(marker);
                if (at >= 0)
                {
                    var start = at + marker.Length;
                    var end = frame[start..].IndexOf((byte)'"');
                    var ts = DateTime.Parse(Encoding.UTF8.GetString(frame.Slice(start, end)), CultureInfo.InvariantCulture,
                        DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
                    var idStart = frame.IndexOf(idMarker) + idMarker.Length;
                    var id = long.Parse(Encoding.ASCII.GetString(frame.Slice(idStart, frame[idStart..].IndexOf((byte)'"'))), CultureInfo.InvariantCulture);
                    latencies.Add((id, (now - ts).TotalMilliseconds));
                }
                length = 0;
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static long ResidentBytes(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }
}
