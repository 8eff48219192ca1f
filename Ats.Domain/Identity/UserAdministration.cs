using Ats.Domain.Audit;
using Ats.Domain.Data;
using Ats.Domain.Resources;
using Ats.Domain.Tokens;
using Ats.Domain.Writes;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ats.Domain.Identity;

public sealed record UserSummary(Guid Id, string Email, string DisplayName, string Role, bool IsActive, DateTime CreatedAt);

/// Users of a tenant: listed by everyone (for pickers), managed by admins. Each change is audited as model "user"
/// (by the write journal, which names the columns as <see cref="AuditedTypes"/> says).
/// Identity's stores need a scoped context, so every operation opens its own scope (a circuit lives for hours).
public sealed partial class UserAdministration(IServiceScopeFactory scopes, TimeProvider clock, TokenCache tokens)
{
    public const string Model = "user";

    public async Task<IReadOnlyList<UserSummary>> ListAsync(Actor actor, CancellationToken ct = default)
    {
        await using var scope = Open(actor, out var db);
        return await (from u in db.Users
                      where u.TenantId == actor.TenantId
                      orderby u.DisplayName
                      select new UserSummary(u.Id, u.Email!, u.DisplayName,
                          db.Roles.Where(r => db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == r.Id)).Select(r => r.Name!).FirstOrDefault() ?? "",
                          u.IsActive, u.CreatedAt)).ToListAsync(ct);
    }

    /// Creates a user with a password chosen for them: for the demo seed, tools and tests only. Admins invite instead
    /// (<see cref="InviteAsync"/>), so that nobody else ever knows a user's password.
    public async Task<Guid> CreateAsync(Actor actor, string email, string displayName, string role, string password, CancellationToken ct = default)
    {
        RequireAdmin(actor);
        var errors = new ValidationErrors();
        email = email.Trim();
        ValidateIdentity(email, displayName, errors);
        PasswordPolicy.Validate(password, errors);
        if (!Roles.IsKnown(role)) errors.Add("role", Messages.InvalidValue);
        errors.ThrowIfAny();

        await using var scope = Open(actor, out var db);
        await db.ActAsAsync(actor, ct);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        // Any existing address is refused: this path is not reachable by an admin (the UI invites), so it cannot tell them
        // about another organisation's addresses.
        if (await users.FindByEmailAsync(email) is not null) throw ValidationException.For("email", Messages.EmailInUse);

        var now = clock.GetUtcNow().UtcDateTime;
        var user = new AppUser { TenantId = actor.TenantId, Email = email, UserName = email, DisplayName = displayName.Trim(), EmailConfirmed = true, CreatedAt = now };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        Check(await users.CreateAsync(user, password), "password");
        Check(await users.AddToRoleAsync(user, role), "role");
        await tx.CommitAsync(ct);
        return user.Id;
    }

    public Task SetRoleAsync(Actor actor, Guid userId, string role, CancellationToken ct = default)
    {
        if (!Roles.IsKnown(role)) throw ValidationException.For("role", Messages.InvalidValue);
        return ChangeAsync(actor, userId, async (users, user) =>
        {
            var current = await users.GetRolesAsync(user);
            if (current.SequenceEqual([role])) return false;
            if (current.Contains(Roles.Admin)) await RequireAnotherAdminAsync(users, user);
            Check(await users.RemoveFromRolesAsync(user, current), "role");
            Check(await users.AddToRoleAsync(user, role), "role");
            Check(await users.UpdateSecurityStampAsync(user), "role"); // the new role reaches their cookie at the next validation
            return true;
        }, ct);
    }

    public Task SetActiveAsync(Actor actor, Guid userId, bool active, CancellationToken ct = default)
    {
        if (actor.UserId == userId) throw ValidationException.For("is_active", Messages.NotYourself);
        return ChangeAsync(actor, userId, async (users, user) =>
        {
            if (user.IsActive == active) return false;
            if (!active && await users.IsInRoleAsync(user, Roles.Admin)) await RequireAnotherAdminAsync(users, user);
            user.IsActive = active;
            Check(await users.UpdateSecurityStampAsync(user), "is_active"); // signs the user out everywhere at the next validation
            return true;
        }, ct);
    }

    public const int MailSignatureLength = 2000;

    public async Task<string?> GetMailSignatureAsync(Actor actor, CancellationToken ct = default)
    {
        await using var scope = Open(actor, out var db);
        return await db.Users.Where(u => u.Id == actor.UserId && u.TenantId == actor.TenantId).Select(u => u.MailSignature).FirstOrDefaultAsync(ct);
    }

    /// Everyone sets their own signature ({{ recruiter.signature }} in mail templates), never someone else's.
    public async Task SetMailSignatureAsync(Actor actor, string? signature, CancellationToken ct = default)
    {
        if (actor.UserId is not { } me || actor.Scopes is not null) throw ForbiddenException.TokensNeedSignIn();
        var text = string.IsNullOrWhiteSpace(signature) ? null : FieldValidation.NormalizeLineEndings(signature.Trim());
        if (text?.Length > MailSignatureLength) throw ValidationException.For("mail_signature", Messages.TooLong(MailSignatureLength));
        if (text is not null && FieldValidation.HasControlCharacters(text, multiLine: true)) throw ValidationException.For("mail_signature", Messages.ControlCharacters);
        await using var scope = Open(actor, out var db);
        await db.ActAsAsync(actor, ct);
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == me && u.TenantId == actor.TenantId, ct) ?? throw new NotFoundException(Model, me);
        if (user.MailSignature == text) return;
        user.MailSignature = text;
        await db.SaveChangesAsync(ct);
    }

    /// Everyone chooses their own language (mails to them are written in it).
    public async Task SetLanguageAsync(Actor actor, string culture, CancellationToken ct = default)
    {
        if (actor.UserId is not { } me) throw ForbiddenException.TokensNeedSignIn();
        await using var scope = Open(actor, out var db);
        await db.ActAsAsync(actor, ct);
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == me && u.TenantId == actor.TenantId, ct) ?? throw new NotFoundException(Model, me);
        if (user.PreferredCulture == culture) return;
        user.PreferredCulture = culture;
        await db.SaveChangesAsync(ct);
    }

    private async Task ChangeAsync(Actor actor, Guid userId, Func<UserManager<AppUser>, AppUser, Task<bool>> change, CancellationToken ct)
    {
        RequireAdmin(actor);
        await using var scope = Open(actor, out var db);
        await db.ActAsAsync(actor, ct);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId && u.TenantId == actor.TenantId, ct)
            ?? throw new NotFoundException(Model, userId);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (!await change(users, user)) return;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        tokens.ForgetUser(user.Id); // their tokens act with the new role, or not at all, from the next request
    }

    private static async Task RequireAnotherAdminAsync(UserManager<AppUser> users, AppUser leaving)
    {
        var admins = await users.GetUsersInRoleAsync(Roles.Admin);
        if (!admins.Any(a => a.Id != leaving.Id && a.TenantId == leaving.TenantId && a.IsActive))
            throw ValidationException.For("role", Messages.LastAdmin);
    }

    /// The checks a new account shares with first-run setup.
    internal static void ValidateIdentity(string email, string displayName, ValidationErrors errors)
    {
        FieldValidation.CheckText("email", email, multiLine: false, errors);
        FieldValidation.CheckText("display_name", displayName, multiLine: false, errors);
        if (!errors.Has("email") && (!FieldValidation.IsEmail(email) || email.Length > 254)) errors.Add("email", Messages.InvalidEmail);
        if (string.IsNullOrWhiteSpace(displayName)) errors.Add("display_name", Messages.Required);
        else if (!errors.Has("display_name") && displayName.Trim().Length > 200) errors.Add("display_name", Messages.TooLong(200));
    }

    /// Identity reports failures as results; a failure must stop the write, never be audited as done.
    internal static void Check(IdentityResult result, string field)
    {
        if (result.Succeeded) return;
        if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure))) throw new ConflictException();
        throw ValidationException.For(field, string.Join(" ", result.Errors.Select(e => e.Description)));
    }

    private static void RequireAdmin(Actor actor)
    {
        if (!actor.IsAdmin || actor.Scopes is not null) throw ForbiddenException.AdminOnly();
    }

    private AsyncServiceScope Open(Actor actor, out AtsDbContext db)
    {
        var scope = scopes.CreateAsyncScope();
        db = scope.ServiceProvider.GetRequiredService<AtsDbContext>();
        db.TenantId = actor.TenantId;
        return scope;
    }
}
