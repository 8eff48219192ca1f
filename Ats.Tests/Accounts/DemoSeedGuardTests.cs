using Ats.Tests.Support;
using Ats.Web.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;

namespace Ats.Tests.Accounts;

/// The demo accounts have published passwords: the demo is seeded in Development only (issue 13, point 7).
public sealed class DemoSeedGuardTests
{
    [Theory]
    [InlineData(null, "Development", true)]
    [InlineData(null, "Production", false)]
    [InlineData(false, "Development", false)]
    [InlineData(false, "Production", false)]
    [InlineData(true, "Development", true)]
    public void TheSettingAndTheEnvironmentDecide(bool? setting, string environment, bool seeds) =>
        Assert.Equal(seeds, new AtsSettings { SeedDemoData = setting }.ShouldSeedDemoData(new HostingEnvironment { EnvironmentName = environment }));

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public async Task AskingForTheDemoOutsideDevelopmentStopsTheStartWithAClearError(string environment)
    {
        var path = AppFactory.NewDatabasePath();
        var app = new AppFactory(path, seedDemoData: true, new Dictionary<string, string> { ["environment"] = environment });
        try
        {
            var error = Assert.Throws<InvalidOperationException>(() => app.Server);

            Assert.Contains("Ats:SeedDemoData is true", error.Message);
            Assert.Contains($"'{environment}'", error.Message);
        }
        finally
        {
            await app.DisposeAsync();
            AppFactory.DeleteDatabase(path);
        }
    }
}
