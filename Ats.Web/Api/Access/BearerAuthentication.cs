using Ats.Domain.Data;
using Ats.Domain.Identity;
using Ats.Domain.Tokens;
using Ats.Domain.Writes;
using Microsoft.EntityFrameworkCore;
using Ats.Web.Api.Operations;

namespace Ats.Web.Api.Access;

/// Resolves "Authorization: Bearer pat_… | <jwt>" to the domain actor for every /xapi2 route that needs one.
/// The WebSocket channel may carry a single-use ?ticket= (POST /xapi2/ch/ticket) or, for old clients, ?token= instead,
/// since browsers cannot set headers on a WebSocket.
public sealed class BearerAuthentication(RequestDelegate next, BearerTokens tokens, SocketTickets tickets)
{
    private static readonly string[] Open = ["/xapi2/auth/token", "/xapi2/openapi.json", "/xapi2/docs"];

    public async Task InvokeAsync(HttpContext http)
    {
        if (Open.Any(p => http.Request.Path.StartsWithSegments(p)))
        {
            await next(http);
            return;
        }
        var (credential, refusal) = BearerTokens.TicketFromRequest(http) is { } ticket
            ? await CheckTicketAsync(http, ticket)
            : BearerTokens.FromRequest(http) is { } token
                ? await tokens.VerifyAsync(token, http.RequestAborted)
                : (null, new TokenProblem("unauthorized", "Send a token: Authorization: Bearer <token>."));
        Actor? actor = null;
        if (credential is not null)
            (actor, refusal) = await tokens.AuthenticateAsync(credential, http.Connection.RemoteIpAddress?.ToString(), Channel.Api, http.RequestAborted);
        if (actor is null)
        {
            await RefuseAsync(http, refusal!);
            return;
        }
        http.SetActor(actor, credential!);
        await next(http);
    }

    /// Checks the ticket without spending it: the channel spends it once the socket is accepted (ChannelEndpoint), so a
    /// handshake refused for another reason (too many sockets, a foreign origin) leaves it for a retry.
    private async Task<(BearerCredential?, TokenProblem?)> CheckTicketAsync(HttpContext http, string ticket)
    {
        var (row, refusal) = await tickets.CheckAsync(ticket, http.RequestAborted);
        if (row is not null) http.Items[TicketItem] = row;
        return row is not null ? (SocketTickets.CredentialOf(row), null) : (null, TicketProblem(refusal!.Value));
    }

    private static readonly object TicketItem = new();

    /// The socket ticket this request came with, checked but not yet spent.
    public static SocketTicket? Ticket(HttpContext http) => http.Items[TicketItem] as SocketTicket;

    public static TokenProblem TicketProblem(TicketRefusal refusal) => refusal switch
    {
        TicketRefusal.Used => new("ticket_used", "The ticket was used already: get a new one for every connection."),
        TicketRefusal.Expired => new("ticket_expired", $"The ticket has expired (tickets are valid for {SocketTickets.Lifetime.TotalSeconds:0} s)."),
        _ => new("invalid_ticket", "Unknown ticket. Get one with POST /xapi2/ch/ticket."),
    };

    /// The 401 of a refused token or ticket.
    public static Task RefuseAsync(HttpContext http, TokenProblem refusal)
    {
        http.Response.Headers.WWWAuthenticate = refusal.Code == "unauthorized" ? "Bearer" : "Bearer error=\"invalid_token\"";
        return Problems.WriteAsync(http, 401, refusal.Code, refusal.Detail);
    }
}

/// Why a bearer token was refused, as the 401's code and detail (or the WebSocket's close reason).
public sealed record TokenProblem(string Code, string Detail);

/// A PAT or a JWT to the actor it stands for, with its user's current role; used per request and by open sockets
/// to re-check their token every few seconds (a revoked token's socket is closed).
public sealed class BearerTokens(TokenService pats, JwtTokens jwt, TokenCache cache, IDbContextFactory<AtsDbContext> dbFactory, TimeProvider clock)
{
    public const string ChannelPath = "/xapi2/ch";

