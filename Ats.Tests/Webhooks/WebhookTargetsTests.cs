using System.Net;
using Ats.Domain.Webhooks;

namespace Ats.Tests.Webhooks;

/// The SSRF guard's verdict on addresses and URLs.
public sealed class WebhookTargetsTests
{
    [Theory]
    [InlineData("93.184.216.34", true)]       // an ordinary public address
    [InlineData("8.8.8.8", true)]
    [InlineData("203.0.113.10", true)]        // documentation range: not a local network
    [InlineData("2606:4700:4700::1111", true)]
    [InlineData("100.63.255.255", true)]      // just below CGNAT
    [InlineData("100.128.0.0", true)]         // just above CGNAT
    [InlineData("172.15.255.255", true)]      // just below 172.16/12
    [InlineData("172.32.0.0", true)]          // just above it
    [InlineData("127.0.0.1", false)]          // loopback
    [InlineData("127.255.255.254", false)]
    [InlineData("::1", false)]
    [InlineData("0.0.0.0", false)]            // unspecified / this network
    [InlineData("0.1.2.3", false)]
    [InlineData("::", false)]
    [InlineData("10.0.0.1", false)]           // private
    [InlineData("10.255.255.255", false)]
    [InlineData("172.16.0.1", false)]
    [InlineData("172.31.255.255", false)]
    [InlineData("192.168.1.1", false)]
    [InlineData("100.64.0.1", false)]         // carrier-grade NAT
    [InlineData("100.127.255.255", false)]
    [InlineData("169.254.1.1", false)]        // link-local
    [InlineData("169.254.169.254", false)]    // cloud metadata
    [InlineData("fd00:ec2::254", false)]      // AWS metadata over IPv6
    [InlineData("fc00::1", false)]            // unique local
    [InlineData("fdff:ffff::1", false)]
    [InlineData("fe80::1", false)]            // link-local
    [InlineData("febf::1", false)]
    [InlineData("224.0.0.1", false)]          // multicast
    [InlineData("239.255.255.250", false)]
    [InlineData("ff02::1", false)]
    [InlineData("255.255.255.255", false)]    // broadcast
    [InlineData("::ffff:127.0.0.1", false)]   // IPv4-mapped forms are judged by their IPv4 address
    [InlineData("::ffff:10.1.2.3", false)]
    [InlineData("::ffff:169.254.169.254", false)]
    [InlineData("::ffff:93.184.216.34", true)]
    [InlineData("::127.0.0.1", false)]        // IPv4-compatible (deprecated)
    [InlineData("64:ff9b::10.0.0.1", false)]  // NAT64 to a private address
    [InlineData("64:ff9b::93.184.216.34", true)]
    [InlineData("64:ff9b::169.254.169.254", false)]
    [InlineData("64:ff9b:1::93.184.216.34", false)] // local-use NAT64: translated inside someone's network
    [InlineData("64:ff9b:1::10.0.0.1", false)]
    [InlineData("::ffff:0:10.0.0.1", false)]     // IPv4-translated (SIIT), judged by its IPv4 address
    [InlineData("::ffff:0:93.184.216.34", true)]
    [InlineData("::2", false)]                  // IPv4-compatible 0.0.0.2: "this network"
    [InlineData("::93.184.216.34", true)]
    [InlineData("2002:c0a8:101::1", false)]     // 6to4 (here of 192.168.1.1): a tunnel to any IPv4 address
    [InlineData("2002:5db8:d822::1", false)]    // 6to4 of a public address: refused all the same
    [InlineData("2001:0:4136:e378:8000:63bf:3fff:fdd2", false)] // Teredo
    [InlineData("2001:db8::1", true)]           // 2001:db8::/32 is not Teredo
    [InlineData("fec0::1", false)]              // site-local (deprecated)
    [InlineData("feff:ffff::1", false)]
    [InlineData("100::1", false)]               // discard-only
    [InlineData("100.100.100.200", false)]      // Alibaba Cloud metadata
    [InlineData("168.63.129.16", false)]        // Azure host endpoint
    [InlineData("2a00:1450:4001:80b::200e", true)]
    public void ClassifiesAddresses(string address, bool isPublic) =>
        Assert.Equal(isPublic, WebhookTargets.IsPublic(IPAddress.Parse(address)));

