using Ats.Domain.Data;
using Ats.Domain.Identity;

namespace Ats.Domain.Writes;

/// A session or token can outlive a change of its user: every read and write re-checks that the user is still active,
/// in this tenant, and still holds the role the actor claims.
internal static class ActorCheck
{
    /// How long a verified actor is trusted without reading the user again.
    public static readonly TimeSpan Fresh = TimeSpan.FromSeconds(5);

    public static async Task RequireCurrentAsync(AtsDbContext db, Actor actor, CancellationToken ct)
    {
        if (actor.UserId is not { } userId) return; // system work at start-up
        if (actor.VerifiedAt > DateTime.UtcNow - Fresh) return;
        var user = await UserDirectory.FindActiveAsync(db, userId, actor.TenantId, ct);
        if (user?.Role != actor.Role) throw ForbiddenException.Inactive();
    }
}
