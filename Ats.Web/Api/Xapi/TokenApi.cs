using System.Text.Json.Nodes;
using Ats.Domain.Data;
using Ats.Domain.Identity;
using Ats.Domain.Tokens;
using Microsoft.AspNetCore.Identity;

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

    private static async Task<IResult> IssueJwtAsync(HttpContext http, SignInManager<AppUser> signIn, JwtTokens jwt)
    {
        var body = await JsonBody.ReadAsync(http.Request);
        var email = Text(body, "email");
        var password = Text(body, "password");
        var user = await signIn.UserManager.FindByEmailAsync(email);
        // One answer for unknown users, wrong passwords, lockouts and deactivated accounts: nothing to enumerate.
        if (user is null || !(await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true)).Succeeded)
            return Problems.Of(http, 401, "invalid_credentials", "Email or password is wrong, or the account is locked or deactivated.");
        NoStore(http);
        return Results.Json(new JsonObject
        {
            ["access_token"] = await jwt.IssueAsync(user.Id, user.TenantId, http.RequestAborted),
            ["token_type"] = "Bearer",
            ["expires_in"] = (int)JwtTokens.Lifetime.TotalSeconds,
        });
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
