using Ats.Tests.Support;
using Ats.Web.Auth;

namespace Ats.Tests.Accounts;

/// The throttle's memory under a flood of made-up emails: streaks that are over are forgotten, live ones never are.
public sealed class SignInThrottleTests
{
    [Fact]
    public void AFloodOfNewKeysForgetsOnlyStreaksThatAreOver()
    {
        var clock = new SettableClock();
        var settings = new SignInThrottleSettings();
        var throttle = new SignInThrottle(settings, clock);
        for (var i = 0; i < settings.FreeFailuresPerAccountAndIp; i++) throttle.Failed("owner@example.com", "192.0.2.1");
        for (var i = 0; i < 12_000; i++) throttle.Failed($"old{i}@example.com", "192.0.2.2");

        clock.Advance(TimeSpan.FromMinutes(settings.WindowMinutes) + TimeSpan.FromSeconds(1));
        for (var i = 0; i < settings.FreeFailuresPerAccountAndIp; i++) throttle.Failed("victim@example.com", "192.0.2.3");
        for (var i = 0; i < 30_000; i++) throttle.Failed($"new{i}@example.com", "192.0.2.4");

        // Each new email holds two keys (the email, and the email from that address); the 2 × 12,000 old ones are gone.
        Assert.True(throttle.Tracked <= 2 * 30_000 + 10, $"{throttle.Tracked} keys kept");
        Assert.True(throttle.WaitFor("victim@example.com", "192.0.2.3") > TimeSpan.Zero); // the live streak is kept
        Assert.Equal(TimeSpan.Zero, throttle.WaitFor("owner@example.com", "192.0.2.1"));
    }

    /// Passwords re-entered in a signed-in session have a streak of their own: strangers' guesses from anywhere do not
    /// hold the signed-in user up there, the session's guesses do not hold up sign-ins, and a reset forgets them all.
    [Fact]
    public void TheSessionStreakIsNeitherLengthenedByStrangersNorLengthensSignIns()
    {
        var clock = new SettableClock();
        var settings = new SignInThrottleSettings();
        var throttle = new SignInThrottle(settings, clock);
        for (var i = 0; i < settings.FreeFailuresPerAccount; i++) throttle.Failed("owner@example.com", $"192.0.2.{i % 250}");
        Assert.True(throttle.WaitFor("owner@example.com", "198.51.100.1") > TimeSpan.Zero); // the spread guess counts
        Assert.Equal(TimeSpan.Zero, throttle.WaitForSession("owner@example.com"));

        for (var i = 0; i < settings.FreeFailuresPerAccountAndIp; i++) throttle.FailedInSession("other@example.com");
        Assert.Equal(TimeSpan.FromSeconds(2), throttle.WaitForSession("other@example.com"));
        Assert.Equal(TimeSpan.Zero, throttle.WaitFor("other@example.com", "198.51.100.1"));

        throttle.ForgetAccount("owner@example.com");
        throttle.ForgetAccount("other@example.com");
        Assert.Equal(TimeSpan.Zero, throttle.WaitFor("owner@example.com", "198.51.100.1"));
        Assert.Equal(TimeSpan.Zero, throttle.WaitForSession("other@example.com"));
    }

    [Fact]
    public void AFloodPastTheCapSharesOneCountInsteadOfGrowingTheMap()
    {
        var clock = new SettableClock();
        var throttle = new SignInThrottle(new SignInThrottleSettings(), clock);
        throttle.Failed("owner@example.com", "192.0.2.1");
        for (var i = 0; throttle.Tracked < SignInThrottle.MaxTracked; i++) throttle.Failed($"flood{i}@example.com", $"10.{i >> 16 & 255}.{i >> 8 & 255}.{i & 255}");
        for (var i = 0; i < 1_000; i++) throttle.Failed($"more{i}@example.com", $"172.16.{i >> 8 & 255}.{i & 255}");

        Assert.True(throttle.Tracked <= SignInThrottle.MaxTracked + 1, $"{throttle.Tracked} keys kept");
        Assert.True(throttle.WaitFor("newcomer@example.com", "198.51.100.1") > TimeSpan.Zero); // new keys wait on the flood's count
        Assert.Equal(TimeSpan.Zero, throttle.WaitFor("owner@example.com", "192.0.2.1")); // known keys keep their own
    }

