using Ats.Domain.Candidates;
using Ats.Domain.Data;
using Ats.Domain.Demo;
using Ats.Domain.Identity;
using Ats.Domain.Jobs;
using Ats.Domain.Pipeline;
using Ats.Domain.Writes;
using Ats.E2E.Pages;
using Ats.E2E.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ats.E2E.Tests;

/// From the interview column to the offer: the recruiter schedules from the board, the hiring manager scores, the
/// recruiter makes the offer and downloads its letter.
[Collection(BrowserCollection.Name)]
public sealed class InterviewToOfferTests(BrowserFixture browser)
{
    private const string Password = "Passw0rd!demo";
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    private async Task<(RecordService Records, Actor Recruiter, Guid ManagerId)> ActorsAsync() =>
        (browser.App.Records(), await browser.App.ActorAsync(DemoSeeder.RecruiterEmail, Roles.Recruiter),
         (await browser.App.ActorAsync(DemoSeeder.ManagerEmail, Roles.HiringManager)).UserId!.Value);

    private async Task<IPage> SignInAsync(string email)
    {
        var page = await browser.NewPageAsync();
        await new LoginPage(page).SignInAsync(email, Password);
        return page;
    }

    [Fact]
    public async Task ARecruiterSchedulesFromTheBoardTheHiringManagerScoresAndTheOfferLetterDownloads()
    {
        var (records, recruiter, managerId) = await ActorsAsync();
        var job = await records.CreateAsync(recruiter, new Job { Title = $"Flow {Guid.NewGuid():N}"[..13], HiringManagerIds = [managerId] });
        var name = $"Zoë{Guid.NewGuid():N}"[..9];
        var candidate = await records.CreateAsync(recruiter, new Candidate { FirstName = name, LastName = "Jäger", Email = $"{name.ToLowerInvariant()}@example.org" });
        var application = await records.CreateAsync(recruiter, new Application { CandidateId = candidate.Id, JobId = job.Id, Stage = Stage.Interview });

        // The recruiter schedules an interview that began two hours ago, from the card on the board.
        var page = await SignInAsync(DemoSeeder.RecruiterEmail);
        var board = new BoardPage(page);
        await board.OpenAsync(job.Id);
        await board.Card(name).GetByTestId("card-name").ClickAsync();
        await page.GetByTestId("application-schedule").ClickAsync();
        var schedule = page.GetByRole(AriaRole.Dialog).Filter(new() { Has = page.GetByTestId("schedule-save") });
        var start = TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow.AddHours(-2), Berlin);
        await FillAsync(schedule.GetByTestId("schedule-date"), start.ToString("dd/MM/yyyy"));
        await FillAsync(schedule.GetByTestId("schedule-time"), start.ToString("HH:mm"));
        await schedule.GetByTestId("schedule-interviewers").ClickAsync();
        var manager = page.GetByRole(AriaRole.Option, new() { Name = "Markus Manager" });
        await manager.ClickAsync();
        await Expect(manager).ToHaveAttributeAsync("aria-selected", "true");
        await CloseListAsync(page, manager);
        await schedule.GetByTestId("schedule-save").ClickAsync();
        await Expect(schedule).ToBeHiddenAsync();

        // The hiring manager finds it under "My scorecards" and submits a scorecard.
        var managerPage = await SignInAsync(DemoSeeder.ManagerEmail);
        await new AppShell(managerPage).GoToAsync("/scorecards");
        var pending = managerPage.GetByTestId("pending-scorecard").Filter(new() { HasText = name });
        await Expect(pending).ToHaveCountAsync(1);
        await pending.ClickAsync();
        foreach (var dimension in new[] { "skills", "culture", "communication" })
            await pending.GetByTestId($"scorecard-{dimension}").Locator(".mud-rating-item").Nth(3).ClickAsync();
        await pending.GetByTestId("scorecard-strong_yes").ClickAsync();
        await pending.GetByTestId("scorecard-note").FillAsync("Clear thinker, great questions.");
        await pending.GetByTestId("scorecard-submit").ClickAsync();
        await Expect(managerPage.GetByTestId("pending-scorecard").Filter(new() { HasText = name })).ToHaveCountAsync(0);

        // The recruiter sees it, moves the card to the offer stage, drafts the offer and downloads its letter.
        await records.UpdateAsync<Application>(recruiter, application.Id, null, a => a.Stage = Stage.Offer);
        await new AppShell(page).GoToAsync($"/applications/{application.Id}");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Scorecards" }).ClickAsync();
        await Expect(page.GetByTestId("average-skills")).ToHaveTextAsync("4.0");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Offers" }).ClickAsync();
        await page.GetByTestId("offer-salary").FillAsync("65000");
        await FillAsync(page.GetByTestId("offer-start"), "01/03/2027");
        await page.GetByTestId("offer-create").ClickAsync();
        var offer = page.GetByTestId("offer");
        await Expect(offer).ToHaveAttributeAsync("data-status", "draft");

        var download = await page.RunAndWaitForDownloadAsync(() => offer.GetByTestId("offer-pdf").ClickAsync());

        Assert.Equal($"Angebot-{name}-Jäger.pdf", download.SuggestedFilename);
        var file = await download.PathAsync();
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(File.ReadAllBytes(file!)[..4]));
        Assert.Empty(browser.CspViolations(page));
        Assert.Empty(browser.CspViolations(managerPage));
    }

    /// Closes a multi-select's list with Escape, as a keyboard user does; a key pressed while the list is still
    /// re-rendering after the last choice can go unheard, so it is pressed again until the list is gone.
    private static async Task CloseListAsync(IPage page, ILocator option)
    {
        for (var attempt = 0; attempt < 5 && await option.IsVisibleAsync(); attempt++)
        {
            await page.Keyboard.PressAsync("Escape");
            try { await option.WaitForAsync(new() { State = WaitForSelectorState.Hidden, Timeout = 2000 }); }
            catch (TimeoutException) { }
        }
        await Expect(option).ToBeHiddenAsync();
    }

    /// Types into a MudBlazor picker's text input and leaves it, as a keyboard user does.
    private static async Task FillAsync(ILocator input, string text)
    {
        await input.FillAsync(text);
        await input.PressAsync("Tab");
    }
}
