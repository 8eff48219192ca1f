using System.Net;
using System.Net.Sockets;

namespace Ats.Web.Hosting;

/// Which client a limit counts: an IPv4 address, or an IPv6 address's /64. One host commonly holds a whole /64, so
/// counting single IPv6 addresses would hand it 2^64 fresh budgets.
public static class ClientAddresses
{
    public static string Partition(string? ip)
    {
        if (ip is null || !IPAddress.TryParse(ip, out var address)) return "unknown";
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
