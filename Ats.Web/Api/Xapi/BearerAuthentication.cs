using Ats.Domain.Data;
using Ats.Domain.Identity;
using Ats.Domain.Tokens;
using Ats.Domain.Writes;
using Microsoft.EntityFrameworkCore;

namespace Ats.Web.Api.Xapi;

/// Resolves "Authorization: Bearer pat_… | <jwt>" to the domain actor for every /xapi2 route that needs one.
/// The actor always carries the user's current role, so a token never outlives a demotion or a deactivation.
public sealed class BearerAuthentication(RequestDelegate next, TokenService tokens, JwtTokens jwt, IDbContextFactory<AtsDbContext> dbFactory)
{
    private static readonly string[] Open = ["/xapi2/auth/token", "/xapi2/openapi.json", "/xapi2/docs"];

    public async Task InvokeAsync(HttpContext http)
    {
        if (Open.Any(p => http.Request.Path.StartsWithSegments(p)))
        {
            await next(http);
            return;
        }
        var header = http.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || header.Length <= 7)
        {
            http.Response.Headers.WWWAuthenticate = "Bearer";
            await Problems.WriteAsync(http, 401, "unauthorized", "Send a token: Authorization: Bearer <token>.");
            return;
        }
        var token = header[7..].Trim();
        var (actor, code, detail) = token.StartsWith(PatFormat.Prefix, StringComparison.Ordinal)
            ? await FromPatAsync(token, http)
            : await FromJwtAsync(token, http.RequestAborted);
        if (actor is null)
        {
            http.Response.Headers.WWWAuthenticate = $"Bearer error=\"invalid_token\"";
            await Problems.WriteAsync(http, 401, code!, detail!);
            return;
        }
        http.SetActor(actor);
        await next(http);
    }

    private async Task<(Actor?, string?, string?)> FromPatAsync(string token, HttpContext http)
    {
        var (actor, refusal) = await tokens.AuthenticateAsync(token, http.Connection.RemoteIpAddress?.ToString(), http.RequestAborted);
        return refusal switch
        {
            null => (actor, null, null),
            TokenRefusal.Malformed => (null, "invalid_token", "The token is not a well-formed access token (check for a typo)."),
            TokenRefusal.Expired => (null, "token_expired", "The token has expired. An admin can create a new one in the Integrations menu."),
            TokenRefusal.Revoked => (null, "token_revoked", "The token was revoked."),
            TokenRefusal.UserInactive => (null, "user_inactive", "The user behind this token is deactivated."),
            _ => (null, "invalid_token", "Unknown token."),
        };
    }

    private async Task<(Actor?, string?, string?)> FromJwtAsync(string token, CancellationToken ct)
    {
        if (await jwt.ValidateAsync(token, ct) is not var (userId, tenantId))
            return (null, "invalid_token", "The token is invalid or has expired.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await UserDirectory.FindActiveAsync(db, userId, tenantId, ct);
        return user is null ? (null, "user_inactive", "The user behind this token is deactivated.")
            : (new Actor(user.Id, tenantId, user.Role, user.Name, Channel.Api) { VerifiedAt = DateTime.UtcNow }, null, null);
    }
}

public static class ApiActor
{
    private static readonly object Key = new();

    public static void SetActor(this HttpContext http, Actor actor) => http.Items[Key] = actor;

    /// The caller of an authenticated /xapi2 request (the middleware answered 401 otherwise).
    public static Actor Actor(this HttpContext http) => (Actor)http.Items[Key]!;

    public static Actor? ActorOrNull(this HttpContext http) => http.Items[Key] as Actor;
}
