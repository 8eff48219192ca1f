using System.Security.Claims;
using Ats.Domain.Data;
using Ats.Domain.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Ats.Web.Auth;

/// Adds the tenant, display name and time zone to the cookie, so no request needs a user lookup to know them.
public sealed class AtsClaimsFactory(UserManager<AppUser> users, RoleManager<IdentityRole<Guid>> roles, IOptions<IdentityOptions> options, AtsDbContext db)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole<Guid>>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(AtsClaims.TenantId, user.TenantId.ToString()));
        identity.AddClaim(new Claim(AtsClaims.DisplayName, user.DisplayName));
        identity.AddClaim(new Claim(AtsClaims.TimeZone, user.TimeZone));
        // Made again at every cookie validation (each minute), so the flag follows the organisation's setting.
        if (await TwoFactorPolicy.IsSetupRequiredAsync(UserManager, db, user)) identity.AddClaim(new Claim(AtsClaims.TwoFactorSetupRequired, "1"));
        return identity;
    }
}
