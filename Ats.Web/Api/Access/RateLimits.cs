using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Ats.Domain.Tokens;
using Microsoft.AspNetCore.RateLimiting;
using Ats.Web.Api.Operations;

namespace Ats.Web.Api.Access;

/// Ats:RateLimits: requests per minute for each token and for each client address.
public sealed class RateLimitSettings
{
    public int PerTokenPerMinute { get; set; } = 600;
    public int PerIpPerMinute { get; set; } = 1200;
}

/// Fixed one-minute windows per token and per IP through ASP.NET Core's rate limiter, answering 429 (not its default 503)
/// with Retry-After and a problem document, and RateLimit-Limit/-Remaining/-Reset on every /xapi2 response.
public sealed class RateLimits
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private readonly RateLimitSettings _settings;
    private readonly TimeProvider _clock;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _windowStarts = new();

    /// One window per key ("ip:…" or "token:…"), shared by HTTP requests and socket frames: one budget, whatever the way in.
    private readonly PartitionedRateLimiter<string> _windows;

    public RateLimits(RateLimitSettings settings, TimeProvider clock)
    {
        (_settings, _clock) = (settings, clock);
        _windows = PartitionedRateLimiter.Create<string, string>(key => key.Length == 0
            ? RateLimitPartition.GetNoLimiter(key)
            : Partition(key, key.StartsWith("ip:", StringComparison.Ordinal) ? settings.PerIpPerMinute : settings.PerTokenPerMinute));
        PerIp = _windows.WithTranslatedKey<HttpContext>(IpKey, leaveOpen: true);
        PerToken = _windows.WithTranslatedKey<HttpContext>(http => TokenKey(http) ?? "", leaveOpen: true);
    }

    public PartitionedRateLimiter<HttpContext> PerIp { get; }
    public PartitionedRateLimiter<HttpContext> PerToken { get; }

    /// Spends one request of a socket frame from the same budgets as REST: null when allowed, else the seconds until
    /// the window that refused it starts afresh.
    public int? TryAcquireForSocket(string tokenKey, string? ip)
    {
        foreach (var key in new[] { IpKey(ip), tokenKey })
        {
            using var lease = _windows.AttemptAcquire(key);
            if (!lease.IsAcquired) return SecondsToReset(key);
        }
        return null;
    }

    public static IServiceCollection AddXapiRateLimits(IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection("Ats:RateLimits").Get<RateLimitSettings>() ?? new RateLimitSettings();
        services.AddSingleton(sp => new RateLimits(settings, sp.GetRequiredService<TimeProvider>()));
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<RateLimits>((options, limits) =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.CreateChained(limits.PerIp, limits.PerToken);
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = async (context, _) =>
            {
                // The same figure as RateLimit-Reset: the end of the window that refused the request.
                var seconds = limits.SecondsToReset(limits.Tightest(context.HttpContext).Partition);
                context.HttpContext.Response.Headers.RetryAfter = seconds.ToString();
                await Problems.Of(context.HttpContext, new Problem(429, "rate_limited", $"Too many requests. Try again in {seconds} s.", RetryAfter: seconds))
                    .ExecuteAsync(context.HttpContext);
            };
        });
        return services;
    }

    /// Adds the RateLimit-* headers from the tighter of the two windows, as the response starts.
    public void AddHeaders(HttpContext http)
    {
        var (remaining, limit, partition) = Tightest(http);
        http.Response.Headers["RateLimit-Limit"] = limit.ToString();
        http.Response.Headers["RateLimit-Remaining"] = Math.Max(0, remaining).ToString();
        http.Response.Headers["RateLimit-Reset"] = SecondsToReset(partition).ToString();
    }

    /// The window (per address or per token) with the fewest requests left.
    internal (long Remaining, int Limit, string Partition) Tightest(HttpContext http)
    {
        var ip = (PerIp.GetStatistics(http)?.CurrentAvailablePermits ?? _settings.PerIpPerMinute, _settings.PerIpPerMinute, IpKey(http));
        var token = TokenKey(http) is { } key
            ? (PerToken.GetStatistics(http)?.CurrentAvailablePermits ?? _settings.PerTokenPerMinute, _settings.PerTokenPerMinute, key)
            : ip;
        return token.Item1 < ip.Item1 ? token : ip;
    }

    private RateLimitPartition<string> Partition(string key, int permits) =>
        RateLimitPartition.GetFixedWindowLimiter(key, k =>
        {
            var now = _clock.GetUtcNow();
            // Keys come from whatever clients send; forget the windows of partitions the limiter has long let go of.
            if (_windowStarts.Count > 10_000)
                foreach (var (old, start) in _windowStarts)
                    if (now - start > 10 * Window) _windowStarts.TryRemove(old, out _);
            _windowStarts[k] = now;
            return new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = Window, QueueLimit = 0, AutoReplenishment = true };
        });

    internal int SecondsToReset(string partition)
    {
        if (!_windowStarts.TryGetValue(partition, out var start)) return (int)Window.TotalSeconds;
        var intoWindow = (_clock.GetUtcNow() - start).Ticks % Window.Ticks;
        return Math.Max(1, (int)Math.Ceiling(TimeSpan.FromTicks(Window.Ticks - intoWindow).TotalSeconds));
    }

    private static string IpKey(HttpContext http) => IpKey(http.Connection.RemoteIpAddress?.ToString());

    private static string IpKey(string? ip) => "ip:" + Hosting.ClientAddresses.Partition(ip);

    /// The partition of a bearer token, as sent: a hash, so the limiter never holds a token.
    private static string TokenKeyOf(string token) => "token:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)))[..32];

    /// A socket's partition: its token's, as its REST requests count. One rule for both ways in: a socket opened with a
    /// ticket has no token in the request and counts under the token that made the ticket (PAT or JWT, by the same hash).
    public static string SocketKey(HttpContext http) => TokenKey(http)
        ?? BearerAuthentication.Ticket(http)?.RateKey
        ?? (http.Credential() is BearerCredential.Pat pat ? "token:" + pat.Hash[..32] : http.Credential().Key); // tickets made before RateKey

    private static readonly object TokenKeyItem = new();

    /// Partitions by a hash of the bearer token (the header, or the socket's ?token=), so the limit holds before
    /// (and whether or not) the token is valid. Hashed once per request: the limiter, its statistics and the headers all ask.
    public static string? TokenKey(HttpContext http)
    {
        if (http.Items.TryGetValue(TokenKeyItem, out var known)) return (string?)known;
        var key = BearerTokens.FromRequest(http) is { } token ? TokenKeyOf(token) : null;
        http.Items[TokenKeyItem] = key;
        return key;
    }
}
