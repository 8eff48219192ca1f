using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Ats.Domain.Data;

/// Lets `dotnet ef migrations add` build the context without starting the web host.
internal sealed class DesignTimeContextFactory : IDesignTimeDbContextFactory<AtsDbContext>
{
    public AtsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<AtsDbContext>().UseSqlite(DomainServices.DefaultConnectionString).Options);
}
