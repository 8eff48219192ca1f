using System.Net;
using System.Text.RegularExpressions;
using Ats.Domain.Audit;
using Ats.Domain.Identity;
using Ats.Domain.Mail;
using Ats.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Ats.Tests.Accounts;

/// Users change their own password; an admin sends a one-time reset link through the outbox (issue 13, point 7).
public sealed class PasswordTests() : AccountHostTest
{
    private const string NewPassword = "Ein-neues-Passwort-2";

    private static Dictionary<string, string> ChangeForm(string current, string next, string repeat) =>
        new() { ["Input.Current"] = current, ["Input.Password"] = next, ["Input.Repeat"] = repeat };

    private async Task<string> StampAsync(Guid userId)
    {
        await using var db = Db();
        return (await db.Users.SingleAsync(u => u.Id == userId)).SecurityStamp!;
    }

    [Fact]
    public async Task AUserChangesTheirPasswordStaysSignedInAndSignsInWithTheNewOne()
    {
        await StartAsync();
        var browser = Browser();
        var otherSession = Browser();
        await AppFactory.SignInAsync(browser, RecruiterEmail, Password);
        await AppFactory.SignInAsync(otherSession, RecruiterEmail, Password);
        var stamp = await StampAsync(RecruiterId);

        var changed = await PostFormAsync(browser, "/account/password", "change-password", ChangeForm(Password, NewPassword, NewPassword));

        Assert.Contains("Your password is changed.", await changed.Content.ReadAsStringAsync());
        Assert.NotEqual(stamp, await StampAsync(RecruiterId));
        Clock.Advance(TimeSpan.FromMinutes(2)); // past the next security-stamp check
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/jobs")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await otherSession.GetAsync("/jobs")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await TokenAsync(RecruiterEmail, Password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await TokenAsync(RecruiterEmail, NewPassword)).StatusCode);
        await using var db = Db();
        Assert.Contains(await db.AuditEntries.IgnoreQueryFilters().Where(a => a.RecordId == RecruiterId).ToListAsync(),
            a => a.ChangedFields.SequenceEqual(["password"]) && a.ActorId == RecruiterId);
    }

