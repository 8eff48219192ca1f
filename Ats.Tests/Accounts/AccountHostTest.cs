using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Ats.Domain.Data;
using Ats.Domain.Identity;
using Ats.Domain.Tenancy;
using Ats.Domain.Writes;
using Ats.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Ats.Tests.Accounts;

/// Counts password verifications: the probe for "every sign-in answer costs the same work".
public sealed class CountingPasswordHasher : IPasswordHasher<AppUser>
{
    private readonly PasswordHasher<AppUser> _inner = new();
    private int _verifications;

    public int Verifications => _verifications;
    public void Reset() => _verifications = 0;
    public string HashPassword(AppUser user, string password) => _inner.HashPassword(user, password);

    public PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword)
    {
        Interlocked.Increment(ref _verifications);
        return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}

/// A host without the demo: one organisation with an admin and a recruiter, a settable clock and a counting hasher.
public abstract class AccountHostTest(IReadOnlyDictionary<string, string>? settings = null, Action<IServiceCollection>? services = null)
    : HostTest(seedDemoData: false, settings)
{
    protected const string Password = "Passw0rd!test";
    protected const string AdminEmail = "admin@konten.example";
    protected const string RecruiterEmail = "recruiter@konten.example";

    protected SettableClock Clock { get; } = new();
    protected CountingPasswordHasher Hasher { get; } = new();
    protected WebApplicationFactory<Program> Host { get; private set; } = default!;
    protected Actor Admin { get; private set; } = default!;
    protected Guid RecruiterId { get; private set; }

    protected async Task StartAsync()
    {
        Host = App.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
        {
            s.AddSingleton<TimeProvider>(Clock);
            s.AddSingleton<IPasswordHasher<AppUser>>(Hasher);
            s.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, ClientAddressFilter>();
            services?.Invoke(s);
        }));
        var admin = await Service<OrganisationSetup>().CreateAsync("Konten GmbH", "Ada Admin", AdminEmail, Password);
        Admin = new Actor(admin.Id, admin.TenantId, Roles.Admin, admin.DisplayName, Channel.Ui);
        RecruiterId = await Service<UserAdministration>().CreateAsync(Admin, RecruiterEmail, "Rolf Recruiter", Roles.Recruiter, Password);
        Hasher.Reset();
    }

    protected T Service<T>() where T : notnull => Host.Services.GetRequiredService<T>();

    protected AtsDbContext Db() => Service<Microsoft.EntityFrameworkCore.IDbContextFactory<AtsDbContext>>().CreateDbContext().SystemWrite("test fixture");

    protected HttpClient Browser(string language = "en")
    {
        var client = Host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return client;
    }

    protected Task<HttpResponseMessage> TokenAsync(string email, string password, string? code = null, string? from = null) =>
        ClientAddressFilter.From(Host.CreateClient(), from).PostAsJsonAsync("/xapi2/auth/token", code is null ? new JsonObject { ["email"] = email, ["password"] = password }
            : new JsonObject { ["email"] = email, ["password"] = password, ["code"] = code });

    protected static async Task<string?> CodeOf(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonObject>())?["code"]?.GetValue<string>();

    /// Opens a plain (server-rendered) form page and posts it, antiforgery token and all.
    protected static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, string handler, Dictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(url);
        var form = new Dictionary<string, string>(fields) { ["_handler"] = handler, ["__RequestVerificationToken"] = AppFactory.AntiforgeryToken(page) };
        return await client.PostAsync(url, new FormUrlEncodedContent(form));
    }

    /// The text of the element with this data-testid on a page.
    internal static string TestId(string html, string id) =>
        System.Net.WebUtility.HtmlDecode(Regex.Match(html, $"data-testid=\"{id}\"[^>]*>([^<]*)<").Groups[1].Value);
}

/// The test server has no client address: a request may name one in a header, as if it came from there.
public sealed class ClientAddressFilter : Microsoft.AspNetCore.Hosting.IStartupFilter
{
    private const string Header = "X-Test-Client-Address";

    public static HttpClient From(HttpClient client, string? address)
    {
        if (address is not null) client.DefaultRequestHeaders.Add(Header, address);
        return client;
    }

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((http, further) =>
        {
            if (http.Request.Headers.TryGetValue(Header, out var address)) http.Connection.RemoteIpAddress = System.Net.IPAddress.Parse(address!);
            return further(http);
        });
        next(app);
    };
}
