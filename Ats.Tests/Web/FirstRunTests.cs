using Microsoft.Extensions.DependencyInjection;
using System.Net;
using Ats.Domain.Identity;
using Ats.Tests.Support;

namespace Ats.Tests.Web;

/// Outside the demo, the first visitor creates the organisation and its admin account, exactly once.
public sealed class FirstRunTests : IAsyncLifetime
{
    private readonly string _path = AppFactory.NewDatabasePath();
    private AppFactory _app = default!;

    public Task InitializeAsync()
    {
        _app = new AppFactory(_path, seedDemoData: false);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        AppFactory.DeleteDatabase(_path);
    }

    [Fact]
    public async Task TheFirstVisitCreatesTheOrganisationAndSignsItsAdminIn()
    {
        var browser = _app.Browser();

        var first = await browser.GetAsync("/");
        Assert.Equal("/setup", AppFactory.RedirectPath(first));

        var form = await browser.GetStringAsync("/setup");
        var created = await browser.PostAsync("/setup", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "setup",
            ["__RequestVerificationToken"] = AppFactory.AntiforgeryToken(form),
            ["Input.Organisation"] = "Beispiel AG",
            ["Input.DisplayName"] = "Erika Muster",
            ["Input.Email"] = "erika@beispiel.example",
            ["Input.Password"] = "Ein-sicheres-Passwort-1",
        }));
        Assert.Equal("/", AppFactory.RedirectPath(created));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/users")).StatusCode);

        await using var db = _app.Db();
        var tenant = await db.Tenants.SingleAsync();
        Assert.Equal("Beispiel AG", tenant.Name);
        var admin = await db.Users.SingleAsync();
        Assert.Equal(tenant.Id, admin.TenantId);
        Assert.True(await db.UserRoles.AnyAsync(ur => ur.UserId == admin.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Admin)));
        Assert.Equal(1, await db.AuditEntries.IgnoreQueryFilters().CountAsync());
    }

    [Fact]
    public async Task SetupIsClosedOnceAnOrganisationExists()
    {
        await _app.Services.GetRequiredService<Ats.Domain.Tenancy.OrganisationSetup>()
            .CreateAsync("Erste GmbH", "Erste Admin", "first@example.com", "Passw0rd!first");
        var browser = _app.Browser();

        Assert.Equal("/account/login", AppFactory.RedirectPath(await browser.GetAsync("/setup")));
        await Assert.ThrowsAsync<Ats.Domain.Writes.ForbiddenException>(() => _app.Services.GetRequiredService<Ats.Domain.Tenancy.OrganisationSetup>()
            .CreateAsync("Zweite GmbH", "Zweite Admin", "second@example.com", "Passw0rd!second"));
    }
}
