using Ats.Domain.Data;
using Ats.Domain.Identity;
using Ats.Domain.Mail;
using Ats.Domain.Writes;
using Ats.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MimeKit;

namespace Ats.Tests.Domain;

/// Invitations on a real SQLite file, their mail sent by the account-mail outbox to a real SMTP server.
public abstract class InvitationDomainTest : IAsyncLifetime
{
    protected const string Passphrase = "a long passphrase";
    protected readonly SettableClock Clock = new();
    protected readonly TestDatabase Db;
    private readonly SmtpServer _smtp = new();
    private MailOutbox _outbox = default!;

    protected InvitationDomainTest() => Db = new TestDatabase(services => services.AddSingleton<TimeProvider>(Clock));

    public async Task InitializeAsync()
    {
        await Db.InitializeAsync();
        await _smtp.StartAsync();
        var settings = new MailSettings { From = "ats@ats.example", Smtp = new SmtpSettings { Host = "127.0.0.1", Port = _smtp.Port, Security = "none" } };
        _outbox = new MailOutbox(Db.Services.GetRequiredService<IDbContextFactory<AtsDbContext>>(), Db.Records,
            MailTransports.From(settings), settings, Clock, NullLogger<MailOutbox>.Instance);
    }

    public async Task DisposeAsync()
    {
        await _smtp.DisposeAsync();
        await Db.DisposeAsync();
    }

    protected UserAdministration Users => Db.Services.GetRequiredService<UserAdministration>();

    /// Invites and returns the invitation's id and the token its link carried (null when no link was made).
    protected async Task<(Guid Id, string? Token)> InviteAsync(string email, string name = "Nina Neu", string role = Roles.Recruiter, Actor? actor = null)
    {
        string? token = null;
        var id = await Users.InviteAsync(actor ?? Db.Admin, email, name, role, t => Link(token = t));
        return (id, token);
    }

    protected static string Link(string token) => $"http://localhost/account/accept-invitation?token={Uri.EscapeDataString(token)}";

    /// Sends what the outbox holds and returns every mail the SMTP server received so far.
    protected async Task<IReadOnlyList<MimeMessage>> MailsAsync()
    {
        await _outbox.SendDueAsync();
        return _smtp.Received();
    }

    /// Tenant B's recruiter made its admin.
    protected async Task<Actor> OtherAdminAsync()
    {
        await using var scope = Db.Services.CreateAsyncScope();
        var identity = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>();
        scope.ServiceProvider.GetRequiredService<AtsDbContext>().SystemWrite("test fixture");
        var bob = (await identity.FindByIdAsync(Db.RecruiterB.Id.ToString()))!;
        await identity.RemoveFromRoleAsync(bob, Roles.Recruiter);
        await identity.AddToRoleAsync(bob, Roles.Admin);
        return Db.OtherTenant with { Role = Roles.Admin };
    }

    protected async Task<string> SnapshotAsync()
    {
        await using var raw = Db.Raw();
        var users = await raw.Users.AsNoTracking().OrderBy(u => u.Id).Select(u => new { u.Id, u.TenantId, u.Email, u.PasswordHash, u.SecurityStamp }).ToListAsync();
        var invitations = await raw.Invitations.AsNoTracking().OrderBy(i => i.Id).ToListAsync();
        return System.Text.Json.JsonSerializer.Serialize(new { users, invitations, mails = await raw.AccountMails.CountAsync() });
    }
}
