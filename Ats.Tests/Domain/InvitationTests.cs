using Ats.Domain.Audit;
using Ats.Domain.Identity;
using Ats.Domain.Writes;
using Ats.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Ats.Tests.Domain;

/// Admins invite; the invitee chooses their own password through a one-time link (issue 13, point 10).
public sealed class InvitationTests : InvitationDomainTest
{
    [Fact]
    public async Task AnInviteeAcceptsOnceAndBecomesAUserOfTheInvitingOrganisationWithTheRole()
    {
        var (id, token) = await InviteAsync("nina@c.example", "Nina Neu", Roles.HiringManager);

        Assert.Equal(new InvitationPreview("nina@c.example", "Nina Neu", "Tenant A"), await Users.FindInvitationAsync(token));
        Assert.Equal("nina@c.example", await Users.AcceptInvitationAsync(token, " Nina N. ", Passphrase, Passphrase));

        await using (var scope = Db.Services.CreateAsyncScope())
        {
            var identity = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var nina = (await identity.FindByEmailAsync("nina@c.example"))!;
            Assert.Equal((Db.TenantA.Id, "Nina N."), (nina.TenantId, nina.DisplayName));
            Assert.Equal([Roles.HiringManager], await identity.GetRolesAsync(nina));
            Assert.True(await identity.CheckPasswordAsync(nina, Passphrase));
        }
        Assert.Empty(await Users.ListInvitationsAsync(Db.Admin));
        Assert.Null(await Users.AcceptInvitationAsync(token, "Nina Neu", Passphrase, Passphrase)); // used up
        await using var raw = Db.Raw();
        var audit = await raw.AuditEntries.IgnoreQueryFilters().Where(a => a.Model == UserAdministration.InvitationModel && a.RecordId == id).OrderBy(a => a.Id).ToListAsync();
        Assert.Equal([AuditAction.Create, AuditAction.Update], audit.Select(a => a.Action));
        Assert.Equal(Db.AdminA.Id, audit[0].ActorId);
        Assert.Equal(["accepted_at"], audit[1].ChangedFields);
    }

    [Theory]
    [InlineData("o'brien@c.example")]
    [InlineData("jörg@c.example")]
    [InlineData("first+tag@c.example")]
    public async Task EveryAddressThatCanBeInvitedCanAlsoBeAccepted(string email)
    {
        var (_, token) = await InviteAsync(email);
        Assert.Equal(email, await Users.AcceptInvitationAsync(token, "Nina Neu", Passphrase, Passphrase));
    }

    [Fact]
    public async Task TheMailCarriesTheLinkInTheAdminsLanguageAndTheLinkIsNotKept()
    {
        await using (var raw = Db.Raw())
        {
            (await raw.Users.SingleAsync(u => u.Id == Db.AdminA.Id)).PreferredCulture = "en";
            await raw.SaveChangesAsync();
        }
        using var _ = Culture.German(); // the admin's choice wins over the circuit's language
        var (_, token) = await InviteAsync("nina@c.example");

        var mail = Assert.Single(await MailsAsync());
        Assert.Equal(("nina@c.example", "Your invitation to Tenant A in Ats"), (mail.To.Mailboxes.Single().Address, mail.Subject));
        Assert.Contains(Link(token!), mail.TextBody);
        Assert.Contains($"href=\"{Link(token!)}\"", mail.HtmlBody);
        await using var db = Db.Raw();
        Assert.Equal("", (await db.AccountMails.SingleAsync()).Body);
        Assert.DoesNotContain(token!, System.Text.Json.JsonSerializer.Serialize(await db.Invitations.ToListAsync()));
    }

    public static TheoryData<string> DeadLinks => ["unknown", "empty", "expired", "revoked", "replaced", "used", "taken meanwhile",
        "inviter deactivated", "inviter no longer admin"];

