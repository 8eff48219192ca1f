using Ats.Domain.Common;
using Ats.Domain.Identity;
using Ats.Domain.Mail;
using Ats.Domain.Models;
using Ats.Domain.Tenancy;
using Ats.Domain.Tokens;
using Ats.Domain.Webhooks;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Ats.Domain.Audit;

/// What one tracked row's change means to the audit log: which record of which model, which fields by the names users
/// see. <paramref name="Publishes"/>: whether the change feed hears of it (as it did before there was one write path).
public sealed record AuditedChange(string Model, Guid RecordId, AuditAction Action, IReadOnlyList<string> Fields, bool Publishes);

/// The audited entity types and how their columns are named to users. The public models are described by the model
/// catalog; the others here. A type in neither is bookkeeping (see <see cref="Bookkeeping"/>) and is never audited.
public static class AuditedTypes
{
    private sealed record Kind(string Model, bool Publishes, string[] CreateFields, Dictionary<string, string> Columns);

    private static readonly Dictionary<Type, Kind> Kinds = new()
    {
        [typeof(AppUser)] = new(UserAdministration.Model, true, ["display_name", "email"], new()
        {
            [nameof(AppUser.DisplayName)] = "display_name", [nameof(AppUser.Email)] = "email", [nameof(AppUser.IsActive)] = "is_active",
            [nameof(AppUser.MailSignature)] = "mail_signature", [nameof(AppUser.PreferredCulture)] = "language",
            [nameof(AppUser.TimeZone)] = "time_zone", [nameof(AppUser.PasswordHash)] = "password",
        }),
        [typeof(Invitation)] = new(UserAdministration.InvitationModel, true, ["display_name", "email", "role"], new()
        {
            [nameof(Invitation.TokenHash)] = "token", [nameof(Invitation.ExpiresAt)] = "token",
            [nameof(Invitation.RevokedAt)] = "revoked_at", [nameof(Invitation.AcceptedAt)] = "accepted_at",
        }),
        [typeof(ApiToken)] = new(TokenService.Model, false, ["expires_at", "name", "scopes"], new()
        {
            [nameof(ApiToken.Name)] = "name", [nameof(ApiToken.ExpiresAt)] = "expires_at", [nameof(ApiToken.RevokedAt)] = "revoked_at",
        }),
        [typeof(WebhookEndpoint)] = new(WebhookService.Model, false, ["description", "events", "secret", "url"], new()
        {
            [nameof(WebhookEndpoint.Url)] = "url", [nameof(WebhookEndpoint.Events)] = "events", [nameof(WebhookEndpoint.Description)] = "description",
            [nameof(WebhookEndpoint.Active)] = "active", [nameof(WebhookEndpoint.Secret)] = "secret",
            [nameof(WebhookEndpoint.DisabledAt)] = "disabled_at", [nameof(WebhookEndpoint.DisabledReason)] = "disabled_reason",
        }),
        [typeof(WebhookDelivery)] = new(WebhookService.DeliveryModel, false, [], new()
        {
            [nameof(WebhookDelivery.Attempts)] = "attempts", [nameof(WebhookDelivery.NextAttemptAt)] = "next_attempt_at",
            [nameof(WebhookDelivery.Status)] = "status",
        }),
        [typeof(Tenant)] = new(OrganisationProfile.Model, false, ["name"], new()
        {
            [nameof(Tenant.Name)] = "name", [nameof(Tenant.Address)] = "address",
            [nameof(Tenant.RequireTwoFactorForAdmins)] = "require_two_factor_for_admins",
        }),
    };

