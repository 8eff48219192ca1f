using System.Text.RegularExpressions;
using Ats.Domain.Demo;
using Ats.E2E.Pages;
using Ats.E2E.Support;
using Microsoft.Playwright;
using MimeKit;
using static Microsoft.Playwright.Assertions;

namespace Ats.E2E.Tests;

/// An admin invites someone on the Users page; the invitee follows the mailed link, chooses a password and signs in.
[Collection(BrowserCollection.Name)]
public sealed class InvitationTests(BrowserFixture browser)
{
    private const string Password = "Ein-eigenes-Passwort-e2e";

    [Fact]
    public async Task AnInvitedPersonAcceptsChoosesAPasswordAndSignsIn()
    {
        var email = $"invite-{Guid.NewGuid():N}"[..19] + "@demo.example";
        var admin = await browser.NewPageAsync();
        await new LoginPage(admin).SignInAsync(DemoSeeder.AdminEmail, DemoSeeder.Password);
        await new AppShell(admin).GoToAsync("/users");

        await admin.GetByTestId("user-add").ClickAsync();
        await admin.GetByTestId("invite-name").FillAsync("Ines Eingeladen");
        await admin.GetByTestId("invite-email").FillAsync(email);
        await admin.GetByTestId("invite-send").ClickAsync();
        await Expect(admin.GetByTestId("invitation-table").Locator("tbody tr", new() { HasText = email })).ToContainTextAsync("Recruiter");

        var invitee = await browser.NewPageAsync();
        await invitee.GotoAsync(await MailedLinkAsync(email));
        await Expect(invitee.Locator("#display-name")).ToHaveValueAsync("Ines Eingeladen");
        await invitee.Locator("#new-password").FillAsync(Password);
        await invitee.Locator("#repeat-password").FillAsync(Password);
        await invitee.Locator("button[type=submit]").ClickAsync();
        await Expect(invitee.GetByTestId("invitation-accepted")).ToBeVisibleAsync();

        await new LoginPage(invitee).SignInAsync(email, Password);
        await Expect(new AppShell(invitee).Navigation).ToBeVisibleAsync();
        await admin.ReloadAsync();
        await AppShell.WaitForCircuitAsync(admin);
        await Expect(admin.GetByTestId("user-table")).ToContainTextAsync(email);
        Assert.Empty(browser.CspViolations(invitee));
    }

    /// The E2E host writes its mail as .eml files; the wait is bounded only so a missing mail fails instead of hanging.
    internal static async Task<string> MailedLinkAsync(string address, KestrelAppFactory app)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            foreach (var file in Directory.Exists(app.OutboxFolder) ? Directory.GetFiles(app.OutboxFolder, "*.eml") : [])
            {
                MimeMessage mail;
                try
                {
                    mail = await MimeMessage.LoadAsync(file, timeout.Token);
                }
                catch (Exception ex) when (ex is IOException or FormatException or ParseException)
                {
                    continue; // still being written
                }
                if (mail.To.Mailboxes.Any(m => m.Address == address))
                    return Regex.Match(mail.TextBody ?? "", @"https?://[^\s>]+/account/accept-invitation\?token=[^\s>]+").Value;
            }
            await Task.Delay(100, timeout.Token);
        }
    }

    private Task<string> MailedLinkAsync(string address) => MailedLinkAsync(address, browser.App);
}
