using Ats.Domain.Mail;
using Ats.Tests.Support;
using MimeKit;

namespace Ats.Tests.Mail;

/// Mail leaves through a real SMTP server on loopback, or as .eml files when no server is configured.
public sealed class MailTransportTests : IAsyncLifetime
{
    private readonly SmtpServer _smtp = new();

    public Task InitializeAsync() => _smtp.StartAsync();

    public async Task DisposeAsync() => await _smtp.DisposeAsync();

    private static readonly MailValues Values = new("Ada", "Lovelace", "ada@example.com", "Backend Developer", null, "review",
        null, null, "Rolf Recruiter", null, "Muster GmbH");

    private static MimeMessage Mail() => MailTransports.ToMime(
        MailComposer.Compose("Your application as {{ job.title }}", "Hi **{{ candidate.first_name }}**,\n\nthank you.", Values),
        "jobs@muster.example", "ada@example.com");

    private IMailTransport Smtp() =>
        MailTransports.From(new MailSettings { Smtp = new SmtpSettings { Host = "127.0.0.1", Port = _smtp.Port, Security = "none" } });

    [Fact]
    public async Task TheServerReceivesTheMailWithRecipientSubjectTextAndHtml()
    {
        await Smtp().SendAsync(Mail(), CancellationToken.None);

        var received = Assert.Single(_smtp.Received());
        Assert.Equal("ada@example.com", received.To.Mailboxes.Single().Address);
        Assert.Equal("jobs@muster.example", received.From.Mailboxes.Single().Address);
        Assert.Equal("Your application as Backend Developer", received.Subject);
        Assert.Contains("Hi **Ada**", received.TextBody);
        Assert.Contains("<strong>Ada</strong>", received.HtmlBody);
    }

    [Fact]
    public async Task WithTheServerDownSendingFailsAndNothingArrives()
    {
        await _smtp.StopAsync();

        await Assert.ThrowsAnyAsync<Exception>(() => Smtp().SendAsync(Mail(), CancellationToken.None));

        await _smtp.StartAsync();
        Assert.Empty(_smtp.Received());
        await Smtp().SendAsync(Mail(), CancellationToken.None); // back up: the same mail goes through
        Assert.Single(_smtp.Received());
    }

    [Fact]
    public async Task WithoutAnSmtpHostMailsAreWrittenAsEmlFiles()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"ats-outbox-{Guid.NewGuid():N}");
        try
        {
            await MailTransports.From(new MailSettings { OutboxFolder = folder }).SendAsync(Mail(), CancellationToken.None);

            var file = Assert.Single(Directory.GetFiles(folder, "*.eml"));
            var stored = await MimeMessage.LoadAsync(file);
            Assert.Equal("Your application as Backend Developer", stored.Subject);
            Assert.Contains("<strong>Ada</strong>", stored.HtmlBody);
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }
}
