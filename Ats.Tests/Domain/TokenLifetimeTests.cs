using Ats.Domain.Tokens;
using Ats.Domain.Writes;
using Ats.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Ats.Tests.Domain;

/// A token lives at most Ats:Tokens:MaxLifetimeDays (90); longer or for ever only in the app, with the password.
public sealed class TokenLifetimeTests : IAsyncLifetime
{
    private const string Password = "Passw0rd!test"; // TestDatabase's
    private readonly SettableClock _clock = new();
    private readonly TestDatabase _db;

    public TokenLifetimeTests() => _db = new TestDatabase(s => s.AddSingleton<TimeProvider>(_clock));

    public Task InitializeAsync() => _db.InitializeAsync();

    public Task DisposeAsync() => _db.DisposeAsync();

    private TokenService Tokens => _db.Services.GetRequiredService<TokenService>();

    private DateTime Now => _clock.GetUtcNow().UtcDateTime;

    private async Task<int> CountAsync()
    {
        await using var db = _db.Raw();
        return await db.ApiTokens.IgnoreQueryFilters().CountAsync();
    }

    /// channel, days ahead (0: never), password, the field named in the refusal.
    public static TheoryData<Channel, int, string?, string> Refused => new()
    {
        { Channel.Api, 0, null, "never_expires" },
        { Channel.Api, 91, null, "expires_at" },
        { Channel.Api, 0, Password, "never_expires" }, // the API takes no password: never from there
        { Channel.Api, 3650, Password, "expires_at" },
        { Channel.Ui, 0, null, "password" },
        { Channel.Ui, 0, "wrong password", "password" },
        { Channel.Ui, 365, "", "password" },
        { Channel.Ui, -1, Password, "expires_at" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task ALongLivedTokenNeedsTheAppAndThePassword(Channel channel, int days, string? password, string field)
    {
        var before = await CountAsync();

        var refused = await Assert.ThrowsAsync<ValidationException>(() => Tokens.CreateAsync(_db.Admin with { Channel = channel }, "long", ["job:read"],
            days == 0 ? null : Now.AddDays(days), neverExpires: days == 0, password: password));

        Assert.Equal([field], refused.Errors.Keys);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task TheLimitIsNamedInTheRefusal()
    {
        var refused = await Assert.ThrowsAsync<ValidationException>(() => Tokens.CreateAsync(_db.Admin with { Channel = Channel.Api }, "long", ["job:read"],
            Now.AddDays(91)));

        Assert.Contains("90", refused.Errors["expires_at"][0]);
        Assert.Contains("Ats:Tokens:MaxLifetimeDays", refused.Errors["expires_at"][0]);
    }

    [Fact]
    public async Task TheApiGetsUpToTheLimitAndNinetyDaysByDefault()
    {
        var api = _db.Admin with { Channel = Channel.Api };

        var byDefault = await Tokens.CreateAsync(api, "default", ["job:read"], null);
        var longest = await Tokens.CreateAsync(api, "longest", ["job:read"], Now.AddDays(90));

        Assert.Equal(Now.AddDays(90), byDefault.Summary.ExpiresAt);
        Assert.Equal(Now.AddDays(90), longest.Summary.ExpiresAt);
    }

    [Fact]
    public async Task InTheAppThePasswordAllowsATokenThatNeverExpires()
    {
        var created = await Tokens.CreateAsync(_db.Admin, "forever", ["job:read"], null, neverExpires: true, password: Password);

        Assert.Null(created.Summary.ExpiresAt);
        Assert.Null((await Tokens.AuthenticateAsync(created.Token, null)).Refusal);
    }

    [Fact]
    public async Task ATokenCannotMakeATokenAtAll()
    {
        var created = await Tokens.CreateAsync(_db.Admin with { Channel = Channel.Api }, "pat", TokenService.AllScopes.ToList(), null);
        var (pat, _) = await Tokens.AuthenticateAsync(created.Token, null);
        var before = await CountAsync();

        var refused = await Assert.ThrowsAsync<ForbiddenException>(() => Tokens.CreateAsync(pat!, "child", ["job:read"], Now.AddDays(1)));

        Assert.Equal("sign_in_required", refused.Code);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task AnAdminSetsTheLimit()
    {
        var db = new TestDatabase(s => s.AddSingleton<TimeProvider>(_clock).AddSingleton(new TokenSettings { MaxLifetimeDays = 30 }));
        await db.InitializeAsync();
        try
        {
            var tokens = db.Services.GetRequiredService<TokenService>();
            var api = db.Admin with { Channel = Channel.Api };

            var byDefault = await tokens.CreateAsync(api, "default", ["job:read"], null);
            var refused = await Assert.ThrowsAsync<ValidationException>(() => tokens.CreateAsync(api, "long", ["job:read"], Now.AddDays(31)));

            Assert.Equal(Now.AddDays(30), byDefault.Summary.ExpiresAt);
            Assert.Contains("30", refused.Errors["expires_at"][0]);
        }
        finally
        {
            await db.DisposeAsync();
        }
    }
}
