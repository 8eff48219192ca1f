using System.Reflection;
using Ats.Domain.Audit;
using Ats.Domain.Data;
using Ats.Domain.Demo;
using Ats.Domain.Identity;
using Ats.Domain.Tokens;
using Ats.Domain.Webhooks;
using Ats.Domain.Writes;
using Ats.Tests.Api;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.Extensions.DependencyInjection;

namespace Ats.Tests.Domain;

/// The write journal below every save: whatever writes through the context is audited once per row, in someone's name.
public sealed class WriteJournalTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public void EveryEntityTypeIsAuditedOrNamedAsBookkeepingWithAReason()
    {
        using var db = api.App.Db();
        var types = db.Model.GetEntityTypes().Where(t => !t.IsOwned()).Select(t => t.ClrType).ToList();

        Assert.All(types, t => Assert.True(AuditedTypes.IsAudited(t) ^ AuditedTypes.Bookkeeping.ContainsKey(t), t.Name));
        Assert.All(AuditedTypes.Bookkeeping.Values, reason => Assert.False(string.IsNullOrWhiteSpace(reason)));
    }

    /// Written around the services on purpose: the journal is below them, so a row changed any way at all is audited.
    [Fact]
    public async Task AnUpdateOfEveryAuditedTypeLeavesExactlyOneAuditEntryForItsRow()
    {
        var admin = await AdminAsync();
        await SeedRowsOutsideTheDemoAsync(admin);
        await using var probe = api.App.Db(admin.TenantId);
        var audited = probe.Model.GetEntityTypes().Select(t => t.ClrType).Where(AuditedTypes.IsAudited).ToList();

        foreach (var type in audited)
        {
            await using var db = api.App.Db(admin.TenantId);
            db.ActAs(admin);
            var row = await FirstAsync(db, type) ?? throw new InvalidOperationException($"No {type.Name} to change");
            var entry = db.Entry(row);
            var id = (Guid)entry.Property("Id").CurrentValue!;
            var before = await EntriesAsync(id);

            Mutate(entry, AuditedTypes.ColumnsOf(type).Where(c => entry.Metadata.FindProperty(c) is not null).ToList());
            await db.SaveChangesAsync();

            Assert.True(before + 1 == await EntriesAsync(id), $"{type.Name}: expected one audit entry");
        }
    }

    [Fact]
    public async Task ASaveWithAuditedChangesAndNoActorThrows()
    {
        var admin = await AdminAsync();
        await using var db = api.App.Services.GetRequiredService<IDbContextFactory<AtsDbContext>>().CreateDbContext();
        var tenant = await db.Tenants.SingleAsync(t => t.Id == admin.TenantId);
        tenant.Address = "Nirgendwo 1";

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());

        Assert.Contains("organisation", error.Message);
        await using var check = api.App.Db();
        Assert.NotEqual("Nirgendwo 1", (await check.Tenants.SingleAsync(t => t.Id == admin.TenantId)).Address);
    }

    [Fact]
    public async Task TheUsersLanguageChangeIsAudited()
    {
        var admin = await AdminAsync();

        await api.App.Services.GetRequiredService<UserAdministration>().SetLanguageAsync(admin, "en-GB");

        await using var db = api.App.Db();
        var entry = await db.AuditEntries.IgnoreQueryFilters().Where(e => e.RecordId == admin.UserId).OrderByDescending(e => e.At).FirstAsync();
        Assert.Equal(("user", AuditAction.Update, admin.UserId), (entry.Model, entry.Action, entry.ActorId));
        Assert.Equal(["language"], entry.ChangedFields);
    }

    private async Task<Actor> AdminAsync()
    {
        await using var db = api.App.Db();
        var user = await db.Users.SingleAsync(u => u.Email == DemoSeeder.AdminEmail);
        return new Actor(user.Id, user.TenantId, Roles.Admin, user.DisplayName, Channel.Ui);
    }

    /// The demo has no token, webhook, delivery or invitation.
    private async Task SeedRowsOutsideTheDemoAsync(Actor admin)
    {
        await using var db = api.App.Db(admin.TenantId);
        if (await db.ApiTokens.AnyAsync()) return;
        var endpoint = new WebhookEndpoint { TenantId = admin.TenantId, Url = "https://example.com/hook", Events = ["*"], Secret = WebhookSignature.NewSecret() };
        db.ApiTokens.Add(new ApiToken { TenantId = admin.TenantId, UserId = admin.UserId!.Value, Name = "journal", Hash = "journal", Prefix = "ats_j" });
        db.WebhookEndpoints.Add(endpoint);
        db.WebhookDeliveries.Add(new WebhookDelivery { TenantId = admin.TenantId, EndpointId = endpoint.Id, EventType = "job.created", Payload = "{}" });
        db.Invitations.Add(new Invitation { TenantId = admin.TenantId, Email = "new@example.com", NormalizedEmail = "NEW@EXAMPLE.COM", Role = Roles.Recruiter, TokenHash = "x" });
        await db.SaveChangesAsync();
    }

    private async Task<int> EntriesAsync(Guid recordId)
    {
        await using var db = api.App.Db();
        return await db.AuditEntries.IgnoreQueryFilters().CountAsync(e => e.RecordId == recordId);
    }

    private static readonly MethodInfo First = typeof(WriteJournalTests).GetMethod(nameof(FirstOfAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    private static Task<object?> FirstAsync(AtsDbContext db, Type type) => (Task<object?>)First.MakeGenericMethod(type).Invoke(null, [db])!;

    private static async Task<object?> FirstOfAsync<T>(AtsDbContext db) where T : class => await db.Set<T>().FirstOrDefaultAsync();

    /// Changes the first audited column it knows how to change.
    private static void Mutate(EntityEntry entry, IReadOnlyList<string> columns)
    {
        foreach (var column in columns)
        {
            var property = entry.Property(column);
            object? next = property.CurrentValue switch
            {
                string text => text + "x",
                int number => number + 1,
                bool flag => !flag,
                null when property.Metadata.ClrType == typeof(DateTime?) => DateTime.UtcNow,
                _ => null,
            };
            if (next is null) continue;
            property.CurrentValue = next;
            return;
        }
        throw new InvalidOperationException($"No column of {entry.Metadata.ClrType.Name} to change");
    }
}
