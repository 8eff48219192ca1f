using System.Text.Json.Nodes;
using Ats.Domain.Data;
using Ats.Domain.Identity;
using Ats.Domain.Tokens;
using Ats.Web.Auth;
using Ats.Web.Api.Access;
using Ats.Web.Api.Operations;

namespace Ats.Web.Api.Xapi;

/// POST /xapi2/auth/token (email and password → short-lived JWT) and token management for admins.
public static class TokenApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/auth/token", IssueJwtAsync);
        api.MapGet("/tokens", async (HttpContext http, TokenService tokens) =>
            Results.Json(new JsonObject { ["data"] = new JsonArray((await tokens.ListAsync(http.Actor(), http.RequestAborted)).Select(ToJson).ToArray()) }));
        api.MapPost("/tokens", CreateAsync);
        api.MapGet("/tokens/{id}", async (string id, HttpContext http, TokenService tokens) =>
        {
            var tokenId = ParseId(id);
            return (await tokens.ListAsync(http.Actor(), http.RequestAborted)).FirstOrDefault(t => t.Id == tokenId) is { } token
                ? Results.Json(ToJson(token))
                : throw new Ats.Domain.Writes.NotFoundException(TokenService.Model, tokenId);
        });
        api.MapDelete("/tokens/{id}", async (string id, HttpContext http, TokenService tokens) =>
        {
            await tokens.RevokeAsync(http.Actor(), ParseId(id), http.RequestAborted);
            return Results.NoContent();
        });
    }

    private static Guid ParseId(string id) =>
        Guid.TryParse(id, out var value) ? value : throw new BodyException(400, "invalid_id", $"'{id}' is not a UUID.");

    /// Secrets (a new token, a JWT) must not be kept by a cache on the way.
    private static void NoStore(HttpContext http) => http.Response.Headers.CacheControl = "no-store";

    private static async Task<IResult> IssueJwtAsync(HttpContext http, PasswordSignIn signIn, JwtTokens jwt, AtsDbContext db)
    {
        var body = await JsonBody.ReadAsync(http.Request);
        var email = Text(body, "email");
        var password = Text(body, "password");
        var code = body.ContainsKey("code") ? Text(body, "code") : null;
        var ip = http.Connection.RemoteIpAddress?.ToString();
        var check = await signIn.CheckAsync(email, password, ip, setCookie: false);
        if (check.Outcome == SignInOutcome.NeedsSecondFactor)
        {
            if (code is null)
                return Problems.Of(http, 401, "two_factor_required", "This account signs in with a second factor: send the 6-digit code of the authenticator app (or a recovery code) as 'code'.");
            check = await signIn.CheckSecondFactorAsync(check.User!, code, ip) ? check with { Outcome = SignInOutcome.Succeeded } : new(SignInOutcome.Failed);
        }
        if (check.Outcome == SignInOutcome.Throttled) return TooManyAttempts(http, check.RetryAfter);
        // One answer for unknown users, wrong passwords or codes, lockouts and deactivated accounts: nothing to enumerate.
        if (check is not { Outcome: SignInOutcome.Succeeded, User: { } user })
            return Problems.Of(http, 401, "invalid_credentials", "Email or password is wrong, or the account is locked or deactivated.");
        if (await TwoFactorPolicy.IsSetupRequiredAsync(signIn.Users, db, user, http.RequestAborted))
            return Problems.Of(http, 403, "two_factor_setup_required", "Your organisation requires two-factor authentication for admins: set it up under My settings in the app first.");
        NoStore(http);
        return Results.Json(new JsonObject
        {
            ["access_token"] = await jwt.IssueAsync(user.Id, user.TenantId, http.RequestAborted),
            ["token_type"] = "Bearer",
            ["expires_in"] = (int)JwtTokens.Lifetime.TotalSeconds,
        });
    }

    /// The sign-in throttle's answer: 429 with Retry-After in whole seconds.
    private static IResult TooManyAttempts(HttpContext http, TimeSpan wait)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString();
        return Problems.Of(http, 429, "too_many_attempts", $"Too many failed sign-ins. Try again in {seconds} s.");
    }

    private static async Task<IResult> CreateAsync(HttpContext http, TokenService tokens)
    {
        var body = await JsonBody.ReadAsync(http.Request);
        var unknown = body.Select(p => p.Key).Except(["name", "scopes", "expires_at", "never_expires"]).ToList();
        if (unknown.Count > 0) throw new BodyException(400, "unknown_field", $"Unknown field '{unknown[0]}'.");
        var scopes = body["scopes"] is JsonArray list && list.All(s => s?.GetValueKind() == System.Text.Json.JsonValueKind.String)
            ? list.Select(s => s!.GetValue<string>()).ToList()
            : body.ContainsKey("scopes") ? throw Invalid("scopes", "an array of scope strings such as \"candidate:read\"") : null;
        DateTime? expiresAt = body["expires_at"] is { } expiry
            ? expiry.GetValueKind() == System.Text.Json.JsonValueKind.String && DateTimeOffset.TryParse(expiry.GetValue<string>(), out var at)
                ? at.UtcDateTime : throw Invalid("expires_at", "an ISO 8601 timestamp")
            : null;
        var neverExpires = body["never_expires"]?.GetValueKind() == System.Text.Json.JsonValueKind.True;

        var created = await tokens.CreateAsync(http.Actor(), body["name"]?.GetValueKind() == System.Text.Json.JsonValueKind.String ? body["name"]!.GetValue<string>() : null,
            scopes, expiresAt, neverExpires, http.RequestAborted);
        var json = ToJson(created.Summary);
        json["token"] = created.Token;
        http.Response.Headers.Location = $"/xapi2/tokens/{created.Summary.Id}";
        NoStore(http);
        return Results.Json(json, statusCode: StatusCodes.Status201Created);
    }

    private static JsonNode ToJson(TokenSummary t) => new JsonObject
    {
        ["id"] = t.Id,
        ["name"] = t.Name,
        ["prefix"] = t.Prefix,
        ["scopes"] = new JsonArray(t.Scopes.Select(s => (JsonNode)s).ToArray()),
        ["created_at"] = t.CreatedAt,
        ["expires_at"] = t.ExpiresAt,
        ["last_used_at"] = t.LastUsedAt,
        ["revoked_at"] = t.RevokedAt,
        ["created_by"] = t.CreatedBy,
    };

    private static string Text(JsonObject body, string name) =>
        !body.ContainsKey(name) ? throw new BodyException(400, "missing_field", $"'{name}' is required.", new Dictionary<string, string[]> { [name] = ["Required."] })
        : body[name] is { } node && node.GetValueKind() == System.Text.Json.JsonValueKind.String ? node.GetValue<string>() : throw Invalid(name, "a string");

    private static BodyException Invalid(string field, string expected) =>
        new(400, "invalid_type", $"'{field}' must be {expected}.", new Dictionary<string, string[]> { [field] = [$"Expected {expected}."] });
}
