using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Ats.Web.Hosting;

/// Ats:ForwardedHeaders:KnownProxies: the reverse proxies (addresses, or networks as 10.0.0.0/8) whose
/// X-Forwarded-For and X-Forwarded-Proto are believed, so rate limits see the client's address and cookies the
/// scheme it used. Only these are trusted (not even loopback by default); from anyone else the headers are ignored.
public static class ForwardedHeadersSetup
{
    public const string Section = "Ats:ForwardedHeaders:KnownProxies";

    public static void AddForwardedHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = KnownProxies(configuration);
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            o.ForwardLimit = null; // walk back through every known proxy of a chain; the first unknown one stops it
            foreach (var proxy in proxies)
            {
                if (IPAddress.TryParse(proxy, out var address)) o.KnownProxies.Add(address);
                else if (System.Net.IPNetwork.TryParse(proxy, out var network)) o.KnownIPNetworks.Add(network);
                else throw new InvalidOperationException($"{Section}: '{proxy}' is neither an IP address nor a network (10.0.0.0/8).");
            }
        });
    }

    public static bool Configured(IConfiguration configuration) => KnownProxies(configuration).Length > 0;

    /// A list (KnownProxies:0, KnownProxies:1 …) or one comma-separated value (ATS__ForwardedHeaders__KnownProxies=a,b).
    private static string[] KnownProxies(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var values = section.Value is { } single ? single.Split(',') : section.GetChildren().Select(c => c.Value ?? "");
        return values.Select(v => v.Trim()).Where(v => v.Length > 0).ToArray();
    }
}
