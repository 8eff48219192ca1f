using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Ats.Domain.Data;

/// Contexts come from a pool (building one from scratch costs more than the average query), and a pooled context
/// must never carry the previous user's tenant: every context handed out starts with no tenant, so it sees nothing
/// until the caller sets one.
internal sealed class TenantResettingFactory(PooledDbContextFactory<AtsDbContext> pool) : IDbContextFactory<AtsDbContext>
{
    public AtsDbContext CreateDbContext()
    {
        var db = pool.CreateDbContext();
        db.TenantId = null;
        return db;
    }

    public async Task<AtsDbContext> CreateDbContextAsync(CancellationToken ct = default)
    {
        var db = await pool.CreateDbContextAsync(ct);
        db.TenantId = null;
        return db;
    }
}
