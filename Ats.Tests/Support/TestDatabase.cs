using Ats.Domain;
using Ats.Domain.Data;
using Ats.Domain.Identity;
using Ats.Domain.Tenancy;
using Ats.Domain.Writes;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ats.Tests.Support;

/// A real, migrated SQLite file with two tenants ("A" and "B") and a user of each role in tenant A.
/// <paramref name="configure"/> registers services before the domain's own (a clock, settings).
public sealed class TestDatabase(Action<IServiceCollection>? configure = null) : IAsyncLifetime
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"ats-test-{Guid.NewGuid():N}.db");
    public ServiceProvider Services { get; private set; } = default!;
    public RecordService Records => Services.GetRequiredService<RecordService>();
    public ChangeFeed Feed => Services.GetRequiredService<ChangeFeed>();

    public Tenant TenantA { get; } = new() { Name = "Tenant A" };
    public Tenant TenantB { get; } = new() { Name = "Tenant B" };
    public AppUser AdminA { get; } = User("admin@a.example", "Alice Admin");
    public AppUser RecruiterA { get; } = User("recruiter@a.example", "Rolf Recruiter");
    public AppUser ManagerA { get; } = User("manager@a.example", "Mia Manager");
    public AppUser RecruiterB { get; } = User("recruiter@b.example", "Bob Recruiter");

    public Actor Admin => ActorOf(AdminA, Roles.Admin);
    public Actor Recruiter => ActorOf(RecruiterA, Roles.Recruiter);
    public Actor Manager => ActorOf(ManagerA, Roles.HiringManager);
    public Actor OtherTenant => ActorOf(RecruiterB, Roles.Recruiter);

    public static ServiceProvider BuildServices(string connectionString, Action<IServiceCollection>? configure = null)
    {
        var services = new ServiceCollection().AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        configure?.Invoke(services);
        services.AddAtsDomain(connectionString);
        services.AddIdentityCore<AppUser>(PasswordPolicy.Apply)
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<AtsDbContext>();
        return services.BuildServiceProvider();
    }

    public async Task InitializeAsync()
    {
        Services = BuildServices($"Data Source={Path}", configure);
        await Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(seedDemoData: false);
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AtsDbContext>().SystemWrite("test fixture");
        db.Tenants.AddRange(TenantA, TenantB);
        await db.SaveChangesAsync();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        foreach (var (user, tenant, role) in new[]
                 {
                     (AdminA, TenantA, Roles.Admin), (RecruiterA, TenantA, Roles.Recruiter),
                     (ManagerA, TenantA, Roles.HiringManager), (RecruiterB, TenantB, Roles.Recruiter),
                 })
        {
            user.TenantId = tenant.Id;
            Check(await users.CreateAsync(user, "Passw0rd!test"));
            Check(await users.AddToRoleAsync(user, role));
        }
    }

    public async Task DisposeAsync()
    {
        await Services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { Path, Path + "-wal", Path + "-shm" }) File.Delete(file);
    }

    /// A context for looking at what was really written, across all tenants; what a test writes through it is fixture, not audited.
    public AtsDbContext Raw() => Services.GetRequiredService<IDbContextFactory<AtsDbContext>>().CreateDbContext().SystemWrite("test fixture");

    private static AppUser User(string email, string name) => new() { Email = email, UserName = email, DisplayName = name };

    private static Actor ActorOf(AppUser user, string role) => new(user.Id, user.TenantId, role, user.DisplayName, Channel.Ui);

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
    }
}
