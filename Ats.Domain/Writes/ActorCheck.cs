using Ats.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace Ats.Domain.Writes;

/// A session or token can outlive a change of its user: every write re-checks that the user is still active,
/// in this tenant, and still holds the role the actor claims.
internal static class ActorCheck
{
    public static async Task RequireCurrentAsync(AtsDbContext db, Actor actor, CancellationToken ct)
    {
        if (actor.UserId is not { } userId) return; // system work at start-up
        var current = await db.Users.AnyAsync(u => u.Id == userId && u.TenantId == actor.TenantId && u.IsActive
            && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == actor.Role)), ct);
        if (!current) throw ForbiddenException.Inactive();
    }
}
