using System.Net;
using System.Net.Sockets;

namespace Ats.Domain.Webhooks;

/// The SSRF guard: a webhook may only reach public addresses over http(s). Checked when an endpoint is saved and again
/// on every connection (DNS can change between the two), and the connection goes to the very address that was checked,
/// so a rebinding name cannot slip a private address in between.
public static class WebhookTargets
{
    public const int MaxUrlLength = 2000;

    // The networks a webhook must never reach: this host, the local network, the cloud's metadata service.
    private static readonly (IPAddress Network, int Prefix)[] Refused =
    [
        (IPAddress.Parse("0.0.0.0"), 8),        // "this network"
        (IPAddress.Parse("10.0.0.0"), 8),       // private
        (IPAddress.Parse("100.64.0.0"), 10),    // carrier-grade NAT
        (IPAddress.Parse("127.0.0.0"), 8),      // loopback
        (IPAddress.Parse("169.254.0.0"), 16),   // link-local, including the metadata address 169.254.169.254
        (IPAddress.Parse("172.16.0.0"), 12),    // private
        (IPAddress.Parse("192.0.0.0"), 24),     // IETF protocol assignments (NAT64 discovery and the like)
        (IPAddress.Parse("192.168.0.0"), 16),   // private
        (IPAddress.Parse("198.18.0.0"), 15),    // benchmarking, used inside some clouds
        (IPAddress.Parse("224.0.0.0"), 4),      // multicast
        (IPAddress.Parse("240.0.0.0"), 4),      // reserved, and the broadcast address
        (IPAddress.Parse("::"), 128),           // unspecified
        (IPAddress.Parse("::1"), 128),          // loopback
        (IPAddress.Parse("64:ff9b:1::"), 48),   // local-use NAT64
        (IPAddress.Parse("fc00::"), 7),         // unique local, including the metadata address fd00:ec2::254
        (IPAddress.Parse("fe80::"), 10),        // link-local
        (IPAddress.Parse("ff00::"), 8),         // multicast
    ];

    /// True when a webhook may be sent to <paramref name="address"/>. IPv4 inside IPv6 (::ffff:10.0.0.1, ::10.0.0.1,
    /// 64:ff9b::10.0.0.1) is judged by the IPv4 address it carries.
    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) return IsPublic(address.MapToIPv4());
        if (address.AddressFamily == AddressFamily.InterNetworkV6 && EmbeddedIPv4(address) is { } embedded) return IsPublic(embedded);
        return !Refused.Any(r => r.Network.AddressFamily == address.AddressFamily && InNetwork(address, r.Network, r.Prefix));
    }

    /// IPv4-compatible (::a.b.c.d, deprecated) and the well-known NAT64 prefix 64:ff9b::/96.
    private static IPAddress? EmbeddedIPv4(IPAddress address)
    {
        var bytes = address.GetAddressBytes();
        var compatible = bytes.AsSpan(0, 12).IndexOfAnyExcept((byte)0) < 0 && !(bytes[12] == 0 && bytes[13] == 0 && bytes[14] == 0);
        var nat64 = bytes[0] == 0x00 && bytes[1] == 0x64 && bytes[2] == 0xff && bytes[3] == 0x9b && bytes.AsSpan(4, 8).IndexOfAnyExcept((byte)0) < 0;
        return compatible || nat64 ? new IPAddress(bytes.AsSpan(12, 4)) : null;
    }

    private static bool InNetwork(IPAddress address, IPAddress network, int prefix)
    {
        var a = address.GetAddressBytes();
        var n = network.GetAddressBytes();
        for (var i = 0; i < a.Length && prefix > 0; i++, prefix -= 8)
        {
            var mask = prefix >= 8 ? 0xFF : 0xFF << (8 - prefix) & 0xFF;
            if ((a[i] & mask) != (n[i] & mask)) return false;
        }
        return true;
    }

    /// Why <paramref name="url"/> cannot be a webhook target, or null when it can.
    public static async Task<string?> ProblemAsync(string url, bool allowPrivate, CancellationToken ct)
    {
        if (url.Length > MaxUrlLength) return Resources.Messages.TooLong(MaxUrlLength);
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.Host.Length == 0
            || uri.UserInfo.Length > 0)
            return Resources.Messages.WebhookUrlInvalid;
        if (allowPrivate) return null;
        try
        {
            var addresses = await ResolveAsync(uri.IdnHost, ct);
            return addresses.All(IsPublic) ? null : Resources.Messages.WebhookUrlPrivate;
        }
        catch (SocketException)
        {
            return Resources.Messages.WebhookHostUnknown;
        }
    }

    private static async Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct) =>
        IPAddress.TryParse(host.Trim('[', ']'), out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, ct);

    /// The HTTP handler for deliveries: connects only to checked addresses, never follows a redirect, never uses a proxy
    /// (a proxy would connect on our behalf, past the check).
    public static SocketsHttpHandler Handler(bool allowPrivate) => new()
    {
        AllowAutoRedirect = false,
        UseProxy = false,
        UseCookies = false,
        ConnectTimeout = TimeSpan.FromSeconds(10),
        PooledConnectionLifetime = TimeSpan.FromMinutes(1), // so a changed DNS answer is checked again soon
        ConnectCallback = (context, ct) => ConnectAsync(context.DnsEndPoint, allowPrivate, ct),
    };

    private static async ValueTask<Stream> ConnectAsync(DnsEndPoint target, bool allowPrivate, CancellationToken ct)
    {
        var addresses = await ResolveAsync(target.Host, ct);
        // Every answer must be public: a name that resolves to a public and a private address is refused outright.
        if (!allowPrivate && !addresses.All(IsPublic))
            throw new HttpRequestException(HttpRequestError.ConnectionError, Resources.Messages.WebhookUrlPrivate);
        SocketException? last = null;
        foreach (var address in addresses)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, target.Port), ct);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException ex)
            {
                socket.Dispose();
                last = ex;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }
        throw last ?? new SocketException((int)SocketError.HostNotFound);
    }
}
