using Ats.Domain.Candidates;
using Ats.Domain.Demo;
using Ats.Domain.Identity;
using Ats.Domain.Interviews;
using Ats.Domain.Jobs;
using Ats.Domain.Pipeline;
using Ats.Domain.Scorecards;
using Ats.Domain.Tenancy;
using Ats.E2E.Pages;
using Ats.E2E.Support;
using Ats.Tests.Support;
using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ats.E2E.Tests;

/// The pages the hardening added (passwords, invitations, two-factor sign-in, the long-lived token dialog, template limits, scorecard amendments),
/// walked in one browser session: no serious or critical axe finding and nothing refused by the Content-Security-Policy.
[Collection(BrowserCollection.Name)]
public sealed class AccountAccessibilityTests(BrowserFixture browser)
{
    private const string Password = "Passw0rd!e2e-a11y";

    /// An admin of the demo organisation with two-factor sign-in already on; returns their email and authenticator key.
    private async Task<(string Email, string Key)> AdminWithTwoFactorAsync()
    {
        var email = $"a11y-{Guid.NewGuid():N}"[..17] + "@demo.example";
        var admin = await browser.App.ActorAsync(DemoSeeder.AdminEmail, Roles.Admin);
        await browser.App.Services.GetRequiredService<UserAdministration>().CreateAsync(admin, email, "Alma Barrierefrei", Roles.Admin, Password);
        await using var scope = browser.App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        await users.ResetAuthenticatorKeyAsync(user);
        await users.SetTwoFactorEnabledAsync(user, true);
        return (email, (await users.GetAuthenticatorKeyAsync(user))!);
    }

    /// A pending invitation to the demo organisation; returns its accept link.
    private async Task<string> InvitationLinkAsync()
    {
        var admin = await browser.App.ActorAsync(DemoSeeder.AdminEmail, Roles.Admin);
        string? link = null;
        await browser.App.Services.GetRequiredService<UserAdministration>().InviteAsync(admin, $"a11y-{Guid.NewGuid():N}"[..17] + "@demo.example",
            "Ida Eingeladen", Roles.Recruiter, token => link = $"/account/accept-invitation?token={Uri.EscapeDataString(token)}");
        return link!;
    }

    /// An application whose one scorecard was submitted and then amended with a reason.
    internal static async Task<Guid> ApplicationWithAmendedScorecardAsync(KestrelAppFactory app)
    {
        var records = app.Records();
        var recruiter = await app.ActorAsync(DemoSeeder.RecruiterEmail, Roles.Recruiter);
        var manager = await app.ActorAsync(DemoSeeder.ManagerEmail, Roles.HiringManager);
        var job = await records.CreateAsync(recruiter, new Job { Title = $"A11y {Guid.NewGuid():N}"[..13], HiringManagerIds = [manager.UserId!.Value] });
        var candidate = await records.CreateAsync(recruiter, new Candidate { FirstName = "Emmy", LastName = "Noether", Email = $"emmy-{Guid.NewGuid():N}@example.org" });
        var application = await records.CreateAsync(recruiter, new Application { CandidateId = candidate.Id, JobId = job.Id, Stage = Stage.Interview });
        var interview = await records.CreateAsync(recruiter, new Interview
        {
            ApplicationId = application.Id, Kind = InterviewKind.Video, StartsAt = DateTime.UtcNow.AddHours(-2), DurationMinutes = 45,
            InterviewerIds = [manager.UserId!.Value],
        });
        await new ScorecardActions(records).SaveAsync(manager, application.Id, interview.Id,
            e => (e.Skills, e.Culture, e.Communication, e.Recommendation) = (4, 4, 4, Recommendation.Yes), submit: true);
        await new ScorecardActions(records).SaveAsync(manager, application.Id, interview.Id,
            e => (e.Recommendation, e.AmendmentReason) = (Recommendation.No, "References were poor"), submit: true);
        return application.Id;
    }

