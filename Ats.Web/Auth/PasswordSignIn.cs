using Ats.Domain.Identity;
using Microsoft.AspNetCore.Identity;

namespace Ats.Web.Auth;

public enum SignInOutcome { Succeeded, NeedsSecondFactor, Failed, Throttled }

public sealed record SignInCheck(SignInOutcome Outcome, AppUser? User = null, TimeSpan RetryAfter = default);

/// The one password check behind the sign-in form and /xapi2/auth/token. Unknown, deactivated, locked and known
/// accounts cost the same work (one password hash verification, against a dummy hash where there is no usable one),
/// and the throttle answers before any password is checked, so neither the answer nor its time tells who exists.
public sealed class PasswordSignIn(SignInManager<AppUser> signIn, IPasswordHasher<AppUser> hasher, SignInThrottle throttle, KnownDevices devices)
{
    private static readonly Lazy<string> DummyHash = new(() => new PasswordHasher<AppUser>().HashPassword(new AppUser(), Guid.NewGuid().ToString()));

    public UserManager<AppUser> Users => signIn.UserManager;

    /// Checks email and password; <paramref name="setCookie"/> signs in (or starts the second step) through the response.
    /// <paramref name="browser"/>: the sign-in form's request, whose device cookie may show it signed in here before.
    public async Task<SignInCheck> CheckAsync(string email, string password, string? ip, bool setCookie, HttpContext? browser = null)
    {
        email = email.Trim();
        // No address is longer (RFC 5321); a longer one is simply wrong, and costs the throttle nothing.
        if (email.Length > MaxEmailLength) return new(SignInOutcome.Failed);
        var user = await Users.FindByEmailAsync(email);
        var device = browser is null ? null : devices.Device(browser, email, user);
        // Counted before the password is hashed, so that parallel guesses cannot all pass; taken back when it was right.
        if (throttle.Attempt(email, ip, device) is { Ticks: > 0 } wait) return new(SignInOutcome.Throttled, RetryAfter: wait);
        if (user is null || !await signIn.CanSignInAsync(user) || await Users.IsLockedOutAsync(user))
        {
            hasher.VerifyHashedPassword(user ?? new AppUser(), DummyHash.Value, password);
            return new(SignInOutcome.Failed);
        }
        // Identity's own lockout never counts passwords: a stranger could lock anyone out with it.
        var result = setCookie
            ? await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: false)
            : await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: false);
        if (result.RequiresTwoFactor || (result.Succeeded && !setCookie && await Users.GetTwoFactorEnabledAsync(user)))
        {
            throttle.PasswordWasRight(email, ip, device, signedIn: false);
            return new(SignInOutcome.NeedsSecondFactor, user);
        }
        if (!result.Succeeded) return new(SignInOutcome.Failed);
        throttle.PasswordWasRight(email, ip, device, signedIn: true);
        return new(SignInOutcome.Succeeded, user);
    }

    public const int MaxEmailLength = 254;

    /// Checks a 6-digit authenticator code or a recovery code for a user whose password was right.
    public async Task<bool> CheckSecondFactorAsync(AppUser user, string code, string? ip, HttpContext? browser = null)
    {
        var email = user.Email ?? "";
        code = code.Replace(" ", "").Trim(); // recovery codes keep their hyphen
        var ok = !await Users.IsLockedOutAsync(user) && (code.Length == 6 && code.All(char.IsAsciiDigit)
            ? await Users.VerifyTwoFactorTokenAsync(user, Users.Options.Tokens.AuthenticatorTokenProvider, code)
            : code.Length > 0 && (await Users.RedeemTwoFactorRecoveryCodeAsync(user, code)).Succeeded);
        if (!ok)
        {
            throttle.Failed(email, ip, browser is null ? null : devices.Device(browser, email, user));
            await Users.AccessFailedAsync(user); // ten wrong codes lock for 5 min; that needs the password first
            return false;
        }
        await Users.ResetAccessFailedCountAsync(user);
        throttle.Succeeded(email, ip);
        return true;
    }

    public TimeSpan WaitFor(AppUser user, string? ip, HttpContext? browser = null) =>
        throttle.WaitFor(user.Email ?? "", ip, browser is null ? null : devices.Device(browser, user.Email ?? "", user));
}
