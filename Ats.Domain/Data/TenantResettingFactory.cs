using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Ats.Domain.Data;

/// Contexts come from a pool (building one from scratch costs more than the average query), and a pooled context
/// must never carry the previous user's tenant: every context handed out starts with no tenant, so it sees nothing
/// until the caller sets one, and no actor, so it writes nothing until the caller says who writes.
internal sealed class TenantResettingFactory(PooledDbContextFactory<AtsDbContext> pool, WriteJournal journal) : IDbContextFactory<AtsDbContext>
{
    public AtsDbContext CreateDbContext()
    {
        var db = pool.CreateDbContext();
        db.ResetWrites();
        db.Journal = journal;
        return db;
    }

    public async Task<AtsDbContext> CreateDbContextAsync(CancellationToken ct = default)
    {
        var db = await pool.CreateDbContextAsync(ct);
        db.ResetWrites();
        db.Journal = journal;
        return db;
    }
}
