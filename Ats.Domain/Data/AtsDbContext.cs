using System.Linq.Expressions;
using Ats.Domain.Audit;
using Ats.Domain.Candidates;
using Ats.Domain.Events;
using Ats.Domain.Common;
using Ats.Domain.Identity;
using Ats.Domain.Interviews;
using Ats.Domain.Jobs;
using Ats.Domain.Mail;
using Ats.Domain.Notes;
using Ats.Domain.Offers;
using Ats.Domain.Pipeline;
using Ats.Domain.Scorecards;
using Ats.Domain.Sources;
using Ats.Domain.Tasks;
using Ats.Domain.Tenancy;
using Ats.Domain.Tokens;
using Ats.Domain.Webhooks;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Ats.Domain.Data;

/// The one domain context: Identity and all public models. Every tenant-owned set is filtered to
/// <see cref="TenantId"/>; with no tenant set, those sets are empty (safe by default).
public sealed class AtsDbContext(DbContextOptions<AtsDbContext> options)
    : IdentityDbContext<AppUser, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
    public Guid? TenantId { get; set; }

    public DbSet<Tenant> Tenants => Set<Tenant>();
    public DbSet<Job> Jobs => Set<Job>();
    public DbSet<Candidate> Candidates => Set<Candidate>();
    public DbSet<Application> Applications => Set<Application>();
    public DbSet<ApplicationNote> Notes => Set<ApplicationNote>();
    public DbSet<EmailTemplate> EmailTemplates => Set<EmailTemplate>();
    public DbSet<Scorecard> Scorecards => Set<Scorecard>();
    public DbSet<Interview> Interviews => Set<Interview>();
    public DbSet<Message> Messages => Set<Message>();
    public DbSet<Offer> Offers => Set<Offer>();
    public DbSet<Source> Sources => Set<Source>();
    public DbSet<TaskItem> Tasks => Set<TaskItem>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<StageChange> StageChanges => Set<StageChange>();
    public DbSet<SystemSetting> SystemSettings => Set<SystemSetting>();
    public DbSet<ChangeLogEntry> ChangeLog => Set<ChangeLogEntry>();
    public DbSet<WebhookEndpoint> WebhookEndpoints => Set<WebhookEndpoint>();
    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();
    public DbSet<SocketTicket> SocketTickets => Set<SocketTicket>();
    /// ASP.NET Core Data Protection's key ring (cookies, antiforgery, the stored JWT key), shared by every node.
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<AccountMail> AccountMails => Set<AccountMail>();
    public DbSet<Invitation> Invitations => Set<Invitation>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AtsDbContext).Assembly);

        foreach (var type in builder.Model.GetEntityTypes().Select(t => t.ClrType).ToList())
        {
            if (typeof(TenantEntity).IsAssignableFrom(type))
            {
                builder.Entity(type).HasQueryFilter(TenantFilter(type));
                builder.Entity(type).Property(nameof(Entity.Version)).IsConcurrencyToken();
                // Lists default to newest first and page on (created_at, id): one index serves that order without a sort.
                builder.Entity(type).HasIndex(nameof(TenantEntity.TenantId), nameof(Entity.CreatedAt), nameof(Entity.Id));
            }
        }
        builder.Entity<AuditEntry>().HasQueryFilter(a => a.TenantId == TenantId);
        builder.Entity<ApiToken>().HasQueryFilter(t => t.TenantId == TenantId);
        builder.Entity<StageChange>().HasQueryFilter(c => c.TenantId == TenantId);
        builder.Entity<WebhookEndpoint>().HasQueryFilter(e => e.TenantId == TenantId);
        builder.Entity<WebhookDelivery>().HasQueryFilter(d => d.TenantId == TenantId);
        // The change log is read across tenants by the live channel, which filters per connection: no query filter.
        Conventions.StoreEnumsAsSnakeCase(builder);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        builder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        builder.Properties<DateTime?>().HaveConversion<NullableUtcDateTimeConverter>();
    }

    private LambdaExpression TenantFilter(Type type)
    {
        var row = Expression.Parameter(type, "row");
        var rowTenant = Expression.Convert(Expression.Property(row, nameof(TenantEntity.TenantId)), typeof(Guid?));
        var contextTenant = Expression.Property(Expression.Constant(this), nameof(TenantId));
        return Expression.Lambda(Expression.Equal(rowTenant, contextTenant), row);
    }
}
