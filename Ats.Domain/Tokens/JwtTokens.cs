using System.Security.Claims;
using System.Security.Cryptography;
using Ats.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Ats.Domain.Tokens;

/// Short-lived bearer tokens for a signed-in user (POST /xapi2/auth/token). The HMAC key comes from configuration
/// (Ats:Jwt:SigningKey, base64, at least 32 bytes) or is generated once and kept in the database.
public sealed class JwtTokens(IDbContextFactory<AtsDbContext> dbFactory, TimeProvider clock, string? configuredKey)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);
    private const string Issuer = "ats", Audience = "xapi2", KeySetting = "jwt_signing_key", TenantClaim = "tenant";
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };
    private SymmetricSecurityKey? _key;

    public async Task<string> IssueAsync(Guid userId, Guid tenantId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + Lifetime,
            Claims = new Dictionary<string, object>
            {
                [JwtRegisteredClaimNames.Sub] = userId.ToString(),
                [TenantClaim] = tenantId.ToString(),
                [JwtRegisteredClaimNames.Jti] = Guid.NewGuid().ToString(), // two logins in one second are two tokens
            },
            SigningCredentials = new SigningCredentials(await KeyAsync(ct), SecurityAlgorithms.HmacSha256),
        });
    }

    /// The user and tenant a valid token names; null for anything forged, expired or malformed.
    public async Task<(Guid UserId, Guid TenantId)?> ValidateAsync(string token, CancellationToken ct = default)
    {
        var result = await _handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = Issuer,
            ValidAudience = Audience,
            IssuerSigningKey = await KeyAsync(ct),
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            ClockSkew = TimeSpan.FromSeconds(30),
            LifetimeValidator = (notBefore, expires, _, _) =>
                expires is { } end && end > clock.GetUtcNow().UtcDateTime && (notBefore ?? DateTime.MinValue) <= clock.GetUtcNow().UtcDateTime.AddSeconds(30),
        });
        if (!result.IsValid) return null;
        var identity = result.ClaimsIdentity;
        return Guid.TryParse(identity.FindFirst(JwtRegisteredClaimNames.Sub)?.Value ?? identity.FindFirst(ClaimTypes.NameIdentifier)?.Value, out var user)
            && Guid.TryParse(identity.FindFirst(TenantClaim)?.Value, out var tenant) ? (user, tenant) : null;
    }

    private async Task<SymmetricSecurityKey> KeyAsync(CancellationToken ct)
    {
        if (_key is not null) return _key;
        var material = !string.IsNullOrEmpty(configuredKey) ? Convert.FromBase64String(configuredKey) : await StoredKeyAsync(ct);
        if (material.Length < 32) throw new InvalidOperationException("Ats:Jwt:SigningKey must hold at least 32 bytes (base64).");
        return _key = new SymmetricSecurityKey(material);
    }

    private async Task<byte[]> StoredKeyAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.SystemSettings.FindAsync([KeySetting], ct) is { } stored) return Convert.FromBase64String(stored.Value);
        var key = RandomNumberGenerator.GetBytes(64);
        db.SystemSettings.Add(new SystemSetting { Name = KeySetting, Value = Convert.ToBase64String(key) });
        try
        {
            await db.SaveChangesAsync(ct);
            return key;
        }
        catch (DbUpdateException)
        {
            // Another node stored its key first: use that one.
            db.ChangeTracker.Clear();
            return Convert.FromBase64String((await db.SystemSettings.SingleAsync(s => s.Name == KeySetting, ct)).Value);
        }
    }
}
