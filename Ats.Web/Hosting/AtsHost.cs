using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Ats.Web.Hosting;

/// The web application builder, independent of the folder the process was started from.
public static class AtsHost
{
    /// Log levels when no appsettings.json or environment variable says otherwise: EF's SQL and ASP.NET Core's
    /// per-request lines stay out of the log. Any configuration source overrides them.
    private static readonly Dictionary<string, string?> DefaultLogLevels = new()
    {
        ["Logging:LogLevel:Default"] = "Information",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Warning",
    };

    public static WebApplicationBuilder CreateBuilder(string[] args)
    {
        // The content root is the app's own folder, not the working directory: started from anywhere, the app reads
        // its appsettings.json (and its log levels). An explicit --contentRoot (as the test host passes) still wins.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = HasExplicitContentRoot(args) ? null : AppContext.BaseDirectory,
        });
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = DefaultLogLevels });
        builder.Services.Replace(ServiceDescriptor.Singleton<ILoggerFactory>(sp =>
            new ScrubbingLoggerFactory(ActivatorUtilities.CreateInstance<LoggerFactory>(sp))));
        return builder;
    }

    private static bool HasExplicitContentRoot(string[] args) =>
        args.Any(a => a.Contains("contentRoot", StringComparison.OrdinalIgnoreCase))
        || Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT") is { Length: > 0 };
}