    [Theory]
    [MemberData(nameof(DeadLinks))]
    public async Task EveryDeadLinkGetsTheSameAnswerAndCreatesNothing(string state)
    {
        // The second admin invites, so that the first can dismiss them.
        await Users.SetRoleAsync(Db.Admin, Db.RecruiterA.Id, Roles.Admin);
        var (id, token) = await InviteAsync("nina@c.example", actor: Db.Recruiter with { Role = Roles.Admin });
        switch (state)
        {
            case "inviter deactivated": await Users.SetActiveAsync(Db.Admin, Db.RecruiterA.Id, false); break;
            case "inviter no longer admin": await Users.SetRoleAsync(Db.Admin, Db.RecruiterA.Id, Roles.Recruiter); break;
            case "unknown": token = "x" + token; break;
            case "empty": token = ""; break;
            case "expired": Clock.Advance(Invitation.Lifetime); break;
            case "revoked": await Users.RevokeInvitationAsync(Db.Admin, id); break;
            case "replaced": await Users.ResendInvitationAsync(Db.Admin, id, Link); break;
            case "used": await Users.AcceptInvitationAsync(token, "Nina", Passphrase, Passphrase); break;
            case "taken meanwhile":
                var (_, otherToken) = await InviteAsync("nina@c.example", actor: await OtherAdminAsync());
                await Users.AcceptInvitationAsync(otherToken, "Nina B", Passphrase, Passphrase);
                break;
        }
        var before = await SnapshotAsync();

        Assert.Null(await Users.FindInvitationAsync(token));
        Assert.Null(await Users.AcceptInvitationAsync(token, "Nina", "another long passphrase", "another long passphrase"));
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task AResendKillsTheOldLinkAndTheNewOneWorks()
    {
        var (id, old) = await InviteAsync("nina@c.example");
        string? fresh = null;
        Clock.Advance(TimeSpan.FromDays(6));

        await Users.ResendInvitationAsync(Db.Admin, id, t => Link(fresh = t));

        Assert.Null(await Users.FindInvitationAsync(old));
        Assert.Equal(Clock.GetUtcNow().UtcDateTime + Invitation.Lifetime, Assert.Single(await Users.ListInvitationsAsync(Db.Admin)).ExpiresAt);
        Clock.Advance(TimeSpan.FromDays(2)); // past the first link's seven days
        Assert.NotNull(await Users.AcceptInvitationAsync(fresh, "Nina", Passphrase, Passphrase));
        Assert.Equal(2, (await MailsAsync()).Count);
        await using var raw = Db.Raw();
        Assert.Contains(await raw.AuditEntries.IgnoreQueryFilters().Where(a => a.RecordId == id).ToListAsync(), a => a.ChangedFields.SequenceEqual(["token"]));
    }

    public static TheoryData<string> NotAdmins => ["recruiter", "hiring_manager", "admin token"];

    [Theory]
    [MemberData(nameof(NotAdmins))]
    public async Task OnlyASignedInAdminInvitesResendsOrRevokes(string who)
    {
        var (id, _) = await InviteAsync("nina@c.example");
        var actor = who switch
        {
            "recruiter" => Db.Recruiter,
            "hiring_manager" => Db.Manager,
            _ => Db.Admin with { Scopes = new HashSet<string> { "application:read" } },
        };
        var before = await SnapshotAsync();

        await Assert.ThrowsAsync<ForbiddenException>(() => Users.InviteAsync(actor, "other@c.example", "Other", Roles.Admin, Link));
        await Assert.ThrowsAsync<ForbiddenException>(() => Users.ResendInvitationAsync(actor, id, Link));
        await Assert.ThrowsAsync<ForbiddenException>(() => Users.RevokeInvitationAsync(actor, id));
        await Assert.ThrowsAsync<ForbiddenException>(() => Users.ListInvitationsAsync(actor));
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task AnotherOrganisationsInvitationIsNotFoundForAnAdmin()
    {
        var (id, _) = await InviteAsync("nina@c.example");
        var otherAdmin = await OtherAdminAsync();

        await Assert.ThrowsAsync<NotFoundException>(() => Users.RevokeInvitationAsync(otherAdmin, id));
        Assert.Empty(await Users.ListInvitationsAsync(otherAdmin));
    }

    [Theory]
    [InlineData("", "Nina", "recruiter", "email")]
    [InlineData("not an address", "Nina", "recruiter", "email")]
    [InlineData("nina\0@c.example", "Nina", "recruiter", "email")]
    [InlineData("nina@c.example", "", "recruiter", "display_name")]
    [InlineData("nina@c.example", "   ", "recruiter", "display_name")]
    [InlineData("nina@c.example", "Nina\u0007", "recruiter", "display_name")]
    [InlineData("nina@c.example", "Nina\nNeu", "recruiter", "display_name")]
    [InlineData("nina@c.example", "{long}", "recruiter", "display_name")]
    [InlineData("{longmail}", "Nina", "recruiter", "email")]
    [InlineData("nina@c.example", "Nina", "owner", "role")]
    [InlineData("nina@c.example", "Nina", "", "role")]
    [InlineData("nina@c.example", "Nina", "Admin", "role")]
    public async Task HostileInputIsRefusedByFieldAndChangesNothing(string email, string name, string role, string field)
    {
        email = email.Replace("{longmail}", new string('a', 250) + "@c.example");
        name = name.Replace("{long}", new string('n', 201));
        var before = await SnapshotAsync();

        var error = await Assert.ThrowsAsync<ValidationException>(() => Users.InviteAsync(Db.Admin, email, name, role, Link));

        Assert.True(error.Errors.ContainsKey(field), string.Join(", ", error.Errors.Keys));
        Assert.Equal(before, await SnapshotAsync());
        Assert.Empty(await MailsAsync());
    }

    [Theory]
    [InlineData("", Passphrase, Passphrase, "display_name")]
    [InlineData("Nina\0", Passphrase, Passphrase, "display_name")]
    [InlineData("Nina", "short", "short", "password")]
    [InlineData("Nina", Passphrase, "a different passphrase", "repeat_password")]
    public async Task ABadAcceptIsRefusedByFieldAndKeepsTheLinkUsable(string name, string password, string repeated, string field)
    {
        var (_, token) = await InviteAsync("nina@c.example");
        var before = await SnapshotAsync();

        var error = await Assert.ThrowsAsync<ValidationException>(() => Users.AcceptInvitationAsync(token, name, password, repeated));

        Assert.True(error.Errors.ContainsKey(field), string.Join(", ", error.Errors.Keys));
        Assert.Equal(before, await SnapshotAsync());
        Assert.NotNull(await Users.FindInvitationAsync(token));
    }

    [Fact]
    public async Task ASecondPendingInvitationForTheSameAddressIsRefused()
    {
        await InviteAsync("nina@c.example");

        var error = await Assert.ThrowsAsync<ValidationException>(() => InviteAsync("NINA@c.example"));

        Assert.True(error.Errors.ContainsKey("email"));
        Assert.Single(await Users.ListInvitationsAsync(Db.Admin));
    }
}
