using System.Security.Cryptography;
using System.Text;
using Ats.Domain.Common;
using Ats.Domain.Data;
using Ats.Domain.Mail;
using Ats.Domain.Resources;
using Ats.Domain.Writes;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ats.Domain.Identity;

public sealed record InvitationSummary(Guid Id, string Email, string DisplayName, string Role, DateTime CreatedAt, DateTime ExpiresAt);

/// What the accept page shows for a working link.
public sealed record InvitationPreview(string Email, string DisplayName, string Organisation);

/// Admins invite; the invitee chooses their own password through a one-time link, valid seven days. An address that
/// belongs to another organisation's user is invited like any other (the admin sees the same pending row, which simply
/// expires), but its owner gets a notice instead of a link, and accepting is impossible. Audited as model "invitation".
public sealed partial class UserAdministration
{
    public const string InvitationModel = "invitation";

    /// Pending (neither accepted nor revoked) invitations of the admin's organisation, expired ones included.
    public async Task<IReadOnlyList<InvitationSummary>> ListInvitationsAsync(Actor actor, CancellationToken ct = default)
    {
        RequireAdmin(actor);
        await using var scope = Open(actor, out var db);
        return await db.Invitations
            .Where(i => i.TenantId == actor.TenantId && i.AcceptedAt == null && i.RevokedAt == null)
            .OrderBy(i => i.CreatedAt).ThenBy(i => i.Id)
            .Select(i => new InvitationSummary(i.Id, i.Email, i.DisplayName, i.Role, i.CreatedAt, i.ExpiresAt))
            .ToListAsync(ct);
    }

    /// Invites an address. link turns the one-time token into the accept page's address; the token is never stored,
    /// logged, audited or shown to the admin.
    public async Task<Guid> InviteAsync(Actor actor, string email, string displayName, string role, Func<string, string> link, CancellationToken ct = default)
    {
        RequireAdmin(actor);
        var errors = new ValidationErrors();
        email = email.Trim();
        ValidateIdentity(email, displayName, errors);
        if (!Roles.IsKnown(role)) errors.Add("role", Messages.InvalidValue);
        errors.ThrowIfAny();

        await using var scope = Open(actor, out var db);
        await db.ActAsAsync(actor, ct);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var normalized = users.NormalizeEmail(email);
        var now = clock.GetUtcNow().UtcDateTime;
        if (await db.Invitations.AnyAsync(i => i.TenantId == actor.TenantId && i.NormalizedEmail == normalized && i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now, ct))
            throw ValidationException.For("email", Messages.InvitationPending);
        var invitation = new Invitation
        {
            TenantId = actor.TenantId, Email = email, NormalizedEmail = normalized, DisplayName = displayName.Trim(), Role = role,
            InvitedBy = actor.UserId ?? Guid.Empty, CreatedAt = now,
        };
        await SendInvitationAsync(scope.ServiceProvider, db, actor, invitation, link, now, ct);
        db.Invitations.Add(invitation);
        await db.SaveChangesAsync(ct); // its event wakes the outbox
        return invitation.Id;
    }

    /// A new link (and seven more days); the older link stops working.
    public Task ResendInvitationAsync(Actor actor, Guid invitationId, Func<string, string> link, CancellationToken ct = default) =>
        ChangeInvitationAsync(actor, invitationId, (services, db, invitation, now) =>
            SendInvitationAsync(services, db, actor, invitation, link, now, ct), ct);

    public Task RevokeInvitationAsync(Actor actor, Guid invitationId, CancellationToken ct = default) =>
        ChangeInvitationAsync(actor, invitationId, (_, _, invitation, now) =>
        {
            invitation.RevokedAt = now;
            return Task.CompletedTask;
        }, ct);

    /// The invitation behind a link, or null when the link does not work (one answer for every reason).
    public async Task<InvitationPreview?> FindInvitationAsync(string? token, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AtsDbContext>();
        if (await UsableAsync(scope.ServiceProvider, db, token, ct) is not { } invitation) return null;
        var organisation = await db.Tenants.Where(t => t.Id == invitation.TenantId).Select(t => t.Name).FirstAsync(ct);
        return new InvitationPreview(invitation.Email, invitation.DisplayName, organisation);
    }

