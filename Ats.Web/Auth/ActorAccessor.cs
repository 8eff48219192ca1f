using System.Security.Claims;
using Ats.Domain.Identity;
using Ats.Domain.Writes;
using Microsoft.AspNetCore.Components.Authorization;

namespace Ats.Web.Auth;

/// The signed-in user as the domain's <see cref="Actor"/> on the UI channel.
public sealed class ActorAccessor(AuthenticationStateProvider authState)
{
    public async Task<Actor> GetAsync()
    {
        var user = (await authState.GetAuthenticationStateAsync()).User;
        return FromPrincipal(user) ?? throw ForbiddenException.Inactive();
    }

    public async Task<string> GetTimeZoneAsync() =>
        (await authState.GetAuthenticationStateAsync()).User.FindFirstValue(AtsClaims.TimeZone) ?? Localization.Formats.DefaultTimeZone;

    public static Actor? FromPrincipal(ClaimsPrincipal user)
    {
        if (!Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var userId)
            || !Guid.TryParse(user.FindFirstValue(AtsClaims.TenantId), out var tenantId))
            return null;
        var role = Roles.All.FirstOrDefault(user.IsInRole) ?? Roles.HiringManager; // least privilege if in doubt
        return new Actor(userId, tenantId, role, user.FindFirstValue(AtsClaims.DisplayName) ?? "", Channel.Ui);
    }
}
