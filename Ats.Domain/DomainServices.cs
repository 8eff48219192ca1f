using Ats.Domain.Audit;
using Ats.Domain.Data;
using Ats.Domain.Demo;
using Ats.Domain.Identity;
using Ats.Domain.Pipeline;
using Ats.Domain.Tenancy;
using Ats.Domain.Tokens;
using Ats.Domain.Writes;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Ats.Domain;

public static class DomainServices
{
    public const string DefaultConnectionString = "Data Source=data/ats.db";

    /// The domain: one context factory (one short-lived, pooled context per operation) and the services every surface shares.
    public static IServiceCollection AddAtsDomain(this IServiceCollection services, string? connectionString)
    {
        services.AddSingleton<IDbContextFactory<AtsDbContext>>(sp => new TenantResettingFactory(new PooledDbContextFactory<AtsDbContext>(
            new DbContextOptionsBuilder<AtsDbContext>()
                .UseSqlite(connectionString ?? DefaultConnectionString, sqlite => sqlite.MigrationsAssembly(typeof(AtsDbContext).Assembly.FullName)
                    // "x IN (@p1, @p2, …)", which an index serves, rather than one JSON parameter read through json_each.
                    // The API's filters are capped (100 values), so the parameters stay few.
                    .UseParameterizedCollectionMode(ParameterTranslationMode.MultipleParameters))
                .AddInterceptors(new SqlitePragmas(), new TransactionEnds())
                .UseLoggerFactory(sp.GetService<ILoggerFactory>())
                .Options), sp.GetRequiredService<WriteJournal>()));
        services.AddSingleton<WriteJournal>();
        // Identity's stores need a scoped context; it comes from the same factory.
        services.TryAddScoped(sp => sp.GetRequiredService<IDbContextFactory<AtsDbContext>>().CreateDbContext());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IPasswordHasher<AppUser>, PasswordHasher<AppUser>>();
        services.AddSingleton<ChangeFeed>();
        services.AddSingleton(RulesRegistry.Default());
        services.AddSingleton<RecordService>();
        services.AddUseCases<Offers.Offer, Offers.OfferActions>();
        services.AddUseCases<Interviews.Interview, Interviews.InterviewActions>();
        services.AddUseCases<Scorecards.Scorecard, Scorecards.ScorecardActions>();
        services.AddUseCases<Mail.Message, Mail.MessageActions>();
        services.AddSingleton<BoardQuery>();
        services.AddSingleton<ApplicationQuery>();
        services.AddSingleton<Candidates.CandidateList>();
        services.AddSingleton<Jobs.JobQuery>();
        services.AddUseCases<Pipeline.Application, PipelineMoves>();
        services.AddSingleton<UserAdministration>();
        services.AddSingleton<OrganisationSetup>();
        services.AddSingleton<OrganisationProfile>();
        services.AddSingleton<Scorecards.ScorecardReminders>();
        services.AddSingleton<AuditQuery>();
        services.AddSingleton<TokenCache>();
        services.TryAddSingleton<TokenSettings>();
        services.AddSingleton<TokenService>();
        services.AddSingleton<SocketTickets>();
        // One key ring for every node, in the shared database; a fixed name, so nodes installed in different folders agree.
        services.AddDataProtection().SetApplicationName("Ats").PersistKeysToDbContext<AtsDbContext>();
        services.TryAddSingleton<Webhooks.WebhookSettings>();
        services.AddSingleton<Webhooks.WebhookWake>();
        services.AddSingleton<Webhooks.WebhookService>();
        services.AddSingleton<Webhooks.WebhookDispatcher>();
        services.AddSingleton<DemoSeeder>();
        services.AddSingleton<DatabaseInitializer>();
        return services;
    }

    /// A model's use cases, for the pages, and as the route of its generic updates (REST, socket).
    private static void AddUseCases<TModel, TActions>(this IServiceCollection services)
        where TModel : Common.TenantEntity where TActions : class, IUpdateRoute<TModel>
    {
        services.AddSingleton<TActions>();
        services.AddSingleton<IUpdateRoute<TModel>>(sp => sp.GetRequiredService<TActions>());
    }
}