    [Fact]
    public void AMegabyteEmailIsKeptAsAHash()
    {
        var throttle = new SignInThrottle(new SignInThrottleSettings(), new SettableClock());
        var huge = new string('a', 1 << 20) + "@example.com";
        throttle.Failed(huge, "192.0.2.1");
        Assert.Equal(3, throttle.Tracked);
        Assert.All(throttle.TrackedKeys, key => Assert.True(key.Length < 200, key[..Math.Min(key.Length, 80)]));
    }

    [Theory]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2::ffff", true)]          // one /64: one client
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2:ffff:ffff:ffff:ffff", true)]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:3::1", false)]           // the next /64: another
    [InlineData("192.0.2.1", "::ffff:192.0.2.1", true)]                  // IPv4 mapped into IPv6 is the IPv4 address
    [InlineData("192.0.2.1", "192.0.2.2", false)]
    public void EveryAddressOfOneIPv6SlashSixtyFourCountsAsOne(string guesser, string later, bool waits)
    {
        var settings = new SignInThrottleSettings();
        var throttle = new SignInThrottle(settings, new SettableClock());
        var prefix = guesser.Contains(':') ? guesser[..guesser.LastIndexOf(':')] : null;
        for (var i = 0; i < settings.FreeFailuresPerIp; i++)
            throttle.Failed($"user{i}@example.com", prefix is null ? guesser : $"{prefix}:{i + 1:x}");
        Assert.Equal(waits, throttle.WaitFor("someone@example.com", later) > TimeSpan.Zero);
    }

    [Fact]
    public void AnAttemptCountsBeforeThePasswordIsCheckedAndARightPasswordIsTakenBack()
    {
        var settings = new SignInThrottleSettings();
        var throttle = new SignInThrottle(settings, new SettableClock());
        for (var i = 0; i < 3 * settings.FreeFailuresPerAccountAndIp; i++)
        {
            Assert.Equal(TimeSpan.Zero, throttle.Attempt("owner@example.com", "192.0.2.1"));
            throttle.PasswordWasRight("owner@example.com", "192.0.2.1", null, signedIn: i % 2 == 0);
        }
        for (var i = 0; i < settings.FreeFailuresPerAccountAndIp; i++) Assert.Equal(TimeSpan.Zero, throttle.Attempt("guess@example.com", "192.0.2.1"));
        Assert.True(throttle.Attempt("guess@example.com", "192.0.2.1") > TimeSpan.Zero); // the guesses were counted while "checked"
    }

    [Fact]
    public void ACopiedDeviceCookieBuysAFewGuessesOnly()
    {
        var settings = new SignInThrottleSettings();
        var throttle = new SignInThrottle(settings, new SettableClock());
        for (var i = 0; i < settings.FreeFailuresPerAccount; i++) throttle.Failed("owner@example.com", $"192.0.2.{i % 250}");
        Assert.True(throttle.WaitFor("owner@example.com", "198.51.100.1") > TimeSpan.Zero);
        Assert.Equal(TimeSpan.Zero, throttle.WaitFor("owner@example.com", "198.51.100.1", device: "cookie-1"));

        for (var i = 0; i < settings.FreeFailuresPerAccountAndIp; i++) throttle.Failed("owner@example.com", $"203.0.113.{i}", device: "cookie-1");

        Assert.True(throttle.WaitFor("owner@example.com", "198.51.100.2", device: "cookie-1") > TimeSpan.Zero);
        Assert.Equal(TimeSpan.Zero, throttle.WaitFor("owner@example.com", "198.51.100.2", device: "cookie-2")); // the owner's own browser
    }
}
