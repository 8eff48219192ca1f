using Ats.Domain.Data;
using Ats.Domain.Identity;

namespace Ats.Domain.Writes;

/// The surface a write or read came through; recorded in the audit log.
public enum Channel { Ui, Api, Ws, Mcp, V1, System }

/// Who acts, for which tenant, in which role, with which token scopes (null: a signed-in user, no scope limit).
public sealed record Actor(Guid? UserId, Guid TenantId, string Role, string Name, Channel Channel,
    IReadOnlySet<string>? Scopes = null)
{
    /// When the user's active state and role were last read from the database for this actor. An API request builds
    /// its actor from the database, so its operations need not read them again; a long-lived UI session re-checks.
    public DateTime? VerifiedAt { get; init; }

    public bool IsAdmin => Role == Roles.Admin;
    public bool IsHiringManager => Role == Roles.HiringManager;
    public string ChannelName => SnakeCase<Channel>.Name(Channel);

    /// Start-up work such as the demo seed: acts as an admin of one tenant, with no user behind it.
    public static Actor System(Guid tenantId) => new(null, tenantId, Roles.Admin, "system", Channel.System);
}
