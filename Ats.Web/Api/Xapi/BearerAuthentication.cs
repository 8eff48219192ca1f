using Ats.Domain.Data;
using Ats.Domain.Identity;
using Ats.Domain.Tokens;
using Ats.Domain.Writes;
using Microsoft.EntityFrameworkCore;

namespace Ats.Web.Api.Xapi;

/// Resolves "Authorization: Bearer pat_… | <jwt>" to the domain actor for every /xapi2 route that needs one.
/// The WebSocket channel may carry it as ?token= instead, since browsers cannot set headers on a WebSocket.
public sealed class BearerAuthentication(RequestDelegate next, BearerTokens tokens)
{
    private static readonly string[] Open = ["/xapi2/auth/token", "/xapi2/openapi.json", "/xapi2/docs"];

    public async Task InvokeAsync(HttpContext http)
    {
        if (Open.Any(p => http.Request.Path.StartsWithSegments(p)))
        {
            await next(http);
            return;
        }
        var token = BearerTokens.FromRequest(http);
        if (token is null)
        {
            http.Response.Headers.WWWAuthenticate = "Bearer";
            await Problems.WriteAsync(http, 401, "unauthorized", "Send a token: Authorization: Bearer <token>.");
            return;
        }
        var (actor, refusal) = await tokens.AuthenticateAsync(token, http.Connection.RemoteIpAddress?.ToString(), Channel.Api, http.RequestAborted);
        if (actor is null)
        {
            http.Response.Headers.WWWAuthenticate = $"Bearer error=\"invalid_token\"";
            await Problems.WriteAsync(http, 401, refusal!.Code, refusal.Detail);
            return;
        }
        http.SetActor(actor);
        await next(http);
    }
}

/// Why a bearer token was refused, as the 401's code and detail (or the WebSocket's close reason).
public sealed record TokenProblem(string Code, string Detail);

/// A PAT or a JWT to the actor it stands for, with its user's current role; used per request and by open sockets
/// to re-check their token every few seconds (a revoked token's socket is closed).
public sealed class BearerTokens(TokenService pats, JwtTokens jwt, TokenCache cache, IDbContextFactory<AtsDbContext> dbFactory)
{
    public const string ChannelPath = "/xapi2/ch";

    public static string? FromRequest(HttpContext http)
    {
        var header = http.Request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && header.Length > 7) return header[7..].Trim();
        return http.Request.Path.StartsWithSegments(ChannelPath) && http.Request.Query["token"].ToString() is { Length: > 0 } query ? query : null;
    }

    public async Task<(Actor? Actor, TokenProblem? Refusal)> AuthenticateAsync(string token, string? ip, Channel channel, CancellationToken ct)
    {
        var (actor, refusal) = token.StartsWith(PatFormat.Prefix, StringComparison.Ordinal)
            ? await FromPatAsync(token, ip, ct)
            : await FromJwtAsync(token, ct);
        return (actor is null ? null : actor with { Channel = channel }, refusal);
    }

    private async Task<(Actor?, TokenProblem?)> FromPatAsync(string token, string? ip, CancellationToken ct)
    {
        var (actor, refusal) = await pats.AuthenticateAsync(token, ip, ct);
        return refusal switch
        {
            null => (actor, null),
            TokenRefusal.Malformed => (null, new("invalid_token", "The token is not a well-formed access token (check for a typo).")),
            TokenRefusal.Expired => (null, new("token_expired", "The token has expired. An admin can create a new one in the Integrations menu.")),
            TokenRefusal.Revoked => (null, new("token_revoked", "The token was revoked.")),
            TokenRefusal.UserInactive => (null, new("user_inactive", "The user behind this token is deactivated.")),
            _ => (null, new("invalid_token", "Unknown token.")),
        };
    }

    private async Task<(Actor?, TokenProblem?)> FromJwtAsync(string token, CancellationToken ct)
    {
        if (await jwt.ValidateAsync(token, ct) is not var (userId, tenantId))
            return (null, new("invalid_token", "The token is invalid or has expired."));
        // The user's state, as for PATs, is trusted for a few seconds: many sockets of one user re-check together.
        var key = $"jwt|{tenantId}|{userId}";
        if (cache.Find(key, null) is { } known) return (known, null);
        var generation = cache.Generation;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await UserDirectory.FindActiveAsync(db, userId, tenantId, ct);
        if (user is null) return (null, new("user_inactive", "The user behind this token is deactivated."));
        var actor = new Actor(user.Id, tenantId, user.Role, user.Name, Channel.Api) { VerifiedAt = DateTime.UtcNow };
        cache.Remember(key, Guid.Empty, actor, expiresAt: null, ip: null, generation);
        return (actor, null);
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
