using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json.Nodes;
using Ats.Domain.Data;
using Ats.Domain.Demo;
using Ats.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ats.Tests.Web;

/// Tokens, tickets and passwords never reach a log, at any level, however the app was started.
public sealed class LogTests
{
    private const string Pat = "pat_LeakCanary0123456789abcdefghij0AbCdE";
    private const string Ticket = "LeakCanaryTicket0123456789";

    [Fact]
    public async Task WithEveryCategoryLoggedAtTraceNoSecretReachesALog()
    {
        var capture = new LogCapture();
        await using var host = new KestrelHost(seedDemoData: true, configure: web => web.ConfigureLogging(logging =>
        {
            logging.AddProvider(capture);
            logging.AddFilter<LogCapture>(null, LogLevel.Trace);
        }));
        using var http = host.Http();
        var login = await http.PostAsJsonAsync("/xapi2/auth/token", new { email = DemoSeeder.AdminEmail, password = DemoSeeder.Password });
        var jwt = (await login.Content.ReadFromJsonAsync<JsonObject>())!["access_token"]!.GetValue<string>();

        await http.GetAsync($"/xapi2/ch?token={Pat}");
        await http.GetAsync($"/xapi2/ch?ticket={Ticket}");
        using (var socket = new ClientWebSocket())
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await socket.ConnectAsync(new Uri($"ws://{host.BaseUrl.Authority}/xapi2/ch?token={jwt}"), timeout.Token);
            await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
        }
        using var withHeader = new HttpRequestMessage(HttpMethod.Get, $"/xapi2/data/source");
        withHeader.Headers.Authorization = new("Bearer", jwt);
        var answer = await http.SendAsync(withHeader);
        Assert.True(answer.IsSuccessStatusCode, await answer.Content.ReadAsStringAsync());
        await http.GetAsync($"/xapi2/data/source?token={Pat}");
        await http.GetAsync($"/account/login?token={Pat}");

        var lines = capture.Lines.ToList();
        // Request lines and SQL were logged (so the secrets were there to leak), without the query string or values.
        Assert.Contains(lines, l => l.Contains("Request starting") && l.Contains("/xapi2/ch"));
        Assert.Contains(lines, l => l.Contains("Executed DbCommand"));
        foreach (var secret in new[] { Pat, Ticket, jwt, DemoSeeder.Password })
            Assert.DoesNotContain(lines, l => l.Contains(secret, StringComparison.Ordinal));
        await using var db = host.App.Services.GetRequiredService<IDbContextFactory<AtsDbContext>>().CreateDbContext();
        Assert.False(db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()!.IsSensitiveDataLoggingEnabled);
    }

    /// Started from another folder, the app still reads its own appsettings.json: no request lines at Information.
    [Fact]
    public async Task StartedFromAnotherFolderTheAppReadsItsOwnSettingsAndLogsNoToken()
    {
        var folder = Directory.CreateTempSubdirectory("ats-elsewhere-").FullName;
        var output = new ConcurrentQueue<string>();
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Ats.Web.dll"));
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment.Remove("ASPNETCORE_CONTENTROOT");
        start.Environment["ConnectionStrings__Ats"] = $"Data Source={Path.Combine(folder, "ats.db")}";
        start.Environment["Ats__Mail__OutboxFolder"] = Path.Combine(folder, "outbox");
        using var process = Process.Start(start)!;
        var listening = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) => Collect(e.Data);
        process.ErrorDataReceived += (_, e) => Collect(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var address = await listening.Task.WaitAsync(TimeSpan.FromSeconds(90));
            using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(address) };
            await http.GetAsync($"/xapi2/ch?token={Pat}");
        await http.GetAsync($"/xapi2/ch?ticket={Ticket}");
            await http.GetAsync($"/account/login?token={Pat}");
        }
        finally
        {
            // A graceful stop (SIGTERM) flushes the console logger.
            if (!process.HasExited) await Process.Start("kill", ["-TERM", process.Id.ToString()]).WaitForExitAsync();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
            Directory.Delete(folder, recursive: true);
        }

        var lines = output.ToList();
        Assert.Contains(lines, l => l.Contains("Application is shutting down"));
        Assert.DoesNotContain(lines, l => l.Contains("Request starting"));
        Assert.DoesNotContain(lines, l => l.Contains(Pat));

        void Collect(string? line)
        {
            if (line is null) return;
            output.Enqueue(line);
            if (line.Contains("Now listening on:")) listening.TrySetResult(line[(line.IndexOf("http", StringComparison.Ordinal))..].Trim());
        }
    }
}
