using System.Linq.Expressions;
using Ats.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace Ats.Domain.Identity;

public sealed record ActiveUser(Guid Id, string Name, string Role);

/// Looks up who a token or session stands for right now: their current role, if they are still active.
public static class UserDirectory
{
    public static async Task<ActiveUser?> FindActiveAsync(AtsDbContext db, Guid userId, Guid tenantId, CancellationToken ct)
    {
        var user = await db.Users.Where(u => u.Id == userId && u.TenantId == tenantId && u.IsActive).Select(AsActiveUser(db)).FirstOrDefaultAsync(ct);
        return user is { Role.Length: > 0 } ? user : null;
    }

    /// A user with their role name ("" when they have none), as a projection other queries can embed.
    public static Expression<Func<AppUser, ActiveUser>> AsActiveUser(AtsDbContext db) => u => new ActiveUser(u.Id, u.DisplayName,
        db.Roles.Where(r => db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == r.Id)).Select(r => r.Name!).FirstOrDefault() ?? "");
}
