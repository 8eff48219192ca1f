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
}
