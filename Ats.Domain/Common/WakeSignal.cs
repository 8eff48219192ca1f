namespace Ats.Domain.Common;

/// Wakes a background loop early: any number of nudges while it works make one pending wake-up, which is enough
/// because the loop handles everything that is due when it runs.
public class WakeSignal
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Nudge()
    {
        try { _signal.Release(); } catch (SemaphoreFullException) { }
    }

    /// True when nudged, false when the time ran out.
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => _signal.WaitAsync(timeout, ct);
}
