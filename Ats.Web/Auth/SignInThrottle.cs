using System.Collections.Concurrent;

namespace Ats.Web.Auth;

/// Ats:SignIn: how many failed sign-ins a key gets before each further attempt waits.
public sealed class SignInThrottleSettings
{
    /// One email from one client address (or, for passwords re-entered inside a session, that session's account).
    public int FreeFailuresPerAccountAndIp { get; set; } = 5;
    /// One client address over all emails.
    public int FreeFailuresPerIp { get; set; } = 50;
    /// One email over all addresses: a guess spread over many addresses. Browsers that know the account are exempt.
    public int FreeFailuresPerAccount { get; set; } = 100;
    /// Failures are forgotten after this long without one (counted from when the next attempt was allowed).
    public int WindowMinutes { get; set; } = 15;
    public int MaxDelayMinutes { get; set; } = 15;
}

/// Slows down password guessing on both sign-in paths (the form and /xapi2/auth/token) instead of locking accounts:
/// after the free failures, each further attempt must wait 2, 4, 8 … seconds (up to the cap), counted separately for
/// the email from one address, for the address, and for the email from all addresses. Failures from one address never
/// delay the owner at another; a guess spread over many addresses delays the account only for browsers that have not
/// signed in to it before (<see cref="KnownDevices"/>). Kept in memory per process (see docs/security.md).
public sealed class SignInThrottle(SignInThrottleSettings settings, TimeProvider clock)
{
    private const int PruneFloor = 10_000;
    private readonly ConcurrentDictionary<string, Streak> _streaks = new();
    private int _pruneAt = PruneFloor;

    /// How many keys are being counted (for tests and diagnostics).
    public int Tracked => _streaks.Count;

    private sealed record Streak(int Failures, DateTimeOffset RetryAt);

    /// How long the caller must still wait before trying this email from this address; zero: go ahead. A browser that
    /// has signed in to this account before (<paramref name="knownDevice"/>) is not held up by the all-addresses count.
    public TimeSpan WaitFor(string email, string? ip, bool knownDevice = false) => knownDevice
        ? Wait(PairKey(email, ip), IpKey(ip))
        : Wait(PairKey(email, ip), IpKey(ip), AccountKey(email));

    public void Failed(string email, string? ip)
    {
        var now = clock.GetUtcNow();
        if (_streaks.Count > Volatile.Read(ref _pruneAt)) Forget(now); // keys come from whatever clients send
        Record(PairKey(email, ip), settings.FreeFailuresPerAccountAndIp, now);
        Record(IpKey(ip), settings.FreeFailuresPerIp, now);
        Record(AccountKey(email), settings.FreeFailuresPerAccount, now);
    }

    /// A full sign-in (password and second factor) ends the streak of this email from this address. The address and
    /// the all-addresses count keep theirs: the other failures were still guesses (or typos) by someone else.
    public void Succeeded(string email, string? ip) => _streaks.TryRemove(PairKey(email, ip), out _);

    /// For a password asked again inside a signed-in session (changing it, the token dialog, switching two-factor
    /// off): only a holder of this account's session reaches it, so it has a streak of its own that no stranger can
    /// lengthen and that a guess spread over addresses does not hold up; the interactive circuit has no address to trust.
    public TimeSpan WaitForSession(string email) => Wait(SessionKey(email));

    public void FailedInSession(string email) => Record(SessionKey(email), settings.FreeFailuresPerAccountAndIp, clock.GetUtcNow());

    /// After a password reset every earlier guess at the old password is moot: all of the email's streaks end.
    public void ForgetAccount(string email)
    {
        _streaks.TryRemove(AccountKey(email), out _);
        _streaks.TryRemove(SessionKey(email), out _);
        var pairs = PairKey(email, "");
        foreach (var key in _streaks.Keys)
            if (key.StartsWith(pairs, StringComparison.Ordinal)) _streaks.TryRemove(key, out _);
    }

    private TimeSpan Wait(params string[] keys)
    {
        var now = clock.GetUtcNow();
        var until = keys.Max(key => _streaks.TryGetValue(key, out var s) ? s.RetryAt : now);
        return until > now ? until - now : TimeSpan.Zero;
    }

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

    private static string Email(string email) => email.Trim().ToUpperInvariant();
    private static string AccountKey(string email) => "account:" + Email(email);
    private static string SessionKey(string email) => "session:" + Email(email);
    private static string IpKey(string? ip) => "ip:" + (ip ?? "unknown");
    // Addresses never hold a line break, so the email's prefix matches only its own pairs (see ForgetAccount).
    private static string PairKey(string email, string? ip) => "pair:" + Email(email) + "\n" + (ip ?? "unknown");
}
