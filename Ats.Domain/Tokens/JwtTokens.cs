using System.Security.Claims;
using System.Security.Cryptography;
using Ats.Domain.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Ats.Domain.Tokens;

/// Short-lived bearer tokens for a signed-in user (POST /xapi2/auth/token). The HMAC key comes from configuration
/// (Ats:Jwt:SigningKey, base64, at least 32 bytes) or is generated once and kept in the database, encrypted with
/// ASP.NET Core Data Protection (whose keys the nodes share through the same database).
public sealed class JwtTokens(IDbContextFactory<AtsDbContext> dbFactory, TimeProvider clock, string? configuredKey,
    IDataProtectionProvider protection, ILogger<JwtTokens> logger)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);
    public const string KeySetting = "jwt_signing_key";
    private const string Issuer = "ats", Audience = "xapi2", TenantClaim = "tenant";
    /// Marks a stored key as protected; a value without it is the plaintext of older versions.
    private const string ProtectedMark = "dp1:";
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly IDataProtector _protector = protection.CreateProtector("Ats.Jwt.SigningKey");
    private SymmetricSecurityKey? _key;

    /// Loads the key at start-up, so a plaintext key left by an older version is encrypted before anyone asks.
    public Task PrepareAsync(CancellationToken ct = default) => string.IsNullOrEmpty(configuredKey) ? KeyAsync(ct) : Task.CompletedTask;

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

    /// The user, tenant and expiry a valid token names; null for anything forged or malformed, and for an expired
    /// token (then <c>Expired</c> is true: it was genuine, so the client is told to get a new one).
    public async Task<(BearerCredential.Jwt? Credential, bool Expired)> ValidateAsync(string token, CancellationToken ct = default)
    {
        var key = await KeyAsync(ct);
        var result = await _handler.ValidateTokenAsync(token, Parameters(key, checkLifetime: true));
        if (!result.IsValid)
        {
            // Expired only if everything but the time holds (signature, issuer, audience); anything else is just invalid.
            var untimed = await _handler.ValidateTokenAsync(token, Parameters(key, checkLifetime: false));
            return (null, untimed.IsValid && untimed.SecurityToken.ValidTo <= clock.GetUtcNow().UtcDateTime);
        }
        var identity = result.ClaimsIdentity;
        return Guid.TryParse(identity.FindFirst(JwtRegisteredClaimNames.Sub)?.Value ?? identity.FindFirst(ClaimTypes.NameIdentifier)?.Value, out var user)
            && Guid.TryParse(identity.FindFirst(TenantClaim)?.Value, out var tenant)
            ? (new BearerCredential.Jwt(user, tenant, result.SecurityToken.ValidTo), false) : (null, false);
    }

    private TokenValidationParameters Parameters(SecurityKey key, bool checkLifetime) => new()
    {
        ValidIssuer = Issuer,
        ValidAudience = Audience,
        IssuerSigningKey = key,
        ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        ClockSkew = TimeSpan.FromSeconds(30),
        ValidateLifetime = checkLifetime,
        // A validator, when set, runs even with ValidateLifetime off: set only when the time counts.
        LifetimeValidator = checkLifetime
            ? (notBefore, expires, _, _) =>
                expires is { } end && end > clock.GetUtcNow().UtcDateTime && (notBefore ?? DateTime.MinValue) <= clock.GetUtcNow().UtcDateTime.AddSeconds(30)
            : null,
    };

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
        if (await db.SystemSettings.FindAsync([KeySetting], ct) is { } stored)
        {
            if (!stored.Value.StartsWith(ProtectedMark, StringComparison.Ordinal))
            {
                // Kept in plaintext by an older version: the same key from now on, encrypted.
                var plain = Convert.FromBase64String(stored.Value);
                stored.Value = Protect(plain);
                await db.SaveChangesAsync(ct);
                return plain;
            }
            try
            {
                return Convert.FromBase64String(_protector.Unprotect(stored.Value[ProtectedMark.Length..]));
            }
            catch (CryptographicException)
            {
                // The Data Protection keys that encrypted it are gone: a new key, so API sign-in keeps working.
                logger.LogWarning("The stored JWT signing key cannot be decrypted; a new one is made and earlier JWTs stop working");
                var fresh = RandomNumberGenerator.GetBytes(64);
                stored.Value = Protect(fresh);
                await db.SaveChangesAsync(ct);
                return fresh;
            }
        }
        var key = RandomNumberGenerator.GetBytes(64);
        db.SystemSettings.Add(new SystemSetting { Name = KeySetting, Value = Protect(key) });
        try
        {
            await db.SaveChangesAsync(ct);
            return key;
        }
        catch (DbUpdateException)
        {
            // Another node stored its key first: use that one.
            db.ChangeTracker.Clear();
            return await StoredKeyAsync(ct);
        }
    }

    private string Protect(byte[] key) => ProtectedMark + _protector.Protect(Convert.ToBase64String(key));
}
