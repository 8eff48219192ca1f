namespace Ats.Web.Hosting;

/// Our own settings, section "Ats" (environment: ATS__SeedDemoData=true).
public sealed class AtsSettings
{
    public const string Section = "Ats";

    /// Seed the demo organisation into an empty database. Null: only in Development.
    public bool? SeedDemoData { get; set; }

    /// Serve /bench/ceiling, the constant-JSON baseline of the API benchmark (tools/bench.sh). Off by default.
    public bool BenchmarkCeiling { get; set; }
}
