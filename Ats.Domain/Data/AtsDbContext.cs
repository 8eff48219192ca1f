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
using Ats.Domain.Writes;
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

    /// Who writes through this context: set by whoever opens it, like <see cref="TenantId"/>. Every audited change a
    /// save makes is recorded in their name by the <see cref="WriteJournal"/>.
    public Actor? Actor { get; private set; }

    /// Why this context writes without an actor (worker bookkeeping, the demo seed): its saves are not audited.
    public string? SystemReason { get; private set; }

    public AtsDbContext ActAs(Actor actor)
    {
        (Actor, SystemReason) = (actor, null);
        return this;
    }

    /// As <see cref="ActAs"/>, after checking that the actor's user is still active in the role they claim.
    public async Task<AtsDbContext> ActAsAsync(Actor actor, CancellationToken ct)
    {
        TenantId = actor.TenantId;
        await ActorCheck.RequireCurrentAsync(this, actor, ct);
        return ActAs(actor);
    }

    /// Saves that follow are bookkeeping, not audited; <paramref name="reason"/> says whose and why.
    public AtsDbContext SystemWrite(string reason)
    {
        (Actor, SystemReason) = (null, reason);
        return this;
    }

    /// A change made outside this context's rows that the next save audits (a second factor set up through Identity's
    /// pages, whose rows the journal cannot name).
    public AtsDbContext Note(AuditedChange change)
    {
        Noted.Add(change);
        return this;
    }

    internal List<AuditedChange> Noted { get; } = [];
    internal WriteJournal? Journal { get; set; }
    /// A delete's rows, each after what hung on it: their audit entries and events come in this order.
    internal IReadOnlyList<object>? WriteOrder { get; set; }
    /// Change events of the open transaction, published when it commits.
    internal List<ChangeEvent> Pending { get; } = [];
    private readonly Dictionary<(string, Guid), AuditEntry> _openEntries = [];
    private bool _saving;

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken ct = default)
    {
        if (Journal is null || _saving) return await base.SaveChangesAsync(acceptAllChangesOnSuccess, ct);
        _saving = true;
        try
        {
            return await Journal.SaveAsync(this, token => base.SaveChangesAsync(acceptAllChangesOnSuccess, token), ct);
        }
        finally
        {
            _saving = false;
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        if (Journal is not null && !_saving) WriteJournal.RequireNothingAudited(this);
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    /// One audit entry per record and transaction: Identity saves a new user and its role one after the other.
    internal void Audit(AuditedChange change, Func<AuditEntry> record)
    {
        var inTransaction = Database.CurrentTransaction is not null;
        if (inTransaction && _openEntries.TryGetValue((change.Model, change.RecordId), out var open))
        {
            open.ChangedFields = [.. open.ChangedFields.Union(change.Fields).Order(StringComparer.Ordinal)];
            if (change.Action == AuditAction.Delete) open.Action = AuditAction.Delete;
            return;
        }
        var entry = record();
        if (inTransaction) _openEntries[(change.Model, change.RecordId)] = entry;
    }

    /// As <see cref="Audit"/> for the events outside the public models.
    internal void AddEvent(ChangeEvent change)
    {
        var index = change.EventId != 0 ? -1 : Pending.FindIndex(e => e.EventId == 0 && e.Model == change.Model && e.RecordId == change.RecordId);
        if (index < 0) Pending.Add(change);
        else Pending[index] = Pending[index] with
        {
            Action = Pending[index].Action == AuditAction.Create ? AuditAction.Create : change.Action,
            ChangedFields = [.. Pending[index].ChangedFields.Union(change.ChangedFields).Order(StringComparer.Ordinal)],
        };
    }

    /// A transaction began, committed or failed: what was pending is published (on commit) or dropped.
    internal void EndTransaction(bool committed)
    {
        var events = Pending.ToList();
        Pending.Clear();
        _openEntries.Clear();
        if (committed) Journal?.Publish(events);
    }

    /// A pooled context starts with no actor and nothing pending.
    internal void ResetWrites()
    {
        (TenantId, Actor, SystemReason, WriteOrder) = (null, null, null, null);
        Noted.Clear();
        EndTransaction(committed: false);
    }

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
