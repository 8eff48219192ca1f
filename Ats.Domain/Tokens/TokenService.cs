using Ats.Domain.Data;
using Ats.Domain.Identity;
using Ats.Domain.Models;
using Ats.Domain.Resources;
using Ats.Domain.Writes;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Ats.Domain.Tokens;

public sealed record TokenSummary(Guid Id, string Name, string Prefix, IReadOnlyList<string> Scopes, DateTime CreatedAt,
    DateTime? ExpiresAt, DateTime? LastUsedAt, string? LastUsedIp, DateTime? RevokedAt, string CreatedBy);

/// The token itself is in <see cref="Token"/> and nowhere else, ever again.
public sealed record CreatedToken(TokenSummary Summary, string Token);

/// Why a bearer token was refused; the stable codes of the API's 401 answers.
public enum TokenRefusal { Malformed, Unknown, Expired, Revoked, UserInactive }

/// Personal access tokens: created, listed and revoked by admins; checked on every API request.
public sealed class TokenService(IDbContextFactory<AtsDbContext> dbFactory, TimeProvider clock, TokenCache cache,
    TokenSettings settings, IPasswordHasher<AppUser> passwords)
{
    public const string Model = "token";
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromDays(90);
    /// Recording every use would turn each read into a write: once a minute is enough to see a token is alive.
    private static readonly TimeSpan LastUseGranularity = TimeSpan.FromMinutes(1);

    /// A scope per model and direction, and the webhook scopes (which also need the token's user to be an admin).
    public static readonly IReadOnlyList<string> AllScopes = ModelCatalog.All.SelectMany(m => new[] { m.ReadScope, m.WriteScope })
        .Concat([Webhooks.WebhookService.ReadScope, Webhooks.WebhookService.WriteScope]).ToList();

    /// The longest lifetime a token may get without the creator's password (Ats:Tokens:MaxLifetimeDays).
    public TimeSpan MaxLifetime => settings.MaxLifetime;

    /// Whether a token with this expiry (null: never) needs the creator to re-enter their password, in the app.
    public bool NeedsPassword(DateTime? expiresAt) => expiresAt is not { } at || at > clock.GetUtcNow().UtcDateTime + MaxLifetime;

    /// A token lives at most <see cref="MaxLifetime"/>. Longer, or for ever, only for a signed-in admin in the app who
    /// re-enters their password (<paramref name="password"/>): a stolen session or a 15-minute JWT cannot mint a
    /// token that outlives it by years.
    public async Task<CreatedToken> CreateAsync(Actor actor, string? name, IReadOnlyCollection<string>? scopes, DateTime? expiresAt,
        bool neverExpires = false, CancellationToken ct = default, string? password = null)
    {
        RequireAdmin(actor);
        var now = clock.GetUtcNow().UtcDateTime;
        var errors = new ValidationErrors();
        name = name?.Trim() ?? "";
        if (name.Length == 0) errors.Add("name", Messages.Required);
        else if (name.Length > 100) errors.Add("name", Messages.TooLong(100));
        FieldValidation.CheckText("name", name, multiLine: false, errors);
        scopes ??= [];
        if (scopes.Count == 0) errors.Add("scopes", Messages.Required);
        else if (scopes.Any(s => !AllScopes.Contains(s))) errors.Add("scopes", Messages.UnknownScope(string.Join(", ", scopes.Where(s => !AllScopes.Contains(s)))));
        if (expiresAt <= now) errors.Add("expires_at", Messages.ExpiryOutOfRange);
        DateTime? expiry = neverExpires ? null : expiresAt ?? now + (DefaultLifetime < MaxLifetime ? DefaultLifetime : MaxLifetime);
        var longLived = NeedsPassword(expiry);
        var field = neverExpires ? "never_expires" : "expires_at";
        if (longLived && actor.Channel != Channel.Ui) errors.Add(field, Messages.TokenLifetimeLimit((int)MaxLifetime.TotalDays));
        else if (longLived && string.IsNullOrEmpty(password)) errors.Add("password", Messages.PasswordToConfirm((int)MaxLifetime.TotalDays));
        errors.ThrowIfAny();

        await using var db = await dbFactory.OpenAsync(actor, ct);
        if (longLived && !await PasswordMatchesAsync(db, actor, password!, ct)) throw ValidationException.For("password", Messages.WrongPassword);
        var token = PatFormat.NewToken();
        var row = new ApiToken
        {
            TenantId = actor.TenantId,
            UserId = actor.UserId!.Value,
            Name = name,
            Prefix = PatFormat.Shown(token),
            Hash = PatFormat.Hash(token),
            Scopes = scopes.Distinct().Order(StringComparer.Ordinal).ToList(),
            CreatedAt = now,
            ExpiresAt = expiry,
        };
        db.ApiTokens.Add(row);
        await db.SaveChangesAsync(ct);
        return new CreatedToken(Summarise(row, actor.Name), token);
    }

    public async Task<IReadOnlyList<TokenSummary>> ListAsync(Actor actor, CancellationToken ct = default)
    {
        RequireAdmin(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.TenantId = actor.TenantId;
        var rows = await db.ApiTokens.AsNoTracking().OrderByDescending(t => t.CreatedAt)
            .Select(t => new { Token = t, Creator = db.Users.Where(u => u.Id == t.UserId).Select(u => u.DisplayName).FirstOrDefault() })
            .ToListAsync(ct);
        return rows.Select(r => Summarise(r.Token, r.Creator ?? "")).ToList();
    }

    /// Revoked at once: the next request with the token fails.
    public async Task RevokeAsync(Actor actor, Guid id, CancellationToken ct = default)
    {
        RequireAdmin(actor);
        await using var db = await dbFactory.OpenAsync(actor, ct);
        var row = await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == id, ct) ?? throw new NotFoundException(Model, id);
        if (row.RevokedAt is not null) return;
        row.RevokedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        cache.ForgetToken(row.Id);
    }

    /// The actor a token stands for, with its creator's current role, or why it is refused.
    public Task<(Actor? Actor, TokenRefusal? Refusal)> AuthenticateAsync(string token, string? ip, CancellationToken ct = default) =>
        PatFormat.IsWellFormed(token) ? AuthenticateHashAsync(PatFormat.Hash(token), ip, ct) : Task.FromResult<(Actor?, TokenRefusal?)>((null, TokenRefusal.Malformed));

    /// As <see cref="AuthenticateAsync"/>, for a token known by its hash (an open socket, a socket ticket).
    public async Task<(Actor? Actor, TokenRefusal? Refusal)> AuthenticateHashAsync(string hash, string? ip, CancellationToken ct = default)
    {
        if (cache.Find(hash, ip) is { } known) return (known, null);
        var generation = cache.Generation;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // One query for the token and its creator's current state: this runs on every API request.
        var asActiveUser = UserDirectory.AsActiveUser(db);
        var found = await db.ApiTokens.IgnoreQueryFilters().Where(t => t.Hash == hash)
            .Select(t => new
            {
                Token = t,
                User = db.Users.Where(u => u.Id == t.UserId && u.TenantId == t.TenantId && u.IsActive).Select(asActiveUser).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(ct);
        if (found is null) return (null, TokenRefusal.Unknown);
        var (row, user) = (found.Token, found.User);
        var now = clock.GetUtcNow().UtcDateTime;
        if (row.RevokedAt is not null) return (null, TokenRefusal.Revoked);
        if (row.ExpiresAt <= now) return (null, TokenRefusal.Expired);
        if (user is not { Role.Length: > 0 }) return (null, TokenRefusal.UserInactive);

        if (row.LastUsedAt is null || now - row.LastUsedAt > LastUseGranularity || row.LastUsedIp != ip)
        {
            row.LastUsedAt = now;
            row.LastUsedIp = ip;
            await db.SaveChangesAsync(ct);
        }
        var actor = new Actor(user.Id, row.TenantId, user.Role, user.Name, Channel.Api, row.Scopes.ToHashSet()) { VerifiedAt = now };
        cache.Remember(hash, row.Id, actor, row.ExpiresAt, ip, generation);
        return (actor, null);
    }

    /// Checked by Identity's hasher against the stored hash, here in the domain: the dialog only passes the text on.
    private async Task<bool> PasswordMatchesAsync(AtsDbContext db, Actor actor, string password, CancellationToken ct)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == actor.UserId && u.TenantId == actor.TenantId, ct);
        return user?.PasswordHash is { } hash && passwords.VerifyHashedPassword(user, hash, password) != PasswordVerificationResult.Failed;
    }

    private static void RequireAdmin(Actor actor)
    {
        if (!actor.IsAdmin) throw ForbiddenException.AdminOnly();
        // Tokens never make tokens: a leaked token must not be able to widen or prolong itself.
        if (actor.Scopes is not null) throw ForbiddenException.TokensNeedSignIn();
    }

    private static TokenSummary Summarise(ApiToken t, string createdBy) =>
        new(t.Id, t.Name, t.Prefix, t.Scopes, t.CreatedAt, t.ExpiresAt, t.LastUsedAt, t.LastUsedIp, t.RevokedAt, createdBy);
}