    /// Creates the invitee's account with the password they chose (anonymous: the link is the proof) and uses the
    /// invitation up. Returns the new user's address, or null when the link does not work.
    public async Task<string?> AcceptInvitationAsync(string? token, string displayName, string password, string repeated, CancellationToken ct = default)
    {
        var errors = new ValidationErrors();
        FieldValidation.CheckText("display_name", displayName, multiLine: false, errors);
        if (string.IsNullOrWhiteSpace(displayName)) errors.Add("display_name", Messages.Required);
        else if (!errors.Has("display_name") && displayName.Trim().Length > 200) errors.Add("display_name", Messages.TooLong(200));
        PasswordPolicy.Validate(password, errors);
        if (password != repeated) errors.Add("repeat_password", Messages.PasswordsDiffer);
        errors.ThrowIfAny();

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AtsDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (await UsableAsync(scope.ServiceProvider, db, token, ct) is not { } invitation) return null;
        db.TenantId = invitation.TenantId;
        var now = clock.GetUtcNow().UtcDateTime;
        var user = new AppUser
        {
            TenantId = invitation.TenantId, Email = invitation.Email, UserName = invitation.Email, DisplayName = displayName.Trim(), EmailConfirmed = true, CreatedAt = now,
        };
        db.ActAs(new Actor(user.Id, user.TenantId, invitation.Role, user.DisplayName, Channel.Ui)); // the invitee accepts
        invitation.AcceptedAt = now;
        Check(await users.CreateAsync(user, password), "password");
        Check(await users.AddToRoleAsync(user, invitation.Role), "role");
        await tx.CommitAsync(ct);
        return user.Email;
    }

    /// A fresh token for the invitation and the mail that goes with it: the link, or, for an address that belongs to
    /// someone already, the notice to its owner (or an error when the someone is in the admin's own organisation).
    private async Task SendInvitationAsync(IServiceProvider services, AtsDbContext db, Actor actor, Invitation invitation, Func<string, string> link, DateTime now, CancellationToken ct)
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        invitation.TokenHash = HashToken(token);
        invitation.ExpiresAt = now + Invitation.Lifetime;
        var organisation = await db.Tenants.Where(t => t.Id == actor.TenantId).Select(t => t.Name).FirstAsync(ct);
        if (await services.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(invitation.Email) is { } existing)
        {
            // Their own organisation's users are on the admin's list anyway.
            if (existing.TenantId == actor.TenantId) throw ValidationException.For("email", Messages.EmailInUse);
            await AddressTakenNotice.QueueAsync(db, existing, organisation, now, ct);
            return;
        }
        var admin = await db.Users.Where(u => u.Id == actor.UserId).Select(u => new { u.DisplayName, u.PreferredCulture }).FirstOrDefaultAsync(ct);
        using var _ = AddressTakenNotice.InCulture(admin?.PreferredCulture); // the inviting admin's language
        db.AccountMails.Add(new AccountMail
        {
            To = invitation.Email, Kind = AccountMailKinds.Invitation, CreatedAt = now,
            Subject = Messages.InvitationSubject(organisation),
            Body = Messages.InvitationBody(Markdown.Escape(invitation.DisplayName), Markdown.Escape(admin?.DisplayName ?? actor.Name),
                Markdown.Escape(organisation), link(token), invitation.ExpiresAt),
        });
    }

    private async Task ChangeInvitationAsync(Actor actor, Guid invitationId, Func<IServiceProvider, AtsDbContext, Invitation, DateTime, Task> change, CancellationToken ct)
    {
        RequireAdmin(actor);
        await using var scope = Open(actor, out var db);
        await db.ActAsAsync(actor, ct);
        var invitation = await db.Invitations.FirstOrDefaultAsync(i => i.Id == invitationId && i.TenantId == actor.TenantId && i.AcceptedAt == null && i.RevokedAt == null, ct)
            ?? throw new NotFoundException(InvitationModel, invitationId);
        var now = clock.GetUtcNow().UtcDateTime;
        await change(scope.ServiceProvider, db, invitation, now);
        await db.SaveChangesAsync(ct);
    }

    /// Unknown, expired, revoked, accepted, or for an address that has an account by now: all alike unusable.
    private async Task<Invitation?> UsableAsync(IServiceProvider services, AtsDbContext db, string? token, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100) return null;
        var hash = HashToken(token);
        var now = clock.GetUtcNow().UtcDateTime;
        var invitation = await db.Invitations.FirstOrDefaultAsync(i => i.TokenHash == hash && i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now, ct);
        var users = services.GetRequiredService<UserManager<AppUser>>();
        if (invitation is null || await users.FindByEmailAsync(invitation.Email) is not null) return null;
        // An invitation speaks for the admin who sent it: once they are deactivated or no longer an admin there, it is dead.
        var inviter = await users.FindByIdAsync(invitation.InvitedBy.ToString());
        if (inviter is not { IsActive: true } || inviter.TenantId != invitation.TenantId || !await users.IsInRoleAsync(inviter, Roles.Admin)) return null;
        return invitation;
    }

    private static string HashToken(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
