using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;

namespace Ats.Web.Auth;

/// OWASP's "device cookie": a browser that has fully signed in to an account (password and second factor) gets a
/// cookie naming that account, so a guess spread over many addresses cannot hold its owner up there. The cookie holds
/// a hash of the email (never the email), sealed with Data Protection and valid 180 days (checked on the server too, on the
/// real clock); one cookie per account, sent only to /account pages.
public sealed class KnownDevices(IDataProtectionProvider protection, IHostEnvironment environment)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(180);
    private const string Prefix = "ats_device_";
    private readonly ITimeLimitedDataProtector _protector = protection.CreateProtector("Ats.Web.Auth.KnownDevices.v1").ToTimeLimitedDataProtector();

    /// After a full sign-in on the form.
    public void Remember(HttpContext http, string email)
    {
        var hash = Hash(email);
        http.Response.Cookies.Append(Prefix + hash[..16], _protector.Protect(hash, Lifetime), new CookieOptions
        {
            HttpOnly = true,
            Secure = !environment.IsDevelopment() || http.Request.IsHttps,
            SameSite = SameSiteMode.Strict,
            IsEssential = true, // a security measure, not tracking
            MaxAge = Lifetime,
            Path = "/account",
        });
    }

    /// Whether this request carries a valid device cookie for this email (a forged, expired or other account's one: no).
    public bool IsKnown(HttpContext http, string email)
    {
        var hash = Hash(email);
        if (!http.Request.Cookies.TryGetValue(Prefix + hash[..16], out var sealedHash)) return false;
        try
        {
            return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(_protector.Unprotect(sealedHash, out _)), Encoding.ASCII.GetBytes(hash));
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    private static string Hash(string email) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(email.Trim().ToUpperInvariant())));
}
