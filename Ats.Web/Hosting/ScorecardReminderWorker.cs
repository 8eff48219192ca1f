using Ats.Domain.Scorecards;

namespace Ats.Web.Hosting;

/// Reminds interviewers of missing scorecards, once an hour (a reminder is due a day after the interview, so the hour
/// it takes to notice does not matter).
public sealed class ScorecardReminderWorker(ScorecardReminders reminders, ILogger<ScorecardReminderWorker> logger) : BackgroundService
{
    private static readonly TimeSpan Every = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        using var timer = new PeriodicTimer(Every);
        do
        {
            try
            {
                await reminders.SendDueAsync(stop);
            }
            catch (Exception ex) when (!stop.IsCancellationRequested)
            {
                logger.LogError(ex, "Scorecard reminders failed; they are tried again in an hour");
            }
        } while (await timer.WaitForNextTickAsync(stop));
    }
}
