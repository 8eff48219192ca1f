using Ats.Domain.Identity;
using Microsoft.AspNetCore.Identity;

namespace Ats.Web.Auth;

public enum SignInOutcome { Succeeded, NeedsSecondFactor, Failed, Throttled }

public sealed record SignInCheck(SignInOutcome Outcome, AppUser? User = null, TimeSpan RetryAfter = default);

/// The one password check behind the sign-in form and /xapi2/auth/token. Unknown, deactivated, locked and known
/// accounts cost the same work (one password hash verification, against a dummy hash where there is no usable one),
/// and the throttle answers before anything is looked up, so neither the answer nor its time tells who exists.
public sealed class PasswordSignIn(SignInManager<AppUser> signIn, IPasswordHasher<AppUser> hasher, SignInThrottle throttle)
{
    private static readonly Lazy<string> DummyHash = new(() => new PasswordHasher<AppUser>().HashPassword(new AppUser(), Guid.NewGuid().ToString()));

    public UserManager<AppUser> Users => signIn.UserManager;

    /// Checks email and password; <paramref name="setCookie"/> signs in (or starts the second step) through the response.
    /// <paramref name="knownDevice"/>: the browser has signed in to this email before (see <see cref="KnownDevices"/>).
    public async Task<SignInCheck> CheckAsync(string email, string password, string? ip, bool setCookie, bool knownDevice = false)
    {
        email = email.Trim();
        if (throttle.WaitFor(email, ip, knownDevice) is { Ticks: > 0 } wait) return new(SignInOutcome.Throttled, RetryAfter: wait);
        var user = await Users.FindByEmailAsync(email);
        if (user is null || !await signIn.CanSignInAsync(user) || await Users.IsLockedOutAsync(user))
        {
            hasher.VerifyHashedPassword(user ?? new AppUser(), DummyHash.Value, password);
            throttle.Failed(email, ip);
            return new(SignInOutcome.Failed);
        }
        // Identity's own lockout never counts passwords: a stranger could lock anyone out with it.
        var result = setCookie
            ? await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: false)
            : await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: false);
        if (result.RequiresTwoFactor || (result.Succeeded && !setCookie && await Users.GetTwoFactorEnabledAsync(user)))
            return new(SignInOutcome.NeedsSecondFactor, user);
        if (!result.Succeeded)
        {
            throttle.Failed(email, ip);
            return new(SignInOutcome.Failed);
        }
        throttle.Succeeded(email, ip);
        return new(SignInOutcome.Succeeded, user);
    }

    /// Checks a 6-digit authenticator code or a recovery code for a user whose password was right.
    public async Task<bool> CheckSecondFactorAsync(AppUser user, string code, string? ip)
    {
        var email = user.Email ?? "";
        code = code.Replace(" ", "").Trim(); // recovery codes keep their hyphen
        var ok = !await Users.IsLockedOutAsync(user) && (code.Length == 6 && code.All(char.IsAsciiDigit)
            ? await Users.VerifyTwoFactorTokenAsync(user, Users.Options.Tokens.AuthenticatorTokenProvider, code)
            : code.Length > 0 && (await Users.RedeemTwoFactorRecoveryCodeAsync(user, code)).Succeeded);
        if (!ok)
        {
            throttle.Failed(email, ip);
            await Users.AccessFailedAsync(user); // ten wrong codes lock for 5 min; that needs the password first
            return false;
        }
        await Users.ResetAccessFailedCountAsync(user);
        throttle.Succeeded(email, ip);
        return true;
    }

    public TimeSpan WaitFor(AppUser user, string? ip, bool knownDevice) => throttle.WaitFor(user.Email ?? "", ip, knownDevice);
}
