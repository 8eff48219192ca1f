using Ats.Domain.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Ats.Domain.Identity;

/// "Require two-factor for admins", set per organisation: an admin without a second factor sets one up before anything
/// else, and cannot switch it off.
public static class TwoFactorPolicy
{
    public static async Task<bool> AppliesToAsync(UserManager<AppUser> users, AtsDbContext db, AppUser user, CancellationToken ct = default) =>
        await db.Tenants.AnyAsync(t => t.Id == user.TenantId && t.RequireTwoFactorForAdmins, ct) && await users.IsInRoleAsync(user, Roles.Admin);

    public static async Task<bool> IsSetupRequiredAsync(UserManager<AppUser> users, AtsDbContext db, AppUser user, CancellationToken ct = default) =>
        !await users.GetTwoFactorEnabledAsync(user) && await AppliesToAsync(users, db, user, ct);
}
