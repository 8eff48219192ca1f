using Ats.Domain.Data;
using Ats.Domain.Identity;
using Ats.Domain.Writes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ats.E2E.Support;

/// Demo users as the domain sees them, so a test can prepare data through the same write path the app uses.
public static class DemoActors
{
    public static async Task<Actor> ActorAsync(this KestrelAppFactory app, string email, string role)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AtsDbContext>>().CreateDbContextAsync();
        var user = await db.Users.SingleAsync(u => u.Email == email);
        return new Actor(user.Id, user.TenantId, role, user.DisplayName, Channel.Ui);
    }

    public static RecordService Records(this KestrelAppFactory app) => app.Services.GetRequiredService<RecordService>();
}
