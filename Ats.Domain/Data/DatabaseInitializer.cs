using Ats.Domain.Demo;
using Ats.Domain.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Ats.Domain.Data;

/// Runs at start-up: creates and migrates the database, makes sure the roles exist and, when asked, seeds the demo.
public sealed class DatabaseInitializer(IDbContextFactory<AtsDbContext> dbFactory, DemoSeeder demo, ILogger<DatabaseInitializer> logger)
{
    public async Task InitializeAsync(bool seedDemoData, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (db.Database.IsSqlite()) PrepareSqliteFile(db.Database.GetConnectionString());
        await db.Database.MigrateAsync(ct);
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct); // readers never wait for the writer
            // Statistics let the planner pick the filter's index over the sort order's (a 50x difference on large lists):
            // a full ANALYZE the first time, then SQLite's own judgement of what changed enough.
            var analyzed = await db.Database.SqlQueryRaw<int>("SELECT count(*) AS Value FROM sqlite_master WHERE name = 'sqlite_stat1'").SingleAsync(ct) > 0;
            await db.Database.ExecuteSqlRawAsync(analyzed ? "PRAGMA optimize;" : "ANALYZE;", ct);
        }

        foreach (var role in Roles.All.Where(r => !db.Roles.Any(x => x.Name == r)))
            db.Roles.Add(new IdentityRole<Guid>(role) { Id = Guid.CreateVersion7(), NormalizedName = role.ToUpperInvariant() });
        await db.SaveChangesAsync(ct);

        if (seedDemoData && await demo.SeedIfEmptyAsync(ct))
            logger.LogInformation("Seeded the demo organisation {Tenant}", DemoSeeder.TenantName);
    }

    private static void PrepareSqliteFile(string? connectionString)
    {
        var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
        var folder = Path.GetDirectoryName(Path.GetFullPath(file));
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
    }
}