    [Theory]
    [InlineData("https://203.0.113.10/hooks", false, null)]
    [InlineData("http://203.0.113.10:8080/hooks?x=1", false, null)]
    [InlineData("ftp://203.0.113.10/hooks", false, "http")]
    [InlineData("/relative/path", false, "http")]
    [InlineData("javascript:alert(1)", false, "http")]
    [InlineData("https://user:pw@203.0.113.10/", false, "http")]
    [InlineData("http://127.0.0.1:5000/hook", false, "public")]
    [InlineData("http://localhost/hook", false, "public")]
    [InlineData("http://[::1]/hook", false, "public")]
    [InlineData("http://[::ffff:7f00:1]/hook", false, "public")]
    [InlineData("http://169.254.169.254/latest/meta-data", false, "public")]
    [InlineData("http://2130706433/hook", false, "public")]       // 127.0.0.1 written as one number
    [InlineData("http://0x7f.1/hook", false, "public")]
    [InlineData("http://127.0.0.1:5000/hook", true, null)]        // Ats:Webhooks:AllowPrivateTargets
    [InlineData("http://no-such-host.invalid/hook", false, "resolved")]
    [InlineData("http://203.0.113.10:80/hooks", false, null)]
    [InlineData("https://203.0.113.10:8443/hooks", false, null)]
    [InlineData("https://203.0.113.10:22/hooks", false, "ports")]     // only the web ports: no scanning of other services
    [InlineData("http://203.0.113.10:6379/hooks", false, "ports")]
    [InlineData("https://203.0.113.10:444/hooks", false, "ports")]
    [InlineData("http://127.0.0.1:6379/hook", true, null)]            // with the setting any port
    [InlineData("http://[2002:7f00:1::]/hook", false, "public")]
    [InlineData("http://[fec0::1]/hook", false, "public")]
    [InlineData("http://metadata.google.internal/computeMetadata/v1/", false, "public")]
    // The cloud's metadata services stay out of reach even with Ats:Webhooks:AllowPrivateTargets.
    [InlineData("http://169.254.169.254/latest/meta-data", true, "public")]
    [InlineData("http://169.254.170.2/v2/credentials", true, "public")]
    [InlineData("http://[fd00:ec2::254]/latest/meta-data", true, "public")]
    [InlineData("http://100.100.100.200/latest/meta-data", true, "public")]
    [InlineData("http://[::ffff:a9fe:a9fe]/latest/meta-data", true, "public")]
    [InlineData("http://[64:ff9b::a9fe:a9fe]/latest/meta-data", true, "public")]
    [InlineData("http://2852039166/latest/meta-data", true, "public")] // 169.254.169.254 as one number
    [InlineData("http://metadata.google.internal/computeMetadata/v1/", true, "public")]
    [InlineData("http://METADATA.google.internal./computeMetadata/v1/", true, "public")]
    public async Task JudgesUrls(string url, bool allowPrivate, string? problemMentions)
    {
        var problem = await WebhookTargets.ProblemAsync(url, allowPrivate, CancellationToken.None);

        if (problemMentions is null) Assert.Null(problem);
        else Assert.Contains(problemMentions, problem);
    }

    [Fact]
    public async Task RefusesOverlongUrls() =>
        Assert.NotNull(await WebhookTargets.ProblemAsync("https://203.0.113.10/" + new string('a', 2000), false, CancellationToken.None));

    /// The delivery handler refuses before it connects: nothing listens at these addresses here, so any other answer
    /// would be a connection error instead.
    [Theory]
    [InlineData("http://169.254.169.254/latest/meta-data", true, "public")]
    [InlineData("http://[::ffff:169.254.169.254]/latest/meta-data", true, "public")]
    [InlineData("http://metadata.google.internal/computeMetadata/v1/", true, "public")]
    [InlineData("http://10.0.0.1/hook", false, "public")]
    [InlineData("http://[2002:a00:1::]/hook", false, "public")]
    [InlineData("http://203.0.113.10:22/hook", false, "ports")]
    public async Task TheHandlerRefusesToConnect(string url, bool allowPrivate, string mentions)
    {
        using var client = new HttpClient(WebhookTargets.Handler(allowPrivate));

        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(url));

        Assert.Contains(mentions, refused.Message + " " + refused.InnerException?.Message);
    }
}
