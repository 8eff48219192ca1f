namespace Ats.Tests.Support;

/// A clock that moves only when a test moves it, so retries and expiries never depend on how fast the machine is.
public sealed class SettableClock : TimeProvider
{
    private DateTimeOffset _now = DateTimeOffset.UtcNow;
    public override DateTimeOffset GetUtcNow() => _now;
    public void Advance(TimeSpan by) => _now += by;
}
