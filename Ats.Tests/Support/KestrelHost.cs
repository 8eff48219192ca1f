using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Ats.Tests.Support;

/// The app on real Kestrel (loopback, a free port) on its own temporary SQLite file, for tests that need a real client
/// address or real connections; <paramref name="configure"/> adds to the host (an environment, a logger).
public sealed class KestrelHost : IAsyncDisposable
{
    private readonly string _path = AppFactory.NewDatabasePath();
    private readonly AppFactory _factory;

    public KestrelHost(IReadOnlyDictionary<string, string>? settings = null, bool seedDemoData = false, Action<IWebHostBuilder>? configure = null)
    {
        _factory = new AppFactory(_path, seedDemoData, settings);
        App = configure is null ? _factory : _factory.WithWebHostBuilder(configure);
        App.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        App.StartServer();
        BaseUrl = new Uri(App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    public WebApplicationFactory<Program> App { get; }
    public Uri BaseUrl { get; }

    public HttpClient Http() => new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = BaseUrl };

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        AppFactory.DeleteDatabase(_path);
    }
}
