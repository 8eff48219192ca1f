using Ats.Domain.Candidates;
using Ats.Domain.Demo;
using Ats.Domain.Identity;
using Ats.Domain.Interviews;
using Ats.Domain.Jobs;
using Ats.Domain.Pipeline;
using Ats.Domain.Scorecards;
using Ats.E2E.Pages;
using Ats.E2E.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ats.E2E.Tests;

/// A hiring manager changes a submitted scorecard: only with a reason, and the recruiter sees that it was amended and
/// what it said before.
[Collection(BrowserCollection.Name)]
public sealed class ScorecardAmendmentTests(BrowserFixture browser)
{
    private const string Password = "Passw0rd!demo";

    [Fact]
    public async Task AnAmendedScorecardIsMarkedAndItsEarlierVersionShown()
    {
        var records = browser.App.Records();
        var recruiter = await browser.App.ActorAsync(DemoSeeder.RecruiterEmail, Roles.Recruiter);
        var manager = await browser.App.ActorAsync(DemoSeeder.ManagerEmail, Roles.HiringManager);
        var job = await records.CreateAsync(recruiter, new Job { Title = $"Amend {Guid.NewGuid():N}"[..14], HiringManagerIds = [manager.UserId!.Value] });
        var candidate = await records.CreateAsync(recruiter, new Candidate { FirstName = "Ida", LastName = "Pfeiffer", Email = $"ida-{Guid.NewGuid():N}@example.org" });
        var application = await records.CreateAsync(recruiter, new Application { CandidateId = candidate.Id, JobId = job.Id, Stage = Stage.Interview });
        var interview = await records.CreateAsync(recruiter, new Interview
        {
            ApplicationId = application.Id, Kind = InterviewKind.Video, StartsAt = DateTime.UtcNow.AddHours(-2), DurationMinutes = 45,
            InterviewerIds = [manager.UserId!.Value],
        });
        await new ScorecardActions(records).SaveAsync(manager, application.Id, interview.Id,
            e => (e.Skills, e.Culture, e.Communication, e.Recommendation) = (4, 4, 4, Recommendation.Yes), submit: true);

        var managerPage = await browser.NewPageAsync();
        await new LoginPage(managerPage).SignInAsync(DemoSeeder.ManagerEmail, Password);
        await new AppShell(managerPage).GoToAsync($"/applications/{application.Id}");
        await managerPage.GetByRole(AriaRole.Tab, new() { Name = "Scorecards" }).ClickAsync();
        var form = managerPage.GetByTestId("scorecard-form");
        await form.GetByTestId("scorecard-strong_no").ClickAsync();
        await form.GetByTestId("scorecard-submit").ClickAsync();
        await Expect(form).ToContainTextAsync("Say why you change a submitted scorecard");
        await form.GetByTestId("scorecard-reason").FillAsync("References were poor");
        await form.GetByTestId("scorecard-submit").ClickAsync();
        await Expect(managerPage.GetByTestId("scorecard-amended")).ToBeVisibleAsync();

        var page = await browser.NewPageAsync();
        await new LoginPage(page).SignInAsync(DemoSeeder.RecruiterEmail, Password);
        await new AppShell(page).GoToAsync($"/applications/{application.Id}");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Scorecards" }).ClickAsync();
        await Expect(page.GetByTestId("scorecard-amended-mark")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("scorecard-table")).ToContainTextAsync("Strong no");
        await page.GetByTestId("scorecard-history").ClickAsync();
        var amendment = page.GetByTestId("scorecard-amendment");
        await Expect(amendment).ToContainTextAsync("References were poor");
        await Expect(amendment).ToContainTextAsync("Yes");
    }
}
