using Ats.Domain.Candidates;
using Ats.Domain.Common;
using Ats.Domain.Data;
using Ats.Domain.Demo;
using Ats.Domain.Identity;
using Ats.Domain.Jobs;
using Ats.Domain.Mail;
using Ats.Domain.Notes;
using Ats.Domain.Pipeline;
using Ats.Domain.Writes;
using Ats.E2E.Pages;
using Ats.E2E.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace Ats.E2E.Tests;

/// What a recruiter does in a candidate's profile: keep notes, write to the candidate.
[Collection(BrowserCollection.Name)]
public sealed class ProfileTests(BrowserFixture browser)
{
    private const string Password = "Passw0rd!demo";

    private async Task<(RecordService Records, Actor Recruiter)> RecruiterAsync() =>
        (browser.App.Records(), await browser.App.ActorAsync(DemoSeeder.RecruiterEmail, Roles.Recruiter));

    /// A fresh candidate who applied to a fresh job, so each test owns its profile.
    private async Task<(Candidate Candidate, Job Job)> CandidateAsync(string name)
    {
        var (records, recruiter) = await RecruiterAsync();
        var job = await records.CreateAsync(recruiter, new Job { Title = $"Profile test {Guid.NewGuid():N}"[..22] });
        var candidate = await records.CreateAsync(recruiter, new Candidate { FirstName = name, LastName = "Tester", Email = $"{name.ToLowerInvariant()}-{Guid.NewGuid():N}@example.org" });
        await records.CreateAsync(recruiter, new Application { CandidateId = candidate.Id, JobId = job.Id, Stage = Stage.Screening });
        return (candidate, job);
    }

    private async Task<ProfilePage> OpenProfileAsync(Guid candidateId)
    {
        var page = await browser.NewPageAsync();
        await new LoginPage(page).SignInAsync(DemoSeeder.RecruiterEmail, Password);
        var profile = new ProfilePage(page);
        await profile.OpenAsync(candidateId);
        return profile;
    }

    [Fact]
    public async Task APinnedNoteIsFoundFirstAfterAReload()
    {
        var (candidate, _) = await CandidateAsync("Nora");
        var (records, recruiter) = await RecruiterAsync();
        await records.CreateAsync(recruiter, new ApplicationNote { ParentKind = ParentKind.Candidate, ParentId = candidate.Id, Body = "Older: prefers remote work" });
        var profile = await OpenProfileAsync(candidate.Id);
        await profile.OpenTabAsync("Notes");
        await Expect(profile.Notes).ToHaveCountAsync(1); // loaded, before anything is added
        await profile.AddNoteAsync("Newer: **strong** SQL skills");
        await Expect(profile.Notes.First).ToContainTextAsync("Newer");

        await profile.PinAsync("Older: prefers remote work");

        await profile.OpenAsync(candidate.Id);
        await profile.OpenTabAsync("Notes");
        await Expect(profile.Notes).ToHaveCountAsync(2);
        await Expect(profile.Notes.First).ToContainTextAsync("Older: prefers remote work");
        await Expect(profile.Notes.First).ToHaveAttributeAsync("data-pinned", "true");
        await Expect(profile.Note("Newer").Locator("strong")).ToHaveTextAsync("strong"); // markdown rendered
        Assert.Empty(browser.CspViolations(profile.Page));
    }

    [Fact]
    public async Task ATemplatedMailSentFromAProfileShowsAsSent()
    {
        var (candidate, job) = await CandidateAsync("Mara");
        var profile = await OpenProfileAsync(candidate.Id);
        await profile.OpenTabAsync("Messages");

        await profile.SendTemplateAsync("Interview invitation");

        var message = profile.Messages.First;
        await Expect(message).ToHaveAttributeAsync("data-status", "sent"); // the outbox delivered it, and the page followed
        await Expect(message.GetByTestId("message-subject")).ToHaveTextAsync($"Your interview for {job.Title}");
        var (records, recruiter) = await RecruiterAsync();
        var sent = await records.ReadAsync<Message, Message>(recruiter, (messages, _) => messages.SingleAsync(m => m.CandidateId == candidate.Id));
        Assert.NotNull(sent.SentAt);
        Assert.Contains(candidate.Email, await File.ReadAllTextAsync(Assert.Single(Directory.GetFiles(browser.App.OutboxFolder, $"*{sent.Id:N}*.eml"))));
    }
}
