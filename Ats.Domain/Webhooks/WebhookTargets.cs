using System.Net;
using System.Net.Sockets;

namespace Ats.Domain.Webhooks;

/// The SSRF guard: a webhook may only reach public addresses over http(s), on the usual web ports. Checked when an
/// endpoint is saved and again on every connection (DNS can change between the two), and the connection goes to the
/// very address that was checked, so a rebinding name cannot slip a private address in between.
public static class WebhookTargets
{
    public const int MaxUrlLength = 2000;

    /// The ports a webhook may use without Ats:Webhooks:AllowPrivateTargets: a URL must not become a port scanner.
    public static readonly int[] Ports = [80, 443, 8080, 8443];

    // The cloud's metadata services: never reached, not even with AllowPrivateTargets (they hand out credentials).
    private static readonly (IPAddress Network, int Prefix)[] Metadata =
    [
        (IPAddress.Parse("169.254.0.0"), 16),     // link-local: 169.254.169.254 (AWS, GCP, Azure, OCI …), 169.254.170.2 (ECS)
        (IPAddress.Parse("100.100.100.200"), 32), // Alibaba Cloud
        (IPAddress.Parse("168.63.129.16"), 32),   // Azure's host endpoint (WireServer)
        (IPAddress.Parse("fd00:ec2::254"), 128),  // AWS over IPv6
    ];

    // The names of metadata services, refused even before they resolve (they do only inside their cloud).
    private static readonly string[] MetadataNames = ["metadata.google.internal", "metadata.goog", "metadata"];

    // The networks a webhook must never reach: this host, the local network, transition tunnels that lead into one.
    private static readonly (IPAddress Network, int Prefix)[] Refused =
    [
        .. Metadata,
        (IPAddress.Parse("0.0.0.0"), 8),        // "this network"
        (IPAddress.Parse("10.0.0.0"), 8),       // private
        (IPAddress.Parse("100.64.0.0"), 10),    // carrier-grade NAT
        (IPAddress.Parse("127.0.0.0"), 8),      // loopback
        (IPAddress.Parse("172.16.0.0"), 12),    // private
        (IPAddress.Parse("192.0.0.0"), 24),     // IETF protocol assignments (NAT64 discovery and the like)
        (IPAddress.Parse("192.168.0.0"), 16),   // private
        (IPAddress.Parse("198.18.0.0"), 15),    // benchmarking, used inside some clouds
        (IPAddress.Parse("224.0.0.0"), 4),      // multicast
        (IPAddress.Parse("240.0.0.0"), 4),      // reserved, and the broadcast address
        (IPAddress.Parse("::"), 128),           // unspecified
        (IPAddress.Parse("::1"), 128),          // loopback
        (IPAddress.Parse("64:ff9b::"), 32),     // NAT64 beyond the well-known /96 (judged by its IPv4), e.g. local-use 64:ff9b:1::/48
        (IPAddress.Parse("100::"), 64),         // discard-only
        (IPAddress.Parse("2001::"), 32),        // Teredo: a tunnel whose far end is an IPv4 address of anyone's choosing
        (IPAddress.Parse("2002::"), 16),        // 6to4: likewise
        (IPAddress.Parse("fc00::"), 7),         // unique local, including the metadata address fd00:ec2::254
        (IPAddress.Parse("fe80::"), 10),        // link-local
        (IPAddress.Parse("fec0::"), 10),        // site-local (deprecated, still routed inside some networks)
        (IPAddress.Parse("ff00::"), 8),         // multicast
    ];

    /// True when a webhook may be sent to <paramref name="address"/>. IPv4 inside IPv6 (::ffff:10.0.0.1, ::ffff:0:10.0.0.1,
    /// ::10.0.0.1, 64:ff9b::10.0.0.1) is judged by the IPv4 address it carries.
    public static bool IsPublic(IPAddress address) => !InAny(Unwrap(address), Refused);

    /// A cloud metadata address, in any spelling: refused even when private targets are allowed.
    public static bool IsMetadata(IPAddress address) => InAny(Unwrap(address), Metadata);

    public static bool IsAllowed(IPAddress address, bool allowPrivate) => allowPrivate ? !IsMetadata(address) : IsPublic(address);

    /// The IPv4 address an IPv6 address carries where its range embeds one: IPv4-mapped (::ffff:0:0/96), IPv4-translated
    /// (::ffff:0:0:0/96), IPv4-compatible (::/96, deprecated) and the well-known NAT64 prefix 64:ff9b::/96.
    private static IPAddress Unwrap(IPAddress address)
    {
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return address;
        var b = address.GetAddressBytes();
        var zeroTo8 = b.AsSpan(0, 8).IndexOfAnyExcept((byte)0) < 0;
        var mapped = zeroTo8 && b[8] == 0 && b[9] == 0 && b[10] == 0xff && b[11] == 0xff;
        var translated = zeroTo8 && b[8] == 0xff && b[9] == 0xff && b[10] == 0 && b[11] == 0;
        var compatible = b.AsSpan(0, 12).IndexOfAnyExcept((byte)0) < 0;
        var nat64 = b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b && b.AsSpan(4, 8).IndexOfAnyExcept((byte)0) < 0;
        return mapped || translated || compatible || nat64 ? new IPAddress(b.AsSpan(12, 4)) : address;
    }

    private static bool InAny(IPAddress address, (IPAddress Network, int Prefix)[] networks) =>
        networks.Any(r => r.Network.AddressFamily == address.AddressFamily && InNetwork(address, r.Network, r.Prefix));

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
        try
        {
            var addresses = await ResolveAsync(uri.IdnHost, ct);
            if (!addresses.All(a => IsAllowed(a, allowPrivate))) return Resources.Messages.WebhookUrlPrivate;
        }
        catch (SocketException)
        {
            return Resources.Messages.WebhookHostUnknown;
        }
        return allowPrivate || Ports.Contains(uri.Port) ? null : Resources.Messages.WebhookUrlPort(string.Join(", ", Ports));
    }

    private static async Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct)
    {
        if (IPAddress.TryParse(host.Trim('[', ']'), out var literal)) return [literal];
        if (MetadataNames.Contains(host.TrimEnd('.').ToLowerInvariant())) return [IPAddress.Parse("169.254.169.254")]; // what they stand for
        return await Dns.GetHostAddressesAsync(host, ct);
    }

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
        // Every answer must be allowed: a name that resolves to a public and a private address is refused outright.
        if (!addresses.All(a => IsAllowed(a, allowPrivate)))
            throw new HttpRequestException(HttpRequestError.ConnectionError, Resources.Messages.WebhookUrlPrivate);
        if (!allowPrivate && !Ports.Contains(target.Port))
            throw new HttpRequestException(HttpRequestError.ConnectionError, Resources.Messages.WebhookUrlPort(string.Join(", ", Ports)));
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
