using System.Security.Cryptography;
using Ats.Domain.Data;
using Ats.Domain.Tokens;
using Ats.Tests.Support;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Ats.Tests.Domain;

/// The JWT signing key kept in the database is encrypted with Data Protection, whose keys live in the same database.
public sealed class JwtKeyTests : IAsyncLifetime
{
    private readonly SettableClock _clock = new();
    private readonly TestDatabase _db;

    public JwtKeyTests() => _db = new TestDatabase(s => s.AddSingleton<TimeProvider>(_clock));

    public Task InitializeAsync() => _db.InitializeAsync();

    public Task DisposeAsync() => _db.DisposeAsync();

    private JwtTokens Jwt(string? configuredKey = null) => new(_db.Services.GetRequiredService<IDbContextFactory<AtsDbContext>>(), _clock, configuredKey,
        _db.Services.GetRequiredService<IDataProtectionProvider>(), NullLogger<JwtTokens>.Instance);

    private async Task<string> StoredAsync()
    {
        await using var db = _db.Raw();
        return (await db.SystemSettings.SingleAsync(s => s.Name == JwtTokens.KeySetting)).Value;
    }

    /// Whether <paramref name="key"/> is what signed <paramref name="jwt"/>.
    private static bool SignedWith(string jwt, byte[] key) => new JsonWebTokenHandler().ValidateTokenAsync(jwt, new TokenValidationParameters
    {
        IssuerSigningKey = new SymmetricSecurityKey(key), ValidateIssuer = false, ValidateAudience = false, ValidateLifetime = false,
    }).Result.IsValid;

    private static IEnumerable<byte[]> Readings(string stored)
    {
        foreach (var text in new[] { stored, stored[(stored.IndexOf(':') + 1)..] })
        {
            byte[]? bytes = null;
            try { bytes = Convert.FromBase64String(text); } catch (FormatException) { }
            if (bytes is not null) yield return bytes;
            try { bytes = Base64UrlEncoder.DecodeBytes(text); } catch (FormatException) { bytes = null; }
            if (bytes is not null) yield return bytes;
        }
    }

    [Fact]
    public async Task TheStoredValueIsNotTheKey()
    {
        var jwt = await Jwt().IssueAsync(_db.AdminA.Id, _db.TenantA.Id);

        var stored = await StoredAsync();

        Assert.StartsWith("dp1:", stored);
        Assert.DoesNotContain(Readings(stored), reading => reading.Length >= 32 && SignedWith(jwt, reading));
        Assert.NotNull((await Jwt().ValidateAsync(jwt)).Credential); // another instance (another node) reads the same key
        await using var db = _db.Raw();
        Assert.True(await db.DataProtectionKeys.AnyAsync()); // the key ring is in the database, for every node
    }

    [Fact]
    public async Task APlaintextKeyFromAnOlderVersionIsEncryptedOnStartAndItsTokensStayValid()
    {
        var plain = RandomNumberGenerator.GetBytes(64);
        await using (var db = _db.Raw())
        {
            db.SystemSettings.Add(new SystemSetting { Name = JwtTokens.KeySetting, Value = Convert.ToBase64String(plain) });
            await db.SaveChangesAsync();
        }
        var issuedBefore = await Jwt(Convert.ToBase64String(plain)).IssueAsync(_db.AdminA.Id, _db.TenantA.Id);

        var upgraded = Jwt();
        await upgraded.PrepareAsync();

        var stored = await StoredAsync();
        Assert.NotEqual(Convert.ToBase64String(plain), stored);
        Assert.DoesNotContain(Readings(stored), reading => reading.SequenceEqual(plain));
        Assert.NotNull((await upgraded.ValidateAsync(issuedBefore)).Credential);
        Assert.NotNull((await Jwt().ValidateAsync(issuedBefore)).Credential);
    }

    [Fact]
    public async Task AnExpiredTokenIsToldApartFromAForgedOne()
    {
        var jwt = await Jwt().IssueAsync(_db.AdminA.Id, _db.TenantA.Id);
        var forged = await Jwt(Convert.ToBase64String(RandomNumberGenerator.GetBytes(64))).IssueAsync(_db.AdminA.Id, _db.TenantA.Id);

        _clock.Advance(JwtTokens.Lifetime + TimeSpan.FromSeconds(1));

        Assert.Equal((null, true), await Jwt().ValidateAsync(jwt));
        Assert.Equal((null, false), await Jwt().ValidateAsync(forged));
        Assert.Equal((null, false), await Jwt().ValidateAsync("not.a.jwt"));
    }
}
