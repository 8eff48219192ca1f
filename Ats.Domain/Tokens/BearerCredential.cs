namespace Ats.Domain.Tokens;

/// What a bearer stands for once its secret has been checked: a PAT (by its stored hash) or a JWT's user until the
/// JWT expires. Open sockets and socket tickets keep this instead of the secret, and re-check it against the database.
public abstract record BearerCredential
{
    /// One key per token (not per secret string): what a limit per token counts.
    public abstract string Key { get; }

    public sealed record Pat(string Hash) : BearerCredential
    {
        public override string Key => "pat:" + Hash;
    }

    public sealed record Jwt(Guid UserId, Guid TenantId, DateTime ExpiresAt) : BearerCredential
    {
        public override string Key => $"jwt:{TenantId}:{UserId}";
    }
}