    /// Types whose rows are written without an audit entry of their own, and why.
    public static readonly IReadOnlyDictionary<Type, string> Bookkeeping = new Dictionary<Type, string>
    {
        [typeof(AuditEntry)] = "the audit log itself",
        [typeof(Candidates.CandidateSearchEntry)] = "the candidate search index (FTS5), kept in step with candidates by triggers, never written by the app",
        [typeof(Events.ChangeLogEntry)] = "the change log, written with the change it records",
        [typeof(Pipeline.StageChange)] = "stage history, written with its application (audited as the application's stage)",
        [typeof(Data.SystemSetting)] = "server settings (the stored JWT key), written at start-up",
        [typeof(SocketTicket)] = "one-use socket tickets, written on every socket connection",
        [typeof(Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey)] = "Data Protection's key ring",
        [typeof(AccountMail)] = "the account mail outbox (a reset link is audited as the user's password_reset_link)",
        [typeof(IdentityRole<Guid>)] = "the fixed roles, created at start-up",
        [typeof(IdentityRoleClaim<Guid>)] = "unused by Ats",
        [typeof(IdentityUserClaim<Guid>)] = "unused by Ats",
        [typeof(IdentityUserLogin<Guid>)] = "unused by Ats",
        [typeof(IdentityUserToken<Guid>)] = "authenticator keys and recovery codes (audited as the user's two_factor, recovery_codes)",
        [typeof(IdentityUserRole<Guid>)] = "audited as the user's role",
    };

    /// Null when the row's change is not audited (a bookkeeping type, or only unaudited columns moved).
    public static AuditedChange? Describe(EntityEntry entry)
    {
        if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) return null;
        return entry.Entity switch
        {
            TenantEntity row => DescribeModel(entry, row),
            IdentityUserRole<Guid> role => new(UserAdministration.Model, role.UserId, AuditAction.Update, ["role"], true),
            AccountMail { Kind: AccountMailKinds.PasswordReset, UserId: { } user } when entry.State == EntityState.Added =>
                new(UserAdministration.Model, user, AuditAction.Update, ["password_reset_link"], true),
            _ when Kinds.TryGetValue(entry.Entity.GetType(), out var kind) => DescribeKind(entry, kind),
            _ => null,
        };
    }

    public static bool IsAudited(Type type) => typeof(TenantEntity).IsAssignableFrom(type) || Kinds.ContainsKey(type);

    /// The properties whose change is audited, by property name (the public models': their catalog fields).
    public static IEnumerable<string> ColumnsOf(Type type) => typeof(TenantEntity).IsAssignableFrom(type)
        ? ModelCatalog.For(type).Fields.Select(f => f.Property.Name) : Kinds.TryGetValue(type, out var kind) ? kind.Columns.Keys : [];

    private static AuditedChange? DescribeModel(EntityEntry entry, TenantEntity row)
    {
        var model = ModelCatalog.For(row.GetType());
        switch (entry.State)
        {
            case EntityState.Added:
                return new(model.Name, row.Id, AuditAction.Create, model.FieldsSetOn(row), true);
            case EntityState.Deleted:
                return new(model.Name, row.Id, AuditAction.Delete, [], true);
            default:
                var changed = entry.Properties.Where(p => p.IsModified)
                    .Select(p => model.FieldForProperty(p.Metadata.Name)?.Name).OfType<string>().ToList();
                if (changed.Count > 0) return new(model.Name, row.Id, AuditAction.Update, changed, true);
                entry.State = EntityState.Unchanged; // only derived columns moved: nothing the world can see changed
                return null;
        }
    }

    /// Compares values rather than trusting "modified": Identity's store marks every column of a user it updates.
    private static AuditedChange? DescribeKind(EntityEntry entry, Kind kind)
    {
        var id = (Guid)entry.Property("Id").CurrentValue!;
        if (entry.State == EntityState.Added) return new(kind.Model, id, AuditAction.Create, kind.CreateFields, kind.Publishes);
        if (entry.State == EntityState.Deleted) return new(kind.Model, id, AuditAction.Delete, [], kind.Publishes);
        var changed = entry.Properties
            .Where(p => kind.Columns.ContainsKey(p.Metadata.Name) && !p.Metadata.GetValueComparer().Equals(p.OriginalValue, p.CurrentValue))
            .Select(p => kind.Columns[p.Metadata.Name]).Distinct().ToList();
        return changed.Count == 0 ? null : new(kind.Model, id, AuditAction.Update, changed, kind.Publishes);
    }
}
