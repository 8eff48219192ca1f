using System.Collections.Concurrent;

namespace Ats.Web.Auth;

/// Ats:SignIn: how many failed sign-ins an account (or a client address) gets before each further attempt waits.
public sealed class SignInThrottleSettings
{
    public int FreeFailuresPerAccount { get; set; } = 5;
    public int FreeFailuresPerIp { get; set; } = 50;
    /// Failures are forgotten after this long without one (counted from when the next attempt was allowed).
    public int WindowMinutes { get; set; } = 15;
    public int MaxDelayMinutes { get; set; } = 15;
}

/// Slows down password guessing on both sign-in paths (the form and /xapi2/auth/token) instead of locking accounts:
/// after the free failures, each further attempt must wait 2, 4, 8 … seconds (up to the cap), for the account and
/// for the address separately. Nobody is ever locked out for good, so a stranger cannot shut an admin out.
/// Kept in memory per process (several nodes each count on their own; see docs/security.md).
public sealed class SignInThrottle(SignInThrottleSettings settings, TimeProvider clock)
{
    private const int PruneFloor = 10_000;
    private readonly ConcurrentDictionary<string, Streak> _streaks = new();
    private int _pruneAt = PruneFloor;

    /// How many emails and addresses are being counted (for tests and diagnostics).
    public int Tracked => _streaks.Count;

    private sealed record Streak(int Failures, DateTimeOffset RetryAt);

    /// How long the caller must still wait before trying this email from this address; zero: go ahead.
    public TimeSpan WaitFor(string email, string? ip) => Wait(AccountKey(email), IpKey(ip));

    /// For a password asked again inside a signed-in session (the token dialog, switching two-factor off): the
    /// interactive circuit has no client address to trust, so only the account counts, in the same streak as sign-in.
    public TimeSpan WaitForAccount(string email) => Wait(AccountKey(email));

    public void FailedForAccount(string email) => Record(AccountKey(email), settings.FreeFailuresPerAccount, clock.GetUtcNow());

    private TimeSpan Wait(params string[] keys)
    {
        var now = clock.GetUtcNow();
        var until = keys.Max(key => _streaks.TryGetValue(key, out var s) ? s.RetryAt : now);
        return until > now ? until - now : TimeSpan.Zero;
    }

    public void Failed(string email, string? ip)
    {
        var now = clock.GetUtcNow();
        if (_streaks.Count > Volatile.Read(ref _pruneAt)) Forget(now); // keys come from whatever clients send
        Record(AccountKey(email), settings.FreeFailuresPerAccount, now);
        Record(IpKey(ip), settings.FreeFailuresPerIp, now);
    }

    /// A full sign-in (password and second factor) ends the account's streak; the address keeps its own.
    public void Succeeded(string email) => _streaks.TryRemove(AccountKey(email), out _);

    private void Record(string key, int free, DateTimeOffset now) => _streaks.AddOrUpdate(key,
        _ => Next(0, free, now),
        (_, streak) => Next(IsOver(streak, now) ? 0 : streak.Failures, free, now));

    private Streak Next(int failures, int free, DateTimeOffset now)
    {
        var count = failures + 1;
        if (count < free) return new(count, now);
        var cap = TimeSpan.FromMinutes(settings.MaxDelayMinutes);
        var exponent = Math.Min(count - free + 1, 30);
        var delay = TimeSpan.FromSeconds(Math.Min(Math.Pow(2, exponent), cap.TotalSeconds));
        return new(count, now + delay);
    }

    private bool IsOver(Streak streak, DateTimeOffset now) => now >= streak.RetryAt + TimeSpan.FromMinutes(settings.WindowMinutes);

    /// Drops the streaks that are over. The next scan waits until the map has doubled from what stayed, so a flood of
    /// live keys costs each failure O(1) on average instead of a full scan every time.
    private void Forget(DateTimeOffset now)
    {
        foreach (var (key, streak) in _streaks)
            if (IsOver(streak, now)) _streaks.TryRemove(key, out _);
        Volatile.Write(ref _pruneAt, Math.Max(PruneFloor, _streaks.Count * 2));
    }

    private static string AccountKey(string email) => "account:" + email.Trim().ToUpperInvariant();
    private static string IpKey(string? ip) => "ip:" + (ip ?? "unknown");
}
