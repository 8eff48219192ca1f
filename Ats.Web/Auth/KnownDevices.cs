using System.Security.Cryptography;
using System.Text;
using Ats.Domain.Identity;
using Microsoft.AspNetCore.DataProtection;

namespace Ats.Web.Auth;

/// OWASP's "device cookie": a browser that has fully signed in to an account (password and second factor) gets a
/// cookie naming that account, so a guess spread over many addresses cannot hold its owner up there. The cookie holds
/// a hash of the email and of the account's password hash (never the email), sealed with Data Protection and valid
/// 180 days (checked on the server too, on the real clock): a new password (changed or reset) ends every device cookie
/// of the account. Not the security stamp: signing out renews that, and would end the cookie each time. One cookie per account, sent only to /account pages. Each cookie has a
/// failure count of its own in the throttle (its <see cref="Device"/> id), so a copied cookie buys a few guesses only.
public sealed class KnownDevices(IDataProtectionProvider protection, IHostEnvironment environment)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(180);
    private const string Prefix = "ats_device_";
    private readonly ITimeLimitedDataProtector _protector = protection.CreateProtector("Ats.Web.Auth.KnownDevices.v2").ToTimeLimitedDataProtector();

    /// After a full sign-in on the form.
    public void Remember(HttpContext http, AppUser user)
    {
        var email = Hash(user.Email ?? "");
        http.Response.Cookies.Append(Prefix + email[..16], _protector.Protect(Sealed(email, user.PasswordHash), Lifetime), new CookieOptions
        {
            HttpOnly = true,
            Secure = !environment.IsDevelopment() || http.Request.IsHttps,
            SameSite = SameSiteMode.Strict,
            IsEssential = true, // a security measure, not tracking
            MaxAge = Lifetime,
            Path = "/account",
        });
    }

    /// The id of this request's device cookie for this account with its current password, for the throttle's count of
    /// that cookie; null for none, or a forged, expired, outdated or other account's cookie.
    public string? Device(HttpContext http, string email, AppUser? account)
    {
        var hash = Hash(email);
        if (account?.PasswordHash is not { } password || !http.Request.Cookies.TryGetValue(Prefix + hash[..16], out var cookie)) return null;
        try
        {
            var known = CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(_protector.Unprotect(cookie, out _)),
                Encoding.ASCII.GetBytes(Sealed(hash, password)));
            return known ? Hash(cookie)[..32] : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    private static string Sealed(string emailHash, string? passwordHash) => emailHash + "|" + Hash(passwordHash ?? "")[..16];

    private static string Hash(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.Trim().ToUpperInvariant())));
}
