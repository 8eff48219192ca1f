using Ats.Domain.Data;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Ats.Domain.Demo;
using Ats.Domain.Identity;
using Ats.Domain.Tokens;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Ats.Tests.Api;

/// Who a token may be: scopes, revocation, expiry, deactivation, tenants and the hiring manager's limits.
public sealed class TokenAccessTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static async Task<(HttpStatusCode, string?)> CallAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, response.IsSuccessStatusCode ? null : JsonNode.Parse(body)!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task APatActsOnlyWithinItsScopesAndNamesTheMissingOne()
    {
        var (_, token) = await api.PatAsync("candidate:read");
        var client = api.Client(token);

        Assert.Equal((HttpStatusCode.OK, null), await CallAsync(client, "/xapi2/data/candidate"));
        var refused = await client.GetAsync("/xapi2/data/job");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("job:read", await refused.Content.ReadAsStringAsync());
        var write = await client.PostAsJsonAsync("/xapi2/data/candidate", new { first_name = "No", email = "no@example.com" });
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
        Assert.Contains("candidate:write", await write.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ARevokedTokenFailsOnTheNextCall()
    {
        var (id, token) = await api.PatAsync("job:read");
        var client = api.Client(token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/xapi2/data/job")).StatusCode);

        var revoke = await api.Client(await api.JwtAsync()).DeleteAsync($"/xapi2/tokens/{id}");
        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);

        Assert.Equal((HttpStatusCode.Unauthorized, "token_revoked"), await CallAsync(client, "/xapi2/data/job"));
    }

    [Fact]
    public async Task AnExpiredTokenIsRefused()
    {
        var (id, token) = await api.PatAsync("job:read");
        await using (var db = api.App.Db())
        {
            var row = await db.ApiTokens.IgnoreQueryFilters().SingleAsync(t => t.Id == id);
            row.ExpiresAt = DateTime.UtcNow.AddSeconds(-1);
            await db.SaveChangesAsync();
        }

        Assert.Equal((HttpStatusCode.Unauthorized, "token_expired"), await CallAsync(api.Client(token), "/xapi2/data/job"));
    }

    [Fact]
    public async Task TokensAreStoredOnlyAsHashesAndListedWithoutTheSecret()
    {
        var (id, token) = await api.PatAsync("job:read");

        await using var db = api.App.Db();
        var row = await db.ApiTokens.IgnoreQueryFilters().SingleAsync(t => t.Id == id);
        Assert.Equal(PatFormat.Hash(token), row.Hash);
        Assert.DoesNotContain(token, await api.Client(await api.JwtAsync()).GetStringAsync("/xapi2/tokens"));
        Assert.Matches("^pat_[0-9A-Za-z]{38}$", token);
    }

    [Fact]
    public async Task ATokenStopsWorkingWhenItsCreatorIsDeactivated()
    {
        var users = api.App.Services.GetRequiredService<UserAdministration>();
        await using var db = api.App.Db();
        var admin = await db.Users.SingleAsync(u => u.Email == DemoSeeder.AdminEmail);
        var adminActor = new Ats.Domain.Writes.Actor(admin.Id, admin.TenantId, Roles.Admin, admin.DisplayName, Ats.Domain.Writes.Channel.Ui);
        var secondAdmin = await users.CreateAsync(adminActor, "second-admin@demo.example", "Second Admin", Roles.Admin, "Passw0rd!second");
        var jwt = await api.JwtAsync("second-admin@demo.example", "Passw0rd!second");
        var created = await api.Client(jwt).PostAsJsonAsync("/xapi2/tokens", new { name = "theirs", scopes = new[] { "job:read" } });
        var token = (await created.Content.ReadFromJsonAsync<JsonObject>())!["token"]!.GetValue<string>();
        Assert.Equal((HttpStatusCode.OK, null), await CallAsync(api.Client(token), "/xapi2/data/job")); // now verified and remembered

        await users.SetActiveAsync(adminActor, secondAdmin, active: false);

        Assert.Equal((HttpStatusCode.Unauthorized, "user_inactive"), await CallAsync(api.Client(token), "/xapi2/data/job"));
        Assert.Equal((HttpStatusCode.Unauthorized, "user_inactive"), await CallAsync(api.Client(jwt), "/xapi2/data/job"));
    }

    [Fact]
    public async Task ATokenActsWithItsCreatorsNewRoleFromTheNextCall()
    {
        var users = api.App.Services.GetRequiredService<UserAdministration>();
        await using var db = api.App.Db();
        var admin = await db.Users.SingleAsync(u => u.Email == DemoSeeder.AdminEmail);
        var adminActor = new Ats.Domain.Writes.Actor(admin.Id, admin.TenantId, Roles.Admin, admin.DisplayName, Ats.Domain.Writes.Channel.Ui);
        var secondAdmin = await users.CreateAsync(adminActor, "demoted@demo.example", "Soon Demoted", Roles.Admin, "Passw0rd!demoted");
        var jwt = await api.JwtAsync("demoted@demo.example", "Passw0rd!demoted");
        var created = await api.Client(jwt).PostAsJsonAsync("/xapi2/tokens", new { name = "theirs", scopes = new[] { "email_template:read" } });
        var client = api.Client((await created.Content.ReadFromJsonAsync<JsonObject>())!["token"]!.GetValue<string>());
        Assert.Equal((HttpStatusCode.OK, null), await CallAsync(client, "/xapi2/data/email_template"));

        await users.SetRoleAsync(adminActor, secondAdmin, Roles.HiringManager);

        var templates = (await client.GetFromJsonAsync<JsonObject>("/xapi2/data/email_template"))!["data"]!.AsArray();
        Assert.Empty(templates); // email templates are recruiting work, not a hiring manager's
    }

    [Fact]
    public async Task AHiringManagersTokenIsLimitedAsTheHiringManagerIs()
    {
        var client = api.Client(await api.JwtAsync(DemoSeeder.ManagerEmail));

        var jobs = (await client.GetFromJsonAsync<JsonObject>("/xapi2/data/job?limit=200"))!["data"]!.AsArray();
        await using var db = api.App.Db();
        var manager = await db.Users.SingleAsync(u => u.Email == DemoSeeder.ManagerEmail);
        db.TenantId = manager.TenantId;
        var teamJobs = (await db.Jobs.ToListAsync()).Where(j => j.HasOnTeam(manager.Id)).Select(j => j.Id.ToString()).Order();
        Assert.Equal(teamJobs, jobs.Select(j => j!["id"]!.GetValue<string>()).Order());

        var write = await client.PostAsJsonAsync("/xapi2/data/candidate", new { first_name = "No", email = "no-hm@example.com" });
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
        var other = (await db.Jobs.ToListAsync()).First(j => !j.HasOnTeam(manager.Id));
        Assert.Equal((HttpStatusCode.NotFound, "not_found"), await CallAsync(client, $"/xapi2/data/job/{other.Id}"));
        Assert.Equal((HttpStatusCode.Forbidden, "admin_only"), await CallAsync(client, "/xapi2/tokens"));
    }

    [Fact]
    public async Task ATokenOfAnotherTenantGets404ForThisTenantsRows()
    {
        await using var db = api.App.Db();
        var candidate = await db.Candidates.IgnoreQueryFilters().FirstAsync();
        var other = new Ats.Domain.Tenancy.Tenant { Name = "Andere AG", CreatedAt = DateTime.UtcNow };
        db.Tenants.Add(other);
        await db.SaveChangesAsync();
        await using (var scope = api.App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            scope.ServiceProvider.GetRequiredService<AtsDbContext>().SystemWrite("test fixture");
            var outsider = new AppUser { TenantId = other.Id, Email = "admin@andere.example", UserName = "admin@andere.example", DisplayName = "Outsider", IsActive = true };
            Assert.True((await users.CreateAsync(outsider, "Passw0rd!other")).Succeeded);
            Assert.True((await users.AddToRoleAsync(outsider, Roles.Admin)).Succeeded);
        }
        var client = api.Client(await api.JwtAsync("admin@andere.example", "Passw0rd!other"));

        Assert.Equal((HttpStatusCode.NotFound, "not_found"), await CallAsync(client, $"/xapi2/data/candidate/{candidate.Id}"));
        Assert.Empty((await client.GetFromJsonAsync<JsonObject>("/xapi2/data/candidate"))!["data"]!.AsArray());
        var patch = await client.PatchAsJsonAsync($"/xapi2/data/candidate/{candidate.Id}", new { city = "Hijacked" });
        Assert.Equal(HttpStatusCode.NotFound, patch.StatusCode);
        Assert.NotEqual("Hijacked", (await db.Candidates.IgnoreQueryFilters().AsNoTracking().SingleAsync(c => c.Id == candidate.Id)).City);
    }

    [Fact]
    public async Task TokenManagementIsForSignedInAdminsNotForTokens()
    {
        var (_, token) = await api.PatAsync(ApiFixture.AllScopes);

        Assert.Equal((HttpStatusCode.Forbidden, "sign_in_required"), await CallAsync(api.Client(token), "/xapi2/tokens"));
    }
}
