using Ats.Web.Api.Access;
using Ats.Web.Api.Operations;

namespace Ats.Web.Api.Sockets;

/// What one caller may take of the channel: open sockets per token and per client address
/// (Ats:Channel:MaxSocketsPerToken, MaxSocketsPerIp), and a request budget per frame shared with REST (Ats:RateLimits).
public sealed class SocketLimits(ChannelSettings settings, RateLimits rates)
{
    private readonly Dictionary<string, int> _open = new(StringComparer.Ordinal);

    /// A place for one more socket of this token and address, given back when disposed; null and the refusal when
    /// either has all its sockets open.
    public SocketPlace? TryOpen(string tokenKey, string? ip, out Problem? refusal)
    {
        var ipKey = "ip:" + Hosting.ClientAddresses.Partition(ip);
        lock (_open)
        {
            refusal = _open.GetValueOrDefault(tokenKey) >= settings.MaxSocketsPerToken
                ? TooMany($"This token has {settings.MaxSocketsPerToken} sockets open, as many as one token may; close one or share it between subscriptions.")
                : _open.GetValueOrDefault(ipKey) >= settings.MaxSocketsPerIp
                    ? TooMany($"Your address has {settings.MaxSocketsPerIp} sockets open, as many as one address may; close one first.")
                    : null;
            if (refusal is not null) return null;
            _open[tokenKey] = _open.GetValueOrDefault(tokenKey) + 1;
            _open[ipKey] = _open.GetValueOrDefault(ipKey) + 1;
        }
        return new SocketPlace(this, tokenKey, ip);
    }

    /// Spends one request of the REST budgets for a frame: null when allowed, else the refusal to answer with.
    internal Problem? SpendRequest(string tokenKey, string? ip) => rates.TryAcquireForSocket(tokenKey, ip) is { } seconds
        ? new Problem(429, "rate_limited", $"Too many requests. Try again in {seconds} s.", RetryAfter: seconds)
        : null;

    private static Problem TooMany(string detail) => new(429, "too_many_sockets", detail);

    internal void Release(string tokenKey, string? ip)
    {
        var ipKey = "ip:" + Hosting.ClientAddresses.Partition(ip);
        lock (_open)
            foreach (var key in new[] { tokenKey, ipKey })
                if (_open[key] <= 1) _open.Remove(key);
                else _open[key]--;
    }
}

/// One open socket's share of the limits: its place among the open sockets (given back when disposed), and the
/// request budget its frames spend, under the key its token's REST requests use.
public sealed class SocketPlace(SocketLimits limits, string tokenKey, string? ip) : IDisposable
{
    private int _released;

    public Problem? SpendRequest() => limits.SpendRequest(tokenKey, ip);

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0) limits.Release(tokenKey, ip);
    }
}
