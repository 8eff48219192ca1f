namespace Ats.Web.Hosting;

/// Our own settings, section "Ats" (environment: ATS__SeedDemoData=true).
public sealed class AtsSettings
{
    public const string Section = "Ats";

    /// Seed the demo organisation into an empty database. Null: only in Development.
    public bool? SeedDemoData { get; set; }

    /// Whether to seed the demo. Its accounts have published passwords, so asking for it outside Development stops the
    /// start with this error rather than open the app to anyone who read the README.
    public bool ShouldSeedDemoData(IHostEnvironment environment) => SeedDemoData switch
    {
        null => environment.IsDevelopment(),
        true when !environment.IsDevelopment() => throw new InvalidOperationException(
            $"Ats:SeedDemoData is true, but the environment is '{environment.EnvironmentName}'. The demo accounts have published " +
            "passwords, so the demo data is seeded only in Development: remove Ats:SeedDemoData (ATS__SeedDemoData) or run in Development."),
        { } value => value,
    };

    /// Serve /bench/ceiling, the constant-JSON baseline of the API benchmark (tools/bench.sh). Off by default.
    public bool BenchmarkCeiling { get; set; }
}
