using Ats.Domain;
using Ats.Domain.Candidates;
using Ats.Domain.Data;
using Ats.Domain.Demo;
using Ats.Domain.Identity;
using Ats.Domain.Pipeline;
using Ats.Domain.Tokens;
using Ats.Domain.Writes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ats.Benchmarks;

/// Prepares the API benchmark (issue 3): the demo organisation plus candidates with two applications each in a SQLite
/// file, an access token with every scope, ids for the PATCH scenario, and the scenarios' paths (file "scenarios",
/// "name path" per line), which tools/bench.sh runs with wrk and a test runs with a few requests each.
public static class RestSeed
{
    private const int ApplicationsPerCandidate = 2, Batch = 5_000;

    /// The read scenarios, each a GET with the bearer token; "patch" writes the applications in "application-ids".
    public static IReadOnlyList<(string Name, string Path)> Scenarios(Guid jobId) =>
    [
        ("list", "/xapi2/data/application?limit=50&sort=-created_at"),
        ("filtered", $"/xapi2/data/application?job_id={jobId}&stage=review&limit=50"),
        ("search", "/xapi2/data/candidate?q=bench4242&limit=50"),
    ];

    public static async Task RunAsync(string database, string output, int candidates)
    {
        Directory.CreateDirectory(output);
        var services = new ServiceCollection().AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddAtsDomain($"Data Source={database}");
        services.AddIdentityCore<AppUser>(PasswordPolicy.Apply).AddRoles<Microsoft.AspNetCore.Identity.IdentityRole<Guid>>().AddEntityFrameworkStores<AtsDbContext>();
        await using var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<DatabaseInitializer>().InitializeAsync(seedDemoData: true);
        var factory = provider.GetRequiredService<IDbContextFactory<AtsDbContext>>();
        Guid tenantId, adminId;
        List<Guid> jobIds;
        await using (var db = await factory.CreateDbContextAsync())
        {
            var admin = await db.Users.SingleAsync(u => u.Email == DemoSeeder.AdminEmail);
            (tenantId, adminId) = (admin.TenantId, admin.Id);
            db.TenantId = tenantId;
            jobIds = await db.Jobs.Select(j => j.Id).ToListAsync();
        }

        var random = new Random(1);
        var started = DateTime.UtcNow;
        var now = DateTime.UtcNow;
        var stages = Enum.GetValues<Stage>();
        var patchIds = new List<Guid>();
        for (var first = 0; first < candidates; first += Batch)
        {
            await using var db = await factory.CreateDbContextAsync();
            db.SystemWrite("benchmark seed"); // bulk sample data, like the demo seed
            db.TenantId = tenantId;
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = first; i < Math.Min(first + Batch, candidates); i++)
            {
                var created = now.AddMinutes(-random.Next(0, 500_000));
                var candidate = new Candidate
                {
                    TenantId = tenantId, FirstName = $"Bench{i}", LastName = $"Kandidat{i % 997}", Email = $"bench{i}@example.com",
                    City = i % 3 == 0 ? "Berlin" : "Hamburg", CreatedAt = created, UpdatedAt = created, Version = 1,
                };
                candidate.RefreshDerivedFields();
                db.Candidates.Add(candidate);
                // Two jobs per candidate, distinct.
                var firstJob = random.Next(jobIds.Count);
                for (var a = 0; a < ApplicationsPerCandidate; a++)
                {
                    var application = new Application
                    {
                        TenantId = tenantId, CandidateId = candidate.Id, JobId = jobIds[(firstJob + a) % jobIds.Count],
                        Stage = stages[random.Next(stages.Length)], KanbanPosition = RandomRank(random),
                        StageChangedAt = created, CreatedAt = created, UpdatedAt = created, Version = 1,
                    };
                    db.Applications.Add(application);
                    if (patchIds.Count < 1_000 && (random.Next(100) == 0 || patchIds.Count == 0)) patchIds.Add(application.Id);
                }
            }
            await db.SaveChangesAsync();
        }
        Console.WriteLine($"Seeded {candidates:N0} candidates and {candidates * ApplicationsPerCandidate:N0} applications in {(DateTime.UtcNow - started).TotalSeconds:N0} s.");

        var actor = new Actor(adminId, tenantId, Roles.Admin, "Benchmark", Channel.Ui);
        var token = await provider.GetRequiredService<TokenService>().CreateAsync(actor, "benchmark", TokenService.AllScopes, null);
        await File.WriteAllTextAsync(Path.Combine(output, "token"), token.Token);
        await File.WriteAllLinesAsync(Path.Combine(output, "application-ids"), patchIds.Select(id => id.ToString()));
        await File.WriteAllTextAsync(Path.Combine(output, "job-id"), jobIds[0].ToString());
        await File.WriteAllLinesAsync(Path.Combine(output, "scenarios"), Scenarios(jobIds[0]).Select(s => $"{s.Name} {s.Path}"));
    }

    /// Valid, not necessarily spread evenly: the benchmark never reorders cards.
    private static string RandomRank(Random random)
    {
        var rank = "i" + random.Next(1, 35_000_000).ToString("x");
        return rank.EndsWith('0') ? rank + "1" : rank;
    }
}
