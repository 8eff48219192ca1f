using Ats.Domain.Data;
using Ats.Domain.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Ats.Domain.Demo;

// Placeholder until the real seeder lands from /tmp/seedwork.
public sealed class DemoSeeder(IDbContextFactory<AtsDbContext> dbFactory, IPasswordHasher<AppUser> passwordHasher, TimeProvider clock)
{
    public const string TenantName = "Muster GmbH";
    public const string Password = "Passw0rd!demo";
    public const string AdminEmail = "admin@demo.example";
    public const string RecruiterEmail = "recruiter@demo.example";
    public const string ManagerEmail = "manager@demo.example";

    public Task<bool> SeedIfEmptyAsync(CancellationToken ct = default) => Task.FromResult(dbFactory is null && passwordHasher is null && clock is null);
}
