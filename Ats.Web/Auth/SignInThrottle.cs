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
/// signed in to it before (<see cref="KnownDevices"/>), and each such browser's cookie has a count of its own, so a
/// copied cookie buys a few guesses, not unlimited ones. Kept in memory per process (see docs/security.md): keys are
/// hashes of emails (never the address in clear, never longer than a hash) and IPv6 /64 prefixes, and their number is
/// capped; past the cap new keys share one overflow count instead of growing the map.
public sealed class SignInThrottle(SignInThrottleSettings settings, TimeProvider clock)
{
    private const int PruneFloor = 10_000;
    /// About 200 bytes a key: tens of megabytes at most, whatever a flood sends.
    public const int MaxTracked = 200_000;
    private const string OverflowKey = "overflow";
    private readonly ConcurrentDictionary<string, Streak> _streaks = new();
    private int _pruneAt = PruneFloor;
    private readonly Lock _attempts = new();

    /// How many keys are being counted (for tests and diagnostics).
    public int Tracked => _streaks.Count;

    /// The keys being counted (for tests: they hold hashes and address prefixes, never an email).
    public IEnumerable<string> TrackedKeys => _streaks.Keys;

    private sealed record Streak(int Failures, DateTimeOffset RetryAt);

    /// How long the caller must still wait before trying this email from this address; zero: go ahead. A browser that
    /// has signed in to this account before (<paramref name="device"/>, from <see cref="KnownDevices"/>) is not held up
    /// by the all-addresses count, only by its own cookie's.
    public TimeSpan WaitFor(string email, string? ip, string? device = null) => Wait(Keys(email, ip, device, waiting: true));

    /// Waits or counts in one step, before the password is checked: parallel guesses cannot all pass while the first
    /// ones are still being hashed. The attempt counts as a failure until <see cref="PasswordWasRight"/> takes it back.
    public TimeSpan Attempt(string email, string? ip, string? device = null)
    {
        lock (_attempts) // microseconds, and sign-ins are rare: one at a time makes "wait or count" exact
        {
            if (WaitFor(email, ip, device) is { Ticks: > 0 } wait) return wait;
            Failed(email, ip, device);
            return TimeSpan.Zero;
        }
    }

    /// Counts a failure (a wrong second-factor code; <see cref="Attempt"/> counts passwords itself).
    public void Failed(string email, string? ip, string? device = null)
    {
        var now = clock.GetUtcNow();
        if (_streaks.Count > Volatile.Read(ref _pruneAt)) Forget(now); // keys come from whatever clients send
        foreach (var (key, free) in Keys(email, ip, device, waiting: false)) Record(key, free, now);
    }

    /// The password of an <see cref="Attempt"/> was right: its count is taken back. With <paramref name="signedIn"/>
    /// (password and any second factor) the streak of this email from this address ends too; the address and the
    /// all-addresses count keep the other failures: those were still guesses (or typos) by someone else.
    public void PasswordWasRight(string email, string? ip, string? device, bool signedIn)
    {
        var now = clock.GetUtcNow();
        foreach (var (key, free) in Keys(email, ip, device, waiting: false)) TakeBack(key, free, now);
        if (signedIn) Succeeded(email, ip);
    }

    /// A full sign-in (after the second factor) ends the streak of this email from this address.
    public void Succeeded(string email, string? ip) => _streaks.TryRemove(PairKey(email, ip), out _);

    /// For a password asked again inside a signed-in session (changing it, the token dialog, switching two-factor
    /// off): only a holder of this account's session reaches it, so it has a streak of its own that no stranger can
    /// lengthen and that a guess spread over addresses does not hold up; the interactive circuit has no address to trust.
    public TimeSpan WaitForSession(string email) => Wait([(SessionKey(email), settings.FreeFailuresPerAccountAndIp)]);

    public void FailedInSession(string email) => Record(SessionKey(email), settings.FreeFailuresPerAccountAndIp, clock.GetUtcNow());

    /// After a password reset every earlier guess at the old password is moot: all of the email's streaks end.
    public void ForgetAccount(string email)
    {
        _streaks.TryRemove(AccountKey(email), out _);
        _streaks.TryRemove(SessionKey(email), out _);
        var pairs = PairPrefix(email);
        foreach (var key in _streaks.Keys)
            if (key.StartsWith(pairs, StringComparison.Ordinal)) _streaks.TryRemove(key, out _);
    }

    /// The counts an attempt obeys (<paramref name="waiting"/>) or feeds: a known browser waits on its cookie's count
    /// instead of the all-addresses one, which still hears of its failures.
    private List<(string Key, int Free)> Keys(string email, string? ip, string? device, bool waiting)
    {
        var keys = new List<(string, int)> { (PairKey(email, ip), settings.FreeFailuresPerAccountAndIp), (IpKey(ip), settings.FreeFailuresPerIp) };
        if (device is null || !waiting) keys.Add((AccountKey(email), settings.FreeFailuresPerAccount));
        if (device is not null) keys.Add(("device:" + device, settings.FreeFailuresPerAccountAndIp));
        return keys;
    }

    private TimeSpan Wait(List<(string Key, int Free)> keys)
    {
        var now = clock.GetUtcNow();
        var until = now;
        var untracked = false;
        foreach (var (key, _) in keys)
        {
            if (_streaks.TryGetValue(key, out var streak)) until = streak.RetryAt > until ? streak.RetryAt : until;
            else untracked = true;
        }
        // A full map counts new keys together: whoever is new while a flood lasts waits on the flood's count.
        if (untracked && _streaks.Count >= MaxTracked && _streaks.TryGetValue(OverflowKey, out var overflow) && overflow.RetryAt > until)
            until = overflow.RetryAt;
        return until - now;
    }

    private void Record(string key, int free, DateTimeOffset now)
    {
        if (!_streaks.ContainsKey(key) && _streaks.Count >= MaxTracked) (key, free) = (OverflowKey, settings.FreeFailuresPerIp);
        _streaks.AddOrUpdate(key,
            _ => Next(0, free, now),
            (_, streak) => Next(IsOver(streak, now) ? 0 : streak.Failures, free, now));
    }

    private void TakeBack(string key, int free, DateTimeOffset now)
    {
        while (_streaks.TryGetValue(key, out var streak) && streak.Failures > 0)
        {
            var failures = streak.Failures - 1;
            var taken = new Streak(failures, failures < free && streak.RetryAt > now ? now : streak.RetryAt);
            if (_streaks.TryUpdate(key, taken, streak)) return;
        }
    }

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

    /// Emails are counted by hash: the map holds no addresses, and a megabyte "email" costs what any other does.
    private static string Email(string email) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(email.Trim().ToUpperInvariant())));
    private static string AccountKey(string email) => "account:" + Email(email);
    private static string SessionKey(string email) => "session:" + Email(email);
    private static string IpKey(string? ip) => "ip:" + Hosting.ClientAddresses.Partition(ip);
    // A hash never holds a line break, so the email's prefix matches only its own pairs (see ForgetAccount).
    private static string PairPrefix(string email) => "pair:" + Email(email) + "\n";
    private static string PairKey(string email, string? ip) => PairPrefix(email) + Hosting.ClientAddresses.Partition(ip);
}