    [Theory]
    [InlineData("en", "wrong current password", NewPassword, NewPassword, "Current password: The current password is wrong.")]
    [InlineData("en", Password, "short", "short", "New password: At least 10 characters.")]
    [InlineData("en", Password, NewPassword, "Ein-anderes-Passwort", "Repeat the new password: The two new passwords differ.")]
    [InlineData("de", "wrong current password", NewPassword, NewPassword, "Aktuelles Passwort: Das aktuelle Passwort ist falsch.")]
    [InlineData("de", Password, "short", "short", "Neues Passwort: Mindestens 10 Zeichen.")]
    public async Task ABadChangeIsRefusedWithAClearMessageAndChangesNothing(string language, string current, string next, string repeat, string message)
    {
        await StartAsync();
        var browser = Browser(language);
        await AppFactory.SignInAsync(browser, RecruiterEmail, Password);
        var stamp = await StampAsync(RecruiterId);

        var refused = await PostFormAsync(browser, "/account/password", "change-password", ChangeForm(current, next, repeat));

        Assert.Contains(message, WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
        Assert.Equal(stamp, await StampAsync(RecruiterId));
        Assert.Equal(HttpStatusCode.OK, (await TokenAsync(RecruiterEmail, Password)).StatusCode);
    }

    [Fact]
    public async Task GuessingTheCurrentPasswordInAnOpenSessionIsSlowedLikeSigningIn()
    {
        await StartAsync();
        var browser = Browser();
        await AppFactory.SignInAsync(browser, RecruiterEmail, Password);
        for (var i = 0; i < 5; i++) await PostFormAsync(browser, "/account/password", "change-password", ChangeForm("a guess", NewPassword, NewPassword));

        var throttled = await PostFormAsync(browser, "/account/password", "change-password", ChangeForm(Password, NewPassword, NewPassword));

        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.Contains("Too many attempts. Try again in 2 seconds.", await throttled.Content.ReadAsStringAsync());
        // The session's guesses have their own streak: signing in elsewhere is not held up by them.
        Assert.Equal(HttpStatusCode.OK, (await TokenAsync(RecruiterEmail, Password)).StatusCode); // and unchanged
    }

    [Fact]
    public async Task ChangingThePasswordNeedsASignIn()
    {
        await StartAsync();

        var response = await Browser().GetAsync("/account/password");

        Assert.StartsWith("/account/login", AppFactory.RedirectPath(response));
    }

    /// Sends a reset link to the recruiter and returns it as the mail carried it (the outbox writes .eml files here).
    private async Task<string> MailedResetLinkAsync()
    {
        await Service<UserAdministration>().SendPasswordResetAsync(Admin, RecruiterId,
            (id, token) => $"http://localhost/account/reset-password?user={id}&token={Uri.EscapeDataString(token)}");
        var mail = await SentAccountMailAsync();
        var file = Directory.GetFiles(Service<MailSettings>().OutboxFolder, $"*{mail.Id:N}*.eml").First();
        var text = MimeKit.MimeMessage.Load(file).TextBody ?? "";
        return Regex.Match(text, @"http://localhost/account/reset-password\?[^\s>]+").Value;
    }

    private async Task<AccountMail> SentAccountMailAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30)); // fails instead of hanging
        while (true)
        {
            await using var db = Db();
            if (await db.AccountMails.SingleOrDefaultAsync(m => m.Status == MessageStatus.Sent, timeout.Token) is { } mail) return mail;
            await Task.Delay(50, timeout.Token);
        }
    }

    private static Dictionary<string, string> ResetForm(string link, string next, string repeat)
    {
        var query = System.Web.HttpUtility.ParseQueryString(new Uri(link).Query);
        return new() { ["Input.User"] = query["user"]!, ["Input.Token"] = query["token"]!, ["Input.Password"] = next, ["Input.Repeat"] = repeat };
    }

    [Fact]
    public async Task AResetLinkGoesOutThroughTheOutboxWorksOnceAndIsNotKept()
    {
        await StartAsync();
        var link = await MailedResetLinkAsync();
        var path = new Uri(link).PathAndQuery;
        var browser = Browser();

        Assert.Contains("Set a new password", await browser.GetStringAsync(path));
        var reset = await PostFormAsync(browser, path, "reset-password", ResetForm(link, NewPassword, NewPassword));

        Assert.Contains("Your new password is set.", await reset.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await TokenAsync(RecruiterEmail, NewPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await TokenAsync(RecruiterEmail, Password)).StatusCode);
        var again = await Browser().GetStringAsync(path);
        Assert.Contains("it was used already", again);
        Assert.DoesNotContain("new-password", again);

        await using var db = Db();
        Assert.Equal("", (await db.AccountMails.SingleAsync()).Body); // the link is not kept once sent
        var audit = await db.AuditEntries.IgnoreQueryFilters().Where(a => a.RecordId == RecruiterId && a.Action == AuditAction.Update).ToListAsync();
        Assert.Contains(audit, a => a.ActorId == Admin.UserId && a.ChangedFields.SequenceEqual(["password_reset_link"]));
        Assert.Contains(audit, a => a.ActorId == RecruiterId && a.ChangedFields.SequenceEqual(["password"]));
    }

    [Fact]
    public async Task AResetLinkIsValidForOneHour()
    {
        await StartAsync();

        Assert.Equal(TimeSpan.FromHours(1), Service<IOptions<DataProtectionTokenProviderOptions>>().Value.TokenLifespan);
    }

    [Fact]
    public async Task ABadPasswordOnTheResetPageKeepsTheLinkUsable()
    {
        await StartAsync();
        var link = await MailedResetLinkAsync();
        var path = new Uri(link).PathAndQuery;

        var refused = await PostFormAsync(Browser(), path, "reset-password", ResetForm(link, "short", "short"));

        Assert.Contains("At least 10 characters.", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await TokenAsync(RecruiterEmail, Password)).StatusCode);
        Assert.Contains("Your new password is set.", await (await PostFormAsync(Browser(), path, "reset-password", ResetForm(link, NewPassword, NewPassword))).Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("")]
    [InlineData("?user=not-a-uuid&token=abc")]
    [InlineData("?user={recruiter}&token=forged")]
    [InlineData("?user={recruiter}")]
    [InlineData("?user=0198f0c2-0000-7000-8000-000000000000&token=abc")]
    public async Task AForgedOrIncompleteLinkSaysItIsNotValidAndChangesNothing(string query)
    {
        await StartAsync();
        var path = "/account/reset-password" + query.Replace("{recruiter}", RecruiterId.ToString());
        var stamp = await StampAsync(RecruiterId);

        var page = await Browser().GetStringAsync(path);
        var posted = await Browser().PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "reset-password", ["__RequestVerificationToken"] = AppFactory.AntiforgeryToken(page),
            ["Input.User"] = RecruiterId.ToString(), ["Input.Token"] = "forged", ["Input.Password"] = NewPassword, ["Input.Repeat"] = NewPassword,
        }));

        Assert.Contains("data-testid=\"reset-invalid\"", page);
        Assert.DoesNotContain("Your new password is set.", await posted.Content.ReadAsStringAsync());
        Assert.Equal(stamp, await StampAsync(RecruiterId));
    }

    [Fact]
    public async Task OnlyAnAdminSendsResetLinksAndOnlyToActiveUsers()
    {
        await StartAsync();
        var admin = Service<UserAdministration>();
        var recruiter = Admin with { UserId = RecruiterId, Role = Roles.Recruiter };

        await Assert.ThrowsAsync<Ats.Domain.Writes.ForbiddenException>(() => admin.SendPasswordResetAsync(recruiter, Admin.UserId!.Value, (_, t) => t));
        await Assert.ThrowsAsync<Ats.Domain.Writes.NotFoundException>(() => admin.SendPasswordResetAsync(Admin, Guid.CreateVersion7(), (_, t) => t));
        await admin.SetActiveAsync(Admin, RecruiterId, false);
        await Assert.ThrowsAsync<Ats.Domain.Writes.ValidationException>(() => admin.SendPasswordResetAsync(Admin, RecruiterId, (_, t) => t));
        await using var db = Db();
        Assert.False(await db.AccountMails.AnyAsync());
    }
}

/// Identity's reset tokens carry their own creation time (the system clock); a lifespan in the past makes every link expired.
public sealed class ExpiredResetLinkTests() : AccountHostTest(services: s => s.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromHours(-1)))
{
    [Fact]
    public async Task AnExpiredLinkSaysSoAndSetsNothing()
    {
        await StartAsync();
        string? link = null;
        await Service<UserAdministration>().SendPasswordResetAsync(Admin, RecruiterId, (id, token) => link = $"/account/reset-password?user={id}&token={Uri.EscapeDataString(token)}");

        var page = await Browser().GetStringAsync(link!);

        Assert.Contains("it is older than one hour", page);
        Assert.DoesNotContain("new-password", page);
    }
}
