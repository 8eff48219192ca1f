using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Ats.Domain.Mail;

/// Ats:Mail. Without an SMTP host, mails are written as .eml files into <see cref="OutboxFolder"/> (the embedded default),
/// so the demo works offline and every mail can still be opened.
public sealed class MailSettings
{
    public string From { get; set; } = "ats@localhost";
    public string OutboxFolder { get; set; } = "data/outbox";
    public SmtpSettings Smtp { get; set; } = new();
}

public sealed class SmtpSettings
{
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    /// none, starttls or tls.
    public string Security { get; set; } = "starttls";
    public string? Username { get; set; }
    public string? Password { get; set; }
}

/// Where a finished mail goes. Throws when it could not be handed over, with the server's own words.
public interface IMailTransport
{
    Task SendAsync(MimeMessage message, CancellationToken ct);
}

/// A file that goes with a mail: an offer letter (PDF) or a calendar entry (.ics).
public sealed record MailAttachment(string FileName, string ContentType, byte[] Content);

public static class MailTransports
{
    public static IMailTransport From(MailSettings settings) => string.IsNullOrWhiteSpace(settings.Smtp.Host)
        ? new FolderMailTransport(settings.OutboxFolder)
        : new SmtpMailTransport(settings.Smtp);

    /// A multipart/alternative mail: the plain text first, the HTML second (clients show the last part they can), with
    /// any attachments after them. The Message-ID comes from the message row: a mail sent again after a lost reply
    /// carries the same id, so the receiving side can tell it is one mail, and a row's .eml file is found by its id.
    public static MimeMessage ToMime(ComposedMail mail, string from, string to, Guid? messageId = null, IReadOnlyList<MailAttachment>? attachments = null)
    {
        var sender = MailboxAddress.Parse(from);
        var message = new MimeMessage { Subject = mail.Subject };
        if (messageId is { } id) message.MessageId = $"{id:N}@{(string.IsNullOrEmpty(sender.Domain) ? "ats" : sender.Domain)}";
        message.From.Add(sender);
        message.To.Add(MailboxAddress.Parse(to));
        var body = new BodyBuilder { TextBody = mail.Text, HtmlBody = mail.Html };
        foreach (var attachment in attachments ?? []) body.Attachments.Add(attachment.FileName, attachment.Content, ContentType.Parse(attachment.ContentType));
        message.Body = body.ToMessageBody();
        return message;
    }
}

public sealed class SmtpMailTransport(SmtpSettings settings) : IMailTransport
{
    public async Task SendAsync(MimeMessage message, CancellationToken ct)
    {
        using var client = new SmtpClient();
        var security = settings.Security.ToLowerInvariant() switch
        {
            "none" => SecureSocketOptions.None,
            "tls" => SecureSocketOptions.SslOnConnect,
            _ => SecureSocketOptions.StartTls,
        };
        var host = settings.Host ?? throw new InvalidOperationException("Ats:Mail:Smtp:Host is not set.");
        await client.ConnectAsync(host, settings.Port, security, ct);
        if (!string.IsNullOrEmpty(settings.Username)) await client.AuthenticateAsync(settings.Username, settings.Password ?? "", ct);
        await client.SendAsync(message, ct);
        await client.DisconnectAsync(quit: true, ct);
    }
}

public sealed class FolderMailTransport(string folder) : IMailTransport
{
    public async Task SendAsync(MimeMessage message, CancellationToken ct)
    {
        Directory.CreateDirectory(folder);
        // Sortable by time, unique by the message id MimeKit gave the mail.
        var id = message.MessageId ?? MimeKit.Utils.MimeUtils.GenerateMessageId();
        var name = $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{id.Replace('@', '_').Replace('/', '_')}.eml";
        await message.WriteToAsync(Path.Combine(folder, name), ct);
    }
}
