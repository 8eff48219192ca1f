using Ats.Domain.Data;
using Ats.Domain.Identity;
using Ats.Domain.Resources;
using Ats.Domain.Writes;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ats.Domain.Tenancy;

/// First start outside the demo: the first visitor creates the organisation and its admin account.
/// Allowed exactly once, while the database has no organisation.
public sealed class OrganisationSetup(IServiceScopeFactory scopes, TimeProvider clock)
{
    public async Task<bool> IsNeededAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        return !await scope.ServiceProvider.GetRequiredService<AtsDbContext>().Tenants.AnyAsync(ct);
    }

    public async Task<AppUser> CreateAsync(string organisation, string displayName, string email, string password, CancellationToken ct = default)
    {
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(organisation)) errors.Add("organisation", Messages.Required);
        else if (organisation.Trim().Length > 200) errors.Add("organisation", Messages.TooLong(200));
        FieldValidation.CheckText("organisation", organisation, multiLine: false, errors);
        UserAdministration.ValidateIdentity(email.Trim(), displayName, errors);
        PasswordPolicy.Validate(password, errors);
        errors.ThrowIfAny();

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AtsDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (await db.Tenants.AnyAsync(ct)) throw ForbiddenException.AdminOnly();

        var now = clock.GetUtcNow().UtcDateTime;
        var tenant = new Tenant { Name = organisation.Trim(), CreatedAt = now };
        var admin = new AppUser { TenantId = tenant.Id, Email = email.Trim(), UserName = email.Trim(), DisplayName = displayName.Trim(), EmailConfirmed = true, CreatedAt = now };
        db.TenantId = tenant.Id;
        db.ActAs(new Actor(admin.Id, tenant.Id, Roles.Admin, admin.DisplayName, Channel.Ui)); // the first admin founds the organisation
        db.Tenants.Add(tenant);
        await db.SaveChangesAsync(ct);

        UserAdministration.Check(await users.CreateAsync(admin, password), "password");
        UserAdministration.Check(await users.AddToRoleAsync(admin, Roles.Admin), "role");
        await tx.CommitAsync(ct);
        return admin;
    }
}
