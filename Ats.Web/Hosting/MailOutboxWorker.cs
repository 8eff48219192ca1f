using Ats.Domain.Mail;
using Ats.Domain.Writes;

namespace Ats.Web.Hosting;

/// Runs the mail outbox: right after a message changes (queued by any surface), and every 15 s for retries.
public sealed class MailOutboxWorker(MailOutbox outbox, ChangeFeed feed, ILogger<MailOutboxWorker> logger) : BackgroundService
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(15);

    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        var wake = new Ats.Domain.Common.WakeSignal();
        using var subscription = feed.Subscribe(change =>
        {
            if (change.Model is "message" or Ats.Domain.Identity.UserAdministration.Model) wake.Nudge(); // a user change may queue a reset link
        });
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await outbox.SendDueAsync(stop);
            }
            catch (Exception ex) when (!stop.IsCancellationRequested)
            {
                logger.LogError(ex, "The mail outbox failed; it tries again shortly");
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

    /// Ats:Mail: SMTP when a host is set, else .eml files in the outbox folder (the embedded default).
    public static IServiceCollection AddMailOutbox(IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection("Ats:Mail").Get<MailSettings>() ?? new MailSettings();
        services.AddSingleton(settings);
        services.AddSingleton(MailTransports.From(settings));
        services.AddSingleton<MailOutbox>();
        services.AddHostedService<MailOutboxWorker>();
        services.AddHostedService<ScorecardReminderWorker>();
        return services;
    }
}
