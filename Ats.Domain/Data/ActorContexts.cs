using Ats.Domain.Writes;
using Microsoft.EntityFrameworkCore;

namespace Ats.Domain.Data;

public static class ActorContexts
{
    /// A context for the actor's tenant that writes in their name, once their user is known to be still active in
    /// that role; disposed again when they are not.
    public static async Task<AtsDbContext> OpenAsync(this IDbContextFactory<AtsDbContext> factory, Actor actor, CancellationToken ct)
    {
        var db = await factory.CreateDbContextAsync(ct);
        try
        {
            return await db.ActAsAsync(actor, ct);
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
    }
}
