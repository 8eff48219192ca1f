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

// The board benchmark (issue 4) runs on its own: Ats.Benchmarks board <sqlite-file>.
if (args is ["board", var boardDatabase]) return await Ats.Benchmarks.BoardBenchmark.RunAsync(boardDatabase);
// The live-events benchmark (issue 7) against a running app: tools/bench-live.sh starts one and runs it.
if (args is ["live", var liveUrl, var serverPid, .. var rest])
    return await Ats.Benchmarks.LiveBenchmark.RunAsync(liveUrl, int.Parse(serverPid),
        rest.Length > 0 ? int.Parse(rest[0]) : 500, rest.Length > 1 ? int.Parse(rest[1]) : 100, rest.Length > 2 ? int.Parse(rest[2]) : 30);

// Prepares the API benchmark: the demo organisation plus 100,000 candidates and 200,000 applications in a SQLite
// file, an access token with every scope, and ids for the PATCH scenario. tools/bench.sh runs the load.
if (args.Length != 2)
{
    Console.Error.WriteLine("usage: Ats.Benchmarks <sqlite-file> <output-folder> | Ats.Benchmarks board <sqlite-file>");
    return 2;
}
var (database, output) = (args[0], args[1]);
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

const int Candidates = 100_000, ApplicationsPerCandidate = 2, Batch = 5_000;
var random = new Random(1);
var started = DateTime.UtcNow;
var now = DateTime.UtcNow;
var stages = Enum.GetValues<Stage>();
var patchIds = new List<Guid>();
for (var first = 0; first < Candidates; first += Batch)
{
    await using var db = await factory.CreateDbContextAsync();
    db.TenantId = tenantId;
    db.ChangeTracker.AutoDetectChangesEnabled = false;
    for (var i = first; i < first + Batch; i++)
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
            if (patchIds.Count < 1_000 && random.Next(100) == 0) patchIds.Add(application.Id);
        }
    }
    await db.SaveChangesAsync();
}
Console.WriteLine($"Seeded {Candidates:N0} candidates and {Candidates * ApplicationsPerCandidate:N0} applications in {(DateTime.UtcNow - started).TotalSeconds:N0} s.");

var actor = new Actor(adminId, tenantId, Roles.Admin, "Benchmark", Channel.Ui);
var token = await provider.GetRequiredService<TokenService>().CreateAsync(actor, "benchmark", TokenService.AllScopes, null);
await File.WriteAllTextAsync(Path.Combine(output, "token"), token.Token);
await File.WriteAllLinesAsync(Path.Combine(output, "application-ids"), patchIds.Select(id => id.ToString()));
await File.WriteAllTextAsync(Path.Combine(output, "job-id"), jobIds[0].ToString());
return 0;

// Valid, not necessarily spread evenly: the benchmark never reorders cards.
static string RandomRank(Random random)
{
    var rank = "i" + random.Next(1, 35_000_000).ToString("x");
    return rank.EndsWith('0') ? rank + "1" : rank;
}
