using System.Net;
using System.Text.RegularExpressions;
using Ats.Domain.Identity;
using Ats.Tests.Support;

namespace Ats.Tests.Accounts;

/// The accept page on the real app: the link comes out of the app's own outbox on a real SMTP server.
public sealed class InvitationPageTests : AccountHostTest, IAsyncLifetime
{
    private const string NewPassword = "Ein-eigenes-Passwort-1";
    private readonly SmtpServer _smtp;

    public InvitationPageTests() : this(new SmtpServer()) { }

    private InvitationPageTests(SmtpServer smtp) : base(new Dictionary<string, string>
    {
        ["Ats:Mail:Smtp:Host"] = "127.0.0.1", ["Ats:Mail:Smtp:Port"] = smtp.Port.ToString(), ["Ats:Mail:Smtp:Security"] = "none",
    }) => _smtp = smtp;

    async Task IAsyncLifetime.InitializeAsync()
    {
        await _smtp.StartAsync();
        await InitializeAsync();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await _smtp.DisposeAsync();
    }

    /// The link as the mail carried it; the wait is bounded only so that a missing mail fails instead of hanging.
    private async Task<string> MailedLinkAsync(string address)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            if (_smtp.Received().FirstOrDefault(m => m.To.Mailboxes.Any(b => b.Address == address)) is { } mail)
                return Regex.Match(mail.TextBody ?? "", @"http://localhost/account/accept-invitation\?token=[^\s>]+").Value;
            await Task.Delay(50, timeout.Token);
        }
    }

    private static Dictionary<string, string> AcceptForm(string link, string name, string password) => new()
    {
        ["Input.Token"] = Uri.UnescapeDataString(new Uri(link).Query["?token=".Length..]), ["Input.Name"] = name, ["Input.Password"] = password, ["Input.Repeat"] = password,
    };

    [Fact]
    public async Task AnInviteeFollowsTheMailedLinkChoosesAPasswordAndSignsIn()
    {
        await StartAsync();
        await Service<UserAdministration>().InviteAsync(Admin, "nina@konten.example", "Nina Neu", Roles.Recruiter,
            token => $"http://localhost/account/accept-invitation?token={Uri.EscapeDataString(token)}");
        var link = await MailedLinkAsync("nina@konten.example");
        var path = new Uri(link).PathAndQuery;

        var page = await Browser().GetStringAsync(path);
        Assert.Contains("Konten GmbH invites nina@konten.example to join.", WebUtility.HtmlDecode(page));
        var accepted = await PostFormAsync(Browser(), path, "accept-invitation", AcceptForm(link, "Nina Neu", NewPassword));

        Assert.Contains("data-testid=\"invitation-accepted\"", await accepted.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await TokenAsync("nina@konten.example", NewPassword)).StatusCode);
        var again = await Browser().GetStringAsync(path);
        Assert.Contains("data-testid=\"invitation-invalid\"", again);
        Assert.DoesNotContain("new-password", again);
    }

    [Theory]
    [InlineData("en", "/account/accept-invitation", "This invitation is not valid")]
    [InlineData("en", "/account/accept-invitation?token=forged", "This invitation is not valid")]
    [InlineData("de", "/account/accept-invitation?token=forged", "Diese Einladung gilt nicht")]
    public async Task AForgedOrMissingLinkGetsTheOneMessageAndCreatesNothing(string language, string path, string message)
    {
        await StartAsync();

        var page = await Browser(language).GetStringAsync(path);
        var posted = await Browser(language).PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "accept-invitation", ["__RequestVerificationToken"] = AppFactory.AntiforgeryToken(page),
            ["Input.Token"] = "forged", ["Input.Name"] = "Mallory", ["Input.Password"] = NewPassword, ["Input.Repeat"] = NewPassword,
        }));

        Assert.Contains(message, WebUtility.HtmlDecode(page));
        Assert.DoesNotContain("invitation-accepted", await posted.Content.ReadAsStringAsync());
        await using var db = Db();
        Assert.Equal(2, await db.Users.CountAsync());
    }

    [Fact]
    public async Task ABadPasswordOnTheAcceptPageNamesTheFieldAndKeepsTheLinkUsable()
    {
        await StartAsync();
        string? link = null;
        await Service<UserAdministration>().InviteAsync(Admin, "nina@konten.example", "Nina Neu", Roles.Recruiter,
            token => link = $"http://localhost/account/accept-invitation?token={Uri.EscapeDataString(token)}");
        var path = new Uri(link!).PathAndQuery;

        var refused = await PostFormAsync(Browser(), path, "accept-invitation", AcceptForm(link!, "Nina Neu", "short"));

        Assert.Contains("New password: At least 10 characters.", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
        Assert.Contains("invitation-accepted", await (await PostFormAsync(Browser(), path, "accept-invitation", AcceptForm(link!, "Nina Neu", NewPassword))).Content.ReadAsStringAsync());
    }
}
