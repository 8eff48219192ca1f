using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Ats.Domain.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Ats.Tests.Support;

/// The real host on a temporary SQLite file (in-memory test server). Several factories may share one file.
/// <paramref name="services"/> replaces services after the app's own (a settable clock).
public sealed partial class AppFactory(string databasePath, bool seedDemoData = true, IReadOnlyDictionary<string, string>? settings = null,
    Action<IServiceCollection>? services = null)
    : WebApplicationFactory<Program>
{
    public static string NewDatabasePath() => Path.Combine(Path.GetTempPath(), $"ats-web-{Guid.NewGuid():N}.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:Ats", $"Data Source={databasePath}");
        builder.UseSetting("Ats:SeedDemoData", seedDemoData.ToString());
        // Many tests share one host and one (test server) address; only the rate-limit tests want small limits.
        builder.UseSetting("Ats:RateLimits:PerIpPerMinute", "100000");
        builder.UseSetting("Ats:RateLimits:PerTokenPerMinute", "100000");
        builder.UseSetting("Ats:Mail:OutboxFolder", OutboxFolder(databasePath)); // mail without SMTP lands next to the test database
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) builder.UseSetting(key, value);
        if (services is not null) builder.ConfigureTestServices(services);
    }

    public AtsDbContext Db(Guid? tenantId = null)
    {
        var db = Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<AtsDbContext>>().CreateDbContext().SystemWrite("test fixture");
        db.TenantId = tenantId;
        return db;
    }

    /// A client that calls /xapi2 with a JWT of the demo admin.
    public async Task<HttpClient> AdminApiClientAsync()
    {
        var login = await CreateClient().PostAsJsonAsync("/xapi2/auth/token", new { email = Ats.Domain.Demo.DemoSeeder.AdminEmail, password = Ats.Domain.Demo.DemoSeeder.Password });
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", (await login.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>())!["access_token"]!.GetValue<string>());
        return client;
    }

    public HttpClient Browser() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// Signs in through the real form (antiforgery token and all); returns the redirect target.
    public static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password)
    {
        var form = await client.GetStringAsync("/account/login");
        return await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = AntiforgeryToken(form),
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        }));
    }

    /// Where a redirect points, as a local path: Blazor redirects absolutely, minimal APIs relatively.
    public static string RedirectPath(HttpResponseMessage response)
    {
        var location = response.Headers.Location ?? throw new InvalidOperationException($"No redirect: {response.StatusCode}");
        return location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
    }

    public static string AntiforgeryToken(string html) => TokenPattern().Match(html).Groups[1].Value;

    public static void DeleteDatabase(string path)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { path, path + "-wal", path + "-shm" }) File.Delete(file);
        if (Directory.Exists(OutboxFolder(path))) Directory.Delete(OutboxFolder(path), recursive: true);
    }

    private static string OutboxFolder(string databasePath) => databasePath + ".outbox";

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
