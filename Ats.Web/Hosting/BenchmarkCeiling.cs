using System.Collections.Concurrent;
using System.Text;

namespace Ats.Web.Hosting;

/// The ceiling of the API benchmark: the same host answering a constant JSON body of a given size,
/// with no database, no token check and no serialisation. API throughput is reported as a share of it.
public static class BenchmarkCeiling
{
    private static readonly ConcurrentDictionary<int, byte[]> Bodies = new();

    public static void MapBenchmarkCeiling(this IEndpointRouteBuilder app) =>
        app.MapGet("/bench/ceiling", (int bytes) => Results.Bytes(
            Bodies.GetOrAdd(Math.Clamp(bytes, 16, 1 << 20), size => Encoding.UTF8.GetBytes($"{{\"data\":\"{new string('x', size - 11)}\"}}")),
            "application/json"));
}