    /// The header's token; on the socket's own path also ?token= (old clients; a ticket is the better way).
    public static string? FromRequest(HttpContext http)
    {
        var header = http.Request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && header.Length > 7) return header[7..].Trim();
        return IsChannel(http) && http.Request.Query["token"].ToString() is { Length: > 0 } query ? query : null;
    }

    /// ?ticket= on the socket's path, unless a header names the token.
    public static string? TicketFromRequest(HttpContext http) =>
        IsChannel(http) && http.Request.Headers.Authorization.Count == 0 && http.Request.Query["ticket"].ToString() is { Length: > 0 } ticket ? ticket : null;

    private static bool IsChannel(HttpContext http) => http.Request.Path.Equals(ChannelPath, StringComparison.OrdinalIgnoreCase)
        || http.Request.Path.Equals(ChannelPath + "/", StringComparison.OrdinalIgnoreCase);

    /// The secret checked (a PAT's shape, a JWT's signature and expiry) and turned into what it stands for.
    public async Task<(BearerCredential? Credential, TokenProblem? Refusal)> VerifyAsync(string token, CancellationToken ct)
    {
        if (token.StartsWith(PatFormat.Prefix, StringComparison.Ordinal))
            return PatFormat.IsWellFormed(token) ? (new BearerCredential.Pat(PatFormat.Hash(token)), null) : (null, Problem(TokenRefusal.Malformed));
        var (credential, expired) = await jwt.ValidateAsync(token, ct);
        return credential is not null ? (credential, null)
            : expired ? (null, Expired) : (null, new("invalid_token", "The token is malformed, unknown or forged."));
    }

    /// The actor a verified token stands for now: re-checked per request and by open sockets (revocation, expiry, the user's state).
    public async Task<(Actor? Actor, TokenProblem? Refusal)> AuthenticateAsync(BearerCredential credential, string? ip, Channel channel, CancellationToken ct)
    {
        var (actor, refusal) = credential switch
        {
            BearerCredential.Pat pat => await FromPatAsync(pat.Hash, ip, ct),
            BearerCredential.Jwt token => await FromJwtAsync(token, ct),
            _ => (null, new TokenProblem("invalid_token", "Unknown token.")),
        };
        return (actor is null ? null : actor with { Channel = channel }, refusal);
    }

    private static readonly TokenProblem Expired = new("token_expired", "The token has expired. Get a new one (POST /xapi2/auth/token, or an admin creates a PAT in the Integrations menu).");

    private static TokenProblem Problem(TokenRefusal refusal) => refusal switch
    {
        TokenRefusal.Malformed => new("invalid_token", "The token is not a well-formed access token (check for a typo)."),
        TokenRefusal.Expired => Expired,
        TokenRefusal.Revoked => new("token_revoked", "The token was revoked."),
        TokenRefusal.UserInactive => new("user_inactive", "The user behind this token is deactivated."),
        _ => new("invalid_token", "Unknown token."),
    };

    private async Task<(Actor?, TokenProblem?)> FromPatAsync(string hash, string? ip, CancellationToken ct)
    {
        var (actor, refusal) = await pats.AuthenticateHashAsync(hash, ip, ct);
        return refusal is null ? (actor, null) : (null, Problem(refusal.Value));
    }

    private async Task<(Actor?, TokenProblem?)> FromJwtAsync(BearerCredential.Jwt token, CancellationToken ct)
    {
        if (token.ExpiresAt <= clock.GetUtcNow().UtcDateTime) return (null, Expired);
        // The user's state, as for PATs, is trusted for a few seconds: many sockets of one user re-check together.
        var key = $"jwt|{token.TenantId}|{token.UserId}";
        if (cache.Find(key, null) is { } known) return (known, null);
        var generation = cache.Generation;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await UserDirectory.FindActiveAsync(db, token.UserId, token.TenantId, ct);
        if (user is null) return (null, Problem(TokenRefusal.UserInactive));
        var actor = new Actor(user.Id, token.TenantId, user.Role, user.Name, Channel.Api) { VerifiedAt = clock.GetUtcNow().UtcDateTime };
        cache.Remember(key, Guid.Empty, actor, expiresAt: null, ip: null, generation);
        return (actor, null);
    }
}

public static class ApiActor
{
    private static readonly object Key = new(), CredentialKey = new();

    public static void SetActor(this HttpContext http, Actor actor, BearerCredential credential)
    {
        http.Items[Key] = actor;
        http.Items[CredentialKey] = credential;
    }

    /// What the caller's token stands for (the socket re-checks it; a ticket is bound to it).
    public static BearerCredential Credential(this HttpContext http) => (BearerCredential)http.Items[CredentialKey]!;

    /// The caller of an authenticated /xapi2 request (the middleware answered 401 otherwise).
    public static Actor Actor(this HttpContext http) => (Actor)http.Items[Key]!;

    public static Actor? ActorOrNull(this HttpContext http) => http.Items[Key] as Actor;
}
