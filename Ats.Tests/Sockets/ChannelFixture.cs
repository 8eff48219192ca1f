using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Ats.Domain.Demo;
using Ats.Tests.Support;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Ats.Tests.Sockets;

/// The demo app on real Kestrel (loopback, a free port), for real WebSocket and HTTP clients.
public class ChannelFixture : IAsyncLifetime
{
    private readonly string _path = AppFactory.NewDatabasePath();

    public AppFactory App { get; private set; } = default!;
    public string BaseUrl { get; private set; } = "";

    /// Settings of this host; sockets re-check their token every second here, so a revocation shows quickly;
    /// webhooks may go to a receiver on loopback.
    protected virtual Dictionary<string, string> Settings => new()
    {
        ["Ats:Channel:RecheckSeconds"] = "1",
        ["Ats:Webhooks:AllowPrivateTargets"] = "true",
    };

    /// Services replaced after the app's own (a settable clock).
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    public Task InitializeAsync()
    {
        App = new AppFactory(_path, settings: Settings, services: ConfigureServices);
        App.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        App.StartServer();
        BaseUrl = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        AppFactory.DeleteDatabase(_path);
    }

    public HttpClient Http(string? token = null)
    {
        var client = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        if (token is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public async Task<string> JwtAsync(string email = DemoSeeder.AdminEmail, string password = DemoSeeder.Password)
    {
        using var client = Http();
        var response = await client.PostAsJsonAsync("/xapi2/auth/token", new { email, password });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["access_token"]!.GetValue<string>();
    }

    /// A personal access token of the demo admin with these scopes.
    public async Task<(Guid Id, string Token)> PatAsync(params string[] scopes)
    {
        using var client = Http(await JwtAsync());
        var response = await client.PostAsJsonAsync("/xapi2/tokens", new { name = "socket test", scopes });
        response.EnsureSuccessStatusCode();
        var json = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        return (Guid.Parse(json["id"]!.GetValue<string>()), json["token"]!.GetValue<string>());
    }

    public Task<SocketClient> ConnectAsync(string token, string? origin = null) => SocketClient.ConnectAsync(BaseUrl, token, origin);
}
