using Ats.Domain.Webhooks;
using Ats.Domain.Writes;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Ats.Web.Hosting;

/// Runs the webhook outbox: right after a commit of a public model (its deliveries were written in that transaction),
/// when an admin turns an endpoint on or redelivers, and every 5 s for retries; prunes old deliveries and the change log hourly.
public sealed class WebhookWorker(WebhookDispatcher dispatcher, WebhookWake wake, ChangeFeed feed, TimeProvider clock,
    ILogger<WebhookWorker> logger) : BackgroundService
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan PruneEvery = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        using var subscription = feed.Subscribe(change =>
        {
            if (change.EventId > 0) wake.Nudge();
        });
        var lastPrune = DateTimeOffset.MinValue;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                // A full batch may leave more behind: go on until a pass finds nothing due.
                while (await dispatcher.SendDueAsync(stop) > 0) { }
                if (clock.GetUtcNow() - lastPrune >= PruneEvery)
                {
                    await dispatcher.PruneAsync(stop);
                    lastPrune = clock.GetUtcNow();
                }
            }
            catch (Exception ex) when (!stop.IsCancellationRequested)
            {
                logger.LogError(ex, "The webhook outbox failed; it tries again shortly");
            }
            try
            {
                await wake.WaitAsync(Poll, stop);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    /// Ats:Webhooks: the SSRF guard's switch and whether this process runs the worker.
    public static IServiceCollection AddWebhooks(IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection("Ats:Webhooks").Get<WebhookSettings>() ?? new WebhookSettings();
        services.Replace(ServiceDescriptor.Singleton(settings));
        if (settings.RunWorker) services.AddHostedService<WebhookWorker>();
        return services;
    }
}