    private async Task AssertAccessibleAsync(IPage page, List<string> findings)
    {
        var results = await page.RunAxe();
        findings.AddRange(results.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{new Uri(page.Url).PathAndQuery} {v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Take(3).Select(n => n.Html))})"));
    }

    [Fact]
    public async Task TheNewAccountPagesHaveNoSeriousAccessibilityViolationsAndRunUnderThePolicy()
    {
        var (email, key) = await AdminWithTwoFactorAsync();
        var applicationId = await ApplicationWithAmendedScorecardAsync(browser.App);
        var findings = new List<string>();
        var page = await browser.NewPageAsync();

        await page.GotoAsync("/account/reset-password?user=00000000-0000-0000-0000-000000000000&token=expired");
        await Expect(page.GetByTestId("reset-invalid")).ToBeVisibleAsync();
        await AssertAccessibleAsync(page, findings);

        // The accept page, dead and alive; the invitation also shows on the Users page below.
        await page.GotoAsync("/account/accept-invitation?token=expired");
        await Expect(page.GetByTestId("invitation-invalid")).ToBeVisibleAsync();
        await AssertAccessibleAsync(page, findings);
        await page.GotoAsync(await InvitationLinkAsync());
        await Expect(page.Locator("#display-name")).ToBeVisibleAsync();
        await AssertAccessibleAsync(page, findings);

        await page.GotoAsync("/account/login");
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync(Password);
        await page.Locator("button[type=submit]").ClickAsync();
        await page.WaitForURLAsync("**/account/login-code**");
        await AssertAccessibleAsync(page, findings);
        await page.Locator("#code").FillAsync(Totp.Code(key, DateTimeOffset.UtcNow));
        await page.Locator("button[type=submit]").ClickAsync();
        await AppShell.WaitForCircuitAsync(page);

        // Switched off here, the page shows the set-up with its QR code.
        await page.GotoAsync("/account/two-factor");
        await AssertAccessibleAsync(page, findings);
        await page.Locator("#recovery-proof").FillAsync(Password); // new recovery codes, shown once
        await page.GetByTestId("two-factor-new-codes").ClickAsync();
        await Expect(page.GetByTestId("recovery-codes").Locator("code")).ToHaveCountAsync(10);
        await AssertAccessibleAsync(page, findings);
        await page.GotoAsync("/account/two-factor");
        await page.Locator("#proof").FillAsync(Password); // switching off needs the password or a code
        await page.GetByTestId("two-factor-disable").ClickAsync();
        await Expect(page.GetByTestId("two-factor-key")).ToBeVisibleAsync();
        await Expect(page.Locator(".two-factor-qr svg")).ToBeVisibleAsync();
        await AssertAccessibleAsync(page, findings);

        await page.GotoAsync("/account/password");
        await AssertAccessibleAsync(page, findings);

        await new AppShell(page).GoToAsync("/settings");
        await Expect(page.GetByTestId("settings-require-two-factor")).ToBeVisibleAsync();
        await AssertAccessibleAsync(page, findings);

        await new AppShell(page).GoToAsync("/users");
        await Expect(page.GetByTestId("user-reset-link").First).ToBeVisibleAsync();
        await Expect(page.GetByTestId("invitation-resend").First).ToBeVisibleAsync();
        await AssertAccessibleAsync(page, findings);

        await new AppShell(page).GoToAsync("/integrations");
        await page.GetByTestId("token-new").ClickAsync();
        await page.GetByTestId("token-name").FillAsync("Accessibility");
        await page.GetByTestId("job:read").ClickAsync();
        await page.GetByTestId("token-lifetime").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "never (not recommended)" }).ClickAsync();
        await Expect(page.GetByTestId("token-password")).ToBeVisibleAsync();
        await AssertAccessibleAsync(page, findings);
        await page.GetByTestId("token-password").FillAsync(Password);
        await page.GetByTestId("token-create").PressAsync("Enter");
        await page.GetByTestId("token-done").ClickAsync();
        await Expect(page.GetByTestId("token-table").Locator("tbody tr", new() { HasText = "Accessibility" })).ToContainTextAsync("never");
        await AssertAccessibleAsync(page, findings); // with a token in the table: its chips and buttons

        await new AppShell(page).GoToAsync("/templates/new");
        await page.GetByTestId("template-subject").FillAsync("Hello");
        await page.GetByTestId("template-body").FillAsync("{% for i in (1..100000) %}{% for j in (1..100000) %}x{% endfor %}{% endfor %}");
        await Expect(page.GetByTestId("preview-problem")).ToContainTextAsync("steps");
        await AssertAccessibleAsync(page, findings); // the template-limit warning in the preview

        await new AppShell(page).GoToAsync($"/applications/{applicationId}");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Scorecards" }).ClickAsync();
        await Expect(page.GetByTestId("scorecard-history")).ToContainTextAsync("(1 change)"); // not "1 changes"
        await page.GetByTestId("scorecard-history").ClickAsync();
        await Expect(page.GetByTestId("scorecard-amendment")).ToContainTextAsync("References were poor");
        await AssertAccessibleAsync(page, findings);

        Assert.True(findings.Count == 0, string.Join("\n", findings));
        Assert.Empty(browser.CspViolations(page));
    }
}
