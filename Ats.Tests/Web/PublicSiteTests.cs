using Ats.Web.Hosting;
using Microsoft.Extensions.Configuration;

namespace Ats.Tests.Web;

/// Links in mails point to the configured public address, never to whatever address the admin's browser used.
public sealed class PublicSiteTests
{
    private static PublicSite Site(string? url) =>
        new(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Ats:PublicUrl"] = url }).Build());

    [Theory]
    [InlineData("https://ats.example.com", "https://evil.example/", "https://ats.example.com")]
    [InlineData("https://ats.example.com/", "https://evil.example/", "https://ats.example.com")]
    [InlineData("https://example.com/ats/", "http://localhost:5000/", "https://example.com/ats")]
    [InlineData(null, "http://localhost:5000/", "http://localhost:5000")] // not configured: the browser's (Development)
    [InlineData("", "http://localhost:5000/", "http://localhost:5000")]
    public void LinksUseTheConfiguredAddressWhenThereIsOne(string? configured, string browser, string expected) =>
        Assert.Equal(expected, Site(configured).Base(browser));

    [Theory]
    [InlineData("ats.example.com")]
    [InlineData("ftp://ats.example.com")]
    [InlineData("https://ats.example.com/?next=evil")]
    [InlineData("javascript:alert(1)")]
    public void AnAddressThatCannotBeALinksBaseStopsTheStart(string configured)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Site(configured));
        Assert.Contains("Ats:PublicUrl", error.Message);
    }
}
