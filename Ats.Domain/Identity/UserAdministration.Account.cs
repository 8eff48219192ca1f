using System.Globalization;
using Ats.Domain.Audit;
using Ats.Domain.Data;
using Ats.Domain.Mail;
using Ats.Domain.Resources;
using Ats.Domain.Writes;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ats.Domain.Identity;

/// Passwords and second factors: an admin sends a reset link; everyone changes their own password. Each is audited
/// (which field, never a value).
public sealed partial class UserAdministration
{
    /// Queues a one-time link (Identity's reset token, valid one hour) to the user's own address through the outbox.
    /// The link is never logged, audited or shown to the admin.
    public async Task SendPasswordResetAsync(Actor actor, Guid userId, Func<Guid, string, string> link, CancellationToken ct = default)
    {
        RequireAdmin(actor);
        await using var scope = Open(actor, out var db);
        await db.ActAsAsync(actor, ct);
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId && u.TenantId == actor.TenantId, ct) ?? throw new NotFoundException(Model, userId);
        if (!user.IsActive) throw ValidationException.For("is_active", Messages.ResetNeedsActiveUser);
        var token = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().GeneratePasswordResetTokenAsync(user);
        var now = clock.GetUtcNow().UtcDateTime;
        var culture = CultureInfo.CurrentUICulture;
        try
        {
            if (user.PreferredCulture is { } preferred) CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(preferred); // the reader's language
            db.AccountMails.Add(new AccountMail
            {
                UserId = user.Id, Subject = Messages.PasswordResetSubject, Body = Messages.PasswordResetBody(user.DisplayName, link(user.Id, token)), CreatedAt = now,
            });
        }
        finally
        {
            CultureInfo.CurrentUICulture = culture;
        }
        await db.SaveChangesAsync(ct); // audited as the user's password_reset_link; its event wakes the outbox
    }

    /// The signed-in user changes their own password. Identity renews their security stamp, so their other sessions
    /// end at the next check (within a minute); the caller re-issues the current session's cookie.
    public async Task ChangePasswordAsync(Actor actor, string current, string next, string repeated, CancellationToken ct = default)
    {
        if (actor.UserId is not { } me || actor.Scopes is not null) throw ForbiddenException.TokensNeedSignIn();
        var errors = new ValidationErrors();
        if (string.IsNullOrEmpty(current)) errors.Add("current_password", Messages.Required);
        PasswordPolicy.Validate(next, errors);
        if (next != repeated) errors.Add("repeat_password", Messages.PasswordsDiffer);
        errors.ThrowIfAny();
        await using var scope = Open(actor, out var db);
        await db.ActAsAsync(actor, ct);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == me && u.TenantId == actor.TenantId, ct) ?? throw new NotFoundException(Model, me);
        var result = await users.ChangePasswordAsync(user, current, next);
        if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)))
            throw ValidationException.For("current_password", Messages.WrongCurrentPassword);
        Check(result, "password"); // audited as the user's password
    }

    /// Whether a reset link still works: unused, less than an hour old, and the password not changed since.
    public async Task<bool> IsResetLinkValidAsync(Guid userId, string token, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        return await users.FindByIdAsync(userId.ToString()) is { IsActive: true } user
            && await users.VerifyUserTokenAsync(user, users.Options.Tokens.PasswordResetTokenProvider, UserManager<AppUser>.ResetPasswordTokenPurpose, token);
    }

    /// Sets a new password through a reset link (anonymous: the link is the proof). Returns the user's email, or null
    /// when the link no longer works.
    /// Renewing the security stamp ends every session of the user and makes the link (and any older one) used up.
    public async Task<string?> ResetPasswordAsync(Guid userId, string token, string next, string repeated, CancellationToken ct = default)
    {
        var errors = new ValidationErrors();
        PasswordPolicy.Validate(next, errors);
        if (next != repeated) errors.Add("repeat_password", Messages.PasswordsDiffer);
        errors.ThrowIfAny();
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if (await users.FindByIdAsync(userId.ToString()) is not { IsActive: true } user) return null;
        scope.ServiceProvider.GetRequiredService<AtsDbContext>().ActAs(new Actor(user.Id, user.TenantId, "", user.DisplayName, Channel.Ui));
        var result = await users.ResetPasswordAsync(user, token, next);
        if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken))) return null;
        Check(result, "password"); // audited as the user's password
        return user.Email;
    }

    public async Task<bool> IsTwoFactorOnAsync(Actor actor, CancellationToken ct = default)
    {
        await using var scope = Open(actor, out var db);
        return await db.Users.Where(u => u.Id == actor.UserId && u.TenantId == actor.TenantId).Select(u => u.TwoFactorEnabled).FirstOrDefaultAsync(ct);
    }

    /// Audits a change the user made to their own second factor through Identity's pages, whose rows (authenticator
    /// keys, recovery codes) the journal cannot name.
    public async Task RecordOwnAsync(Actor actor, string field, CancellationToken ct = default)
    {
        if (actor.UserId is not { } me) return;
        await using var scope = Open(actor, out var db);
        db.ActAs(actor).Note(new AuditedChange(Model, me, AuditAction.Update, [field], Publishes: true));
        await db.SaveChangesAsync(ct);
    }
}
