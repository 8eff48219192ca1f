using Ats.Domain.Identity;
using Ats.Domain.Mail;
using Ats.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Ats.Tests.Domain;

/// Emails are unique across organisations, yet an admin must not learn which addresses another organisation holds.
public sealed class ForeignAddressTests : IAsyncLifetime
{
    private const string Passphrase = "a long passphrase";
    private readonly string _outbox = Path.Combine(Path.GetTempPath(), $"ats-outbox-{Guid.NewGuid():N}");
    private readonly TestDatabase _db;
    private readonly SettableClock _clock = new();

    public ForeignAddressTests() => _db = new TestDatabase(services => services
        .AddSingleton<TimeProvider>(_clock)
        .AddSingleton(new MailSettings { From = "ats@ats.example", OutboxFolder = _outbox })
        .AddSingleton<IMailTransport>(new FolderMailTransport(_outbox)));

    public Task InitializeAsync() => _db.InitializeAsync();

    public async Task DisposeAsync()
    {
        await _db.DisposeAsync();
        if (Directory.Exists(_outbox)) Directory.Delete(_outbox, recursive: true);
    }

    private UserAdministration Users => _db.Services.GetRequiredService<UserAdministration>();

    private static async Task<string> OutcomeAsync(Func<Task> create)
    {
        try
        {
            await create();
            return "created";
        }
        catch (Exception ex)
        {
            return $"{ex.GetType().Name}: {ex.Message}";
        }
    }

    private async Task<string> SnapshotOfBobAsync()
    {
        await using var raw = _db.Raw();
        var bob = await raw.Users.AsNoTracking().SingleAsync(u => u.Id == _db.RecruiterB.Id);
        return string.Join("|", bob.TenantId, bob.Email, bob.NormalizedEmail, bob.DisplayName, bob.PasswordHash, bob.SecurityStamp,
            bob.ConcurrencyStamp, bob.IsActive, bob.AccessFailedCount, bob.LockoutEnd);
    }

    [Theory]
    [InlineData("recruiter@b.example")]
    [InlineData("Recruiter@B.Example")]
    public async Task AnAdminCannotTellAnotherOrganisationsAddressFromAFreshOne(string foreignAddress)
    {
        using var _ = Culture.English();
        var bobBefore = await SnapshotOfBobAsync();

        var fresh = await OutcomeAsync(() => Users.CreateAsync(_db.Admin, "fresh@c.example", "Fresh Person", Roles.Recruiter, Passphrase));
        var foreign = await OutcomeAsync(() => Users.CreateAsync(_db.Admin, foreignAddress, "Someone", Roles.Recruiter, Passphrase));

        Assert.Equal(fresh, foreign);
        // Nothing of the other organisation's user changed, and they still sign in as before.
        Assert.Equal(bobBefore, await SnapshotOfBobAsync());
        await using (var scope = _db.Services.CreateAsyncScope())
        {
            var identity = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            Assert.True(await identity.CheckPasswordAsync((await identity.FindByEmailAsync("recruiter@b.example"))!, "Passw0rd!test"));
        }
        await using (var raw = _db.Raw())
            Assert.Equal([_db.TenantB.Id], await raw.Users.Where(u => u.NormalizedEmail == "RECRUITER@B.EXAMPLE").Select(u => u.TenantId).ToListAsync());
        // The owner of the address hears of the attempt.
        var notice = await WaitForMailAsync("recruiter@b.example", "Tenant A");
        Assert.Contains("Es wurde nichts angelegt", notice.TextBody); // in the owner's language (German unless they chose English)
    }

    [Fact]
    public async Task AnAddressOfTheAdminsOwnOrganisationIsStillNamedTaken()
    {
        using var _ = Culture.English();
        var error = await Assert.ThrowsAsync<Ats.Domain.Writes.ValidationException>(() =>
            Users.CreateAsync(_db.Admin, "recruiter@a.example", "Again", Roles.Recruiter, Passphrase));

        Assert.Equal("A user with this email already exists.", Assert.Single(error.Errors["email"]));
    }

    [Fact]
    public async Task TheOwnerIsToldOnceADayInPlainTextWhateverTheOrganisationIsCalled()
    {
        await using (var raw = _db.Raw())
        {
            var tenant = await raw.Tenants.SingleAsync(t => t.Id == _db.TenantA.Id);
            tenant.Name = "[Reset your password](https://evil.example/reset)";
            await raw.SaveChangesAsync();
        }

        await Users.CreateAsync(_db.Admin, "recruiter@b.example", "Someone", Roles.Recruiter, Passphrase);
        var notice = await WaitForMailAsync("recruiter@b.example", "evil.example");
        Assert.DoesNotContain("<a", notice.HtmlBody);
        Assert.Contains("[Reset your password](https://evil.example/reset)", notice.HtmlBody);

        await Users.CreateAsync(_db.Admin, "recruiter@b.example", "Someone", Roles.Recruiter, Passphrase); // the same day: no mail
        _clock.Advance(TimeSpan.FromDays(1));
        await Users.CreateAsync(_db.Admin, "recruiter@b.example", "Someone", Roles.Recruiter, Passphrase); // a day later: one more
        await WaitForMailsAsync("recruiter@b.example", 2);
        Assert.Equal(2, Directory.GetFiles(_outbox, "*.eml").Length);
    }

    private async Task WaitForMailsAsync(string address, int count)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (Directory.GetFiles(_outbox, "*.eml").Length < count) await Task.Delay(50, timeout.Token);
        _ = await WaitForMailAsync(address, "");
    }

    /// The notice leaves in the background; the wait is bounded only so a missing mail fails instead of hanging.
    private async Task<MimeMessage> WaitForMailAsync(string address, string text)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            foreach (var file in Directory.Exists(_outbox) ? Directory.GetFiles(_outbox, "*.eml") : [])
            {
                MimeMessage message;
                try
                {
                    message = await MimeMessage.LoadAsync(file);
                }
                catch (Exception ex) when (ex is IOException or FormatException or ParseException)
                {
                    continue; // still being written
                }
                if (message.To.Mailboxes.Any(m => m.Address == address) && message.TextBody?.Contains(text) == true) return message;
            }
            await Task.Delay(50, timeout.Token);
        }
    }
}
