using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ats.Tests.Support;

/// A real HTTP server on loopback that records every webhook it gets and answers as the test says.
/// It can be stopped (connections are refused) and started again on the same port.
public sealed class WebhookReceiver : IAsyncDisposable
{
    public sealed record Request(IReadOnlyDictionary<string, string> Headers, string Body)
    {
        public string this[string header] => Headers.TryGetValue(header, out var value) ? value : "";
    }

    public sealed record Answer(int Status, string Body = "ok", string? RetryAfter = null);

    private WebApplication? _app;
    private readonly ConcurrentQueue<Request> _received = new();

    public int Port { get; private set; }
    public string Url => $"http://127.0.0.1:{Port}/hook";
    public IReadOnlyList<Request> Received => [.. _received];

    /// How to answer the n-th request (from 1); 200 "ok" unless set.
    public Func<int, Answer> Respond { get; set; } = _ => new Answer(200);

    /// Completes when a request arrives (for the one test of the real background worker).
    public TaskCompletionSource<Request> Next { get; private set; } = NewSignal();

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, Port));
        _app = builder.Build();
        _app.MapPost("/hook", async (HttpContext http) =>
        {
            using var reader = new StreamReader(http.Request.Body);
            var request = new Request(http.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString()), await reader.ReadToEndAsync());
            _received.Enqueue(request);
            var answer = Respond(_received.Count);
            if (answer.RetryAfter is not null) http.Response.Headers.RetryAfter = answer.RetryAfter;
            Next.TrySetResult(request);
            return Results.Text(answer.Body, statusCode: answer.Status);
        });
        await _app.StartAsync();
        Port = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()).Port;
    }

    public void ExpectNext() => Next = NewSignal();

    public async Task StopAsync()
    {
        if (_app is null) return;
        await _app.StopAsync();
        await _app.DisposeAsync();
        _app = null;
    }

    public ValueTask DisposeAsync() => new(StopAsync());

    private static TaskCompletionSource<Request> NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
