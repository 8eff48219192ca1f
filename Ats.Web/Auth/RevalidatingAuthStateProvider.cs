using System.Security.Claims;
using Ats.Domain.Data;
using Ats.Domain.Identity;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Ats.Web.Auth;

/// A circuit lives for hours: every minute it checks that its user is still active and unchanged
/// (same security stamp) and, once the organisation requires two-factor for admins, has set it up; else the circuit is
/// signed out (the page turns to the sign-in form; the next page load goes through the cookie, which sends such an admin
/// to the set-up page).
public sealed class RevalidatingAuthStateProvider(ILoggerFactory loggerFactory, IServiceScopeFactory scopes, IOptions<IdentityOptions> options)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    protected override Task<bool> ValidateAuthenticationStateAsync(AuthenticationState state, CancellationToken ct) => IsStillValidAsync(state.User, ct);

    internal async Task<bool> IsStillValidAsync(ClaimsPrincipal principal, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.GetUserAsync(principal);
        if (user is null || !user.IsActive) return false;
        if (!principal.HasClaim(c => c.Type == AtsClaims.TwoFactorSetupRequired)
            && await TwoFactorPolicy.IsSetupRequiredAsync(users, scope.ServiceProvider.GetRequiredService<AtsDbContext>(), user, ct)) return false;
        if (!users.SupportsUserSecurityStamp) return true;
        var stamp = principal.FindFirstValue(options.Value.ClaimsIdentity.SecurityStampClaimType);
        return stamp == await users.GetSecurityStampAsync(user);
    }
}
