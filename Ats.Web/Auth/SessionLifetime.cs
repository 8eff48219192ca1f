using System.Globalization;
using System.Security.Claims;
using Ats.Domain.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ats.Web.Auth;

/// Ats:Auth: how long a browser session may last.
public sealed class SessionSettings
{
    /// Hours after signing in when a session ends, however often sliding expiry renewed its cookie.
    public double AbsoluteSessionHours { get; set; } = 12;
}

/// Every request with a sign-in cookie is checked against the database: the user still active, the cookie's
/// security stamp still the user's (signing out changes it, so a copied cookie dies with the session), and the
/// sign-in not older than the absolute lifetime. Identity's own validator then refreshes the claims once a minute.
public static class SessionLifetime
{
    /// The sign-in time, kept in the ticket's properties: renewals copy them, so it never moves.
    private const string SignedInAt = "ats.signed_in_at";

    public static IServiceCollection AddSessionLifetime(this IServiceCollection services)
    {
        services.AddOptions<SessionSettings>().BindConfiguration("Ats:Auth");
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme).PostConfigure(cookie =>
        {
            var refreshClaims = cookie.Events.OnValidatePrincipal; // Identity's security stamp validator
            cookie.Events.OnSigningIn = context =>
            {
                context.Properties.Items.TryAdd(SignedInAt, context.Options.TimeProvider!.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
                return Task.CompletedTask;
            };
            cookie.Events.OnValidatePrincipal = async context =>
            {
                if (!await IsCurrentAsync(context))
                {
                    context.RejectPrincipal();
                    await context.HttpContext.SignOutAsync(context.Scheme.Name);
                    return;
                }
                await refreshClaims(context);
            };
        });
        return services;
    }

    private static async Task<bool> IsCurrentAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var settings = services.GetRequiredService<IOptions<SessionSettings>>().Value;
        if (!context.Properties.Items.TryGetValue(SignedInAt, out var value)
            || !DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var signedInAt)
            || context.Options.TimeProvider!.GetUtcNow() - signedInAt >= TimeSpan.FromHours(settings.AbsoluteSessionHours))
            return false;

        var claims = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity;
        var principal = context.Principal!;
        if (!Guid.TryParse(principal.FindFirstValue(claims.UserIdClaimType), out var userId)) return false;
        var stamp = principal.FindFirstValue(claims.SecurityStampClaimType);
        await using var db = await services.GetRequiredService<IDbContextFactory<AtsDbContext>>().CreateDbContextAsync(context.HttpContext.RequestAborted);
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.SecurityStamp, u.IsActive }).SingleOrDefaultAsync(context.HttpContext.RequestAborted);
        return user is { IsActive: true } && user.SecurityStamp == stamp;
    }
}
