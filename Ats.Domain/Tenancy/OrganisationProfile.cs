using Ats.Domain.Data;
using Ats.Domain.Resources;
using Ats.Domain.Writes;
using Microsoft.EntityFrameworkCore;

namespace Ats.Domain.Tenancy;

/// The organisation's own details that letters carry (the postal address in an offer letter's head); admins set them.
public sealed class OrganisationProfile(IDbContextFactory<AtsDbContext> dbFactory)
{
    /// The audit log's name for the tenant.
    public const string Model = "organisation";
    public const int AddressLength = 500;

    public async Task<string?> GetAddressAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Tenants.Where(t => t.Id == actor.TenantId).Select(t => t.Address).FirstOrDefaultAsync(ct);
    }

    public async Task SetAddressAsync(Actor actor, string? address, CancellationToken ct = default)
    {
        var text = string.IsNullOrWhiteSpace(address) ? null : address.Trim().ReplaceLineEndings("\n");
        if (text?.Length > AddressLength) throw ValidationException.For("address", Messages.TooLong(AddressLength));
        if (text is not null && FieldValidation.HasControlCharacters(text, multiLine: true)) throw ValidationException.For("address", Messages.ControlCharacters);
        await ChangeAsync(actor, t =>
        {
            if (t.Address == text) return false;
            t.Address = text;
            return true;
        }, ct);
    }

    public async Task<bool> GetRequireTwoFactorForAdminsAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Tenants.Where(t => t.Id == actor.TenantId).Select(t => t.RequireTwoFactorForAdmins).FirstOrDefaultAsync(ct);
    }

    /// Takes effect at each admin's next sign-in (or within a minute, when their cookie is next validated).
    public Task SetRequireTwoFactorForAdminsAsync(Actor actor, bool required, CancellationToken ct = default) =>
        ChangeAsync(actor, t =>
        {
            if (t.RequireTwoFactorForAdmins == required) return false;
            t.RequireTwoFactorForAdmins = required;
            return true;
        }, ct);

    /// Admins only; <paramref name="change"/> returns whether anything changed (only then is it saved, and audited by the journal).
    private async Task ChangeAsync(Actor actor, Func<Tenant, bool> change, CancellationToken ct)
    {
        if (!actor.IsAdmin || actor.Scopes is not null) throw ForbiddenException.AdminOnly();
        await using var db = await dbFactory.OpenAsync(actor, ct);
        var tenant = await db.Tenants.FirstAsync(t => t.Id == actor.TenantId, ct);
        if (!change(tenant)) return;
        await db.SaveChangesAsync(ct);
    }
}
