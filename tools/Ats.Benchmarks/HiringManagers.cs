using Ats.Domain.Data;
using Ats.Domain.Identity;
using Ats.Domain.Jobs;
using Ats.Domain.Writes;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Ats.Benchmarks;

/// Many hiring managers in the tenant, each on three of twenty jobs (and some on the measured job), so that every
/// write has to work out which of them may still read the row.
public static class HiringManagers
{
    private const int Jobs = 20, JobsEach = 3;

    public static async Task SeedAsync(AtsDbContext db, RecordService records, Actor recruiter, Guid measuredJob, int count)
    {
        if (count == 0) return;
        var roleId = await db.Roles.Where(r => r.Name == Roles.HiringManager).Select(r => r.Id).SingleAsync();
        var now = DateTime.UtcNow;
        var managers = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            var email = $"manager{i}@bench.example";
            var user = new AppUser
            {
                TenantId = recruiter.TenantId, Email = email, UserName = email, NormalizedEmail = email.ToUpperInvariant(),
                NormalizedUserName = email.ToUpperInvariant(), EmailConfirmed = true, SecurityStamp = Guid.NewGuid().ToString("N"),
                ConcurrencyStamp = Guid.NewGuid().ToString(), DisplayName = $"Manager {i}", CreatedAt = now,
            };
            db.Users.Add(user);
            db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = user.Id, RoleId = roleId });
            managers.Add(user.Id);
        }
        await db.SaveChangesAsync();

        var jobs = new List<Guid> { measuredJob };
        for (var j = 1; j < Jobs; j++) jobs.Add((await records.CreateAsync(recruiter, new Job { Title = $"Bench job {j}" })).Id);
        var random = new Random(7);
        var teams = jobs.ToDictionary(j => j, _ => new List<Guid>());
        foreach (var manager in managers)
            foreach (var job in jobs.OrderBy(_ => random.Next()).Take(JobsEach)) teams[job].Add(manager);
        foreach (var (jobId, team) in teams)
        {
            var job = (await records.FindAsync<Job>(recruiter, jobId))!;
            await records.UpdateAsync<Job>(recruiter, jobId, job.Version, j => j.HiringManagerIds = [.. j.HiringManagerIds, .. team]);
        }
    }
}
