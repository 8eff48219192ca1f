using Microsoft.Extensions.DependencyInjection;
using System.Net;
using Ats.Domain.Identity;
using Ats.Tests.Support;

namespace Ats.Tests.Web;

/// Outside the demo, the first visitor creates the organisation and its admin account, exactly once.
public sealed class FirstRunTests() : HostTest(seedDemoData: false)
{
    [Fact]
    public async Task TheFirstVisitCreatesTheOrganisationAndSignsItsAdminIn()
    {
        var browser = App.Browser();

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

        await using var db = App.Db();
        var tenant = await db.Tenants.SingleAsync();
        Assert.Equal("Beispiel AG", tenant.Name);
        var admin = await db.Users.SingleAsync();
        Assert.Equal(tenant.Id, admin.TenantId);
        Assert.True(await db.UserRoles.AnyAsync(ur => ur.UserId == admin.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Admin)));
        // The organisation's creation is audited too since every save goes through the write journal (issue 14).
        var audited = await db.AuditEntries.IgnoreQueryFilters().OrderBy(e => e.Model).Select(e => new { e.Model, e.Action, e.ActorId }).ToListAsync();
        Assert.Equal([("organisation", "Create"), ("user", "Create")], audited.Select(e => (e.Model, e.Action.ToString())));
        Assert.All(audited, e => Assert.Equal(admin.Id, e.ActorId));
    }

    [Fact]
    public async Task SetupIsClosedOnceAnOrganisationExists()
    {
        await App.Services.GetRequiredService<Ats.Domain.Tenancy.OrganisationSetup>()
            .CreateAsync("Erste GmbH", "Erste Admin", "first@example.com", "Passw0rd!first");
        var browser = App.Browser();

        Assert.Equal("/account/login", AppFactory.RedirectPath(await browser.GetAsync("/setup")));
        await Assert.ThrowsAsync<Ats.Domain.Writes.ForbiddenException>(() => App.Services.GetRequiredService<Ats.Domain.Tenancy.OrganisationSetup>()
            .CreateAsync("Zweite GmbH", "Zweite Admin", "second@example.com", "Passw0rd!second"));
    }
}
