namespace Ats.Domain.Webhooks;

/// Wakes the webhook worker early: after a commit that queued deliveries, an endpoint turned back on, a redelivery.
public sealed class WebhookWake
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Nudge()
    {
        // One pending wake-up is enough: the worker sends everything that is due when it runs.
        try { _signal.Release(); } catch (SemaphoreFullException) { }
    }

    /// True when nudged, false when the time ran out.
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => _signal.WaitAsync(timeout, ct);
}
