using Ats.Domain.Identity;
using Ats.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Ats.Tests.Domain;

/// Emails are unique across organisations, yet an admin must not learn which addresses another organisation holds:
/// an invitation for such an address looks like any other and simply expires; its owner gets a notice, never a link.
public sealed class ForeignAddressTests : InvitationDomainTest
{
    [Theory]
    [InlineData("recruiter@b.example")]
    [InlineData("Recruiter@B.Example")]
    public async Task AnAdminCannotTellAnotherOrganisationsAddressFromAFreshOne(string foreignAddress)
    {
        using var _ = Culture.English();
        await using (var raw = Db.Raw())
        {
            var bob = await raw.Users.SingleAsync(u => u.Id == Db.RecruiterB.Id);
            bob.PreferredCulture = "en";
            await raw.SaveChangesAsync();
        }
        var bobBefore = await SnapshotOfBobAsync();

        var (_, freshToken) = await InviteAsync("fresh@c.example", "Fresh Person");
        var (_, foreignToken) = await InviteAsync(foreignAddress, "Fresh Person");

        // The admin's list shows both alike: same name, role, invited and expiry times.
        var pending = await Users.ListInvitationsAsync(Db.Admin);
        Assert.Equal(2, pending.Count);
        Assert.Equal(Shape(pending[0]), Shape(pending[1]));
        Assert.Equal(new[] { "fresh@c.example", foreignAddress }.Order(StringComparer.Ordinal), pending.Select(p => p.Email).Order(StringComparer.Ordinal));
        Assert.NotNull(freshToken);
        Assert.Null(foreignToken); // no link was ever made for it

        // Nothing of the other organisation's user changed, and they still sign in as before.
        Assert.Equal(bobBefore, await SnapshotOfBobAsync());
        await using (var scope = Db.Services.CreateAsyncScope())
        {
            var identity = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            Assert.True(await identity.CheckPasswordAsync((await identity.FindByEmailAsync("recruiter@b.example"))!, "Passw0rd!test"));
        }

        // The fresh address gets a link; the owner of the taken one a notice in their language, without any link.
        var mails = await MailsAsync();
        Assert.Equal(2, mails.Count);
        var notice = Assert.Single(mails, m => m.To.Mailboxes.Single().Address == "recruiter@b.example");
        Assert.Equal("An invitation for your address", notice.Subject);
        Assert.Contains("nothing was created", notice.TextBody);
        Assert.DoesNotContain("accept-invitation", notice.TextBody + notice.HtmlBody);
        Assert.Contains("accept-invitation?token=", Assert.Single(mails, m => m.To.Mailboxes.Single().Address == "fresh@c.example").TextBody);
    }

    private static object Shape(InvitationSummary invitation) =>
        (invitation.DisplayName, invitation.Role, invitation.CreatedAt, invitation.ExpiresAt - invitation.CreatedAt);

    private async Task<string> SnapshotOfBobAsync()
    {
        await using var raw = Db.Raw();
        var bob = await raw.Users.AsNoTracking().SingleAsync(u => u.Id == Db.RecruiterB.Id);
        return string.Join("|", bob.TenantId, bob.Email, bob.NormalizedEmail, bob.DisplayName, bob.PasswordHash, bob.SecurityStamp,
            bob.ConcurrencyStamp, bob.IsActive, bob.AccessFailedCount, bob.LockoutEnd);
    }

    [Fact]
    public async Task AnInvitationForAnotherOrganisationsAddressCannotBeAccepted()
    {
        var (id, _) = await InviteAsync("recruiter@b.example");
        // Even someone who somehow held a token for it gets nowhere.
        await using (var raw = Db.Raw())
        {
            var invitation = await raw.Invitations.SingleAsync(i => i.Id == id);
            invitation.TokenHash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("guessed"u8));
            await raw.SaveChangesAsync();
        }
        var before = await SnapshotAsync();

        Assert.Null(await Users.FindInvitationAsync("guessed"));
        Assert.Null(await Users.AcceptInvitationAsync("guessed", "Mallory", Passphrase, Passphrase));
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task AnAddressOfTheAdminsOwnOrganisationIsStillNamedTaken()
    {
        using var _ = Culture.English();
        var before = await SnapshotAsync();

        var error = await Assert.ThrowsAsync<Ats.Domain.Writes.ValidationException>(() => InviteAsync("Recruiter@A.example", "Again"));

        Assert.Equal("A user with this email already exists.", Assert.Single(error.Errors["email"]));
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task TheOwnerIsToldOnceADayWhateverTheOrganisationIsCalled()
    {
        await using (var raw = Db.Raw())
        {
            var tenant = await raw.Tenants.SingleAsync(t => t.Id == Db.TenantA.Id);
            tenant.Name = "[Reset your password](https://evil.example/reset) ![x](https://evil.example/pixel.png)";
            await raw.SaveChangesAsync();
        }

        var (first, _) = await InviteAsync("recruiter@b.example");
        var notice = Assert.Single(await MailsAsync());
        Assert.Equal("Eine Einladung für Ihre Adresse", notice.Subject); // German unless the owner chose otherwise
        Assert.DoesNotContain("<a", notice.HtmlBody);
        Assert.DoesNotContain("<img", notice.HtmlBody);
        Assert.Contains("„[Reset your password](https://evil.example/reset) ![x](https://evil.example/pixel.png)“", notice.TextBody);

        await Users.RevokeInvitationAsync(Db.Admin, first);
        var (second, _) = await InviteAsync("recruiter@b.example"); // the same day: listed, but no second mail
        await Users.ResendInvitationAsync(Db.Admin, second, Link);
        Assert.Single(await MailsAsync());
        Clock.Advance(TimeSpan.FromDays(1));
        await Users.ResendInvitationAsync(Db.Admin, second, Link); // a day later: one more
        Assert.Equal(2, (await MailsAsync()).Count(m => m.To.Mailboxes.Single().Address == "recruiter@b.example"));
    }
}
