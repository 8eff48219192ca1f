using Ats.Domain.Common;

namespace Ats.Domain.Mail;

/// A mail ready to send: subject and plain text as typed, HTML from the Markdown body, sanitised like every note.
public sealed record ComposedMail(string Subject, string Text, string Html);

public static class MailComposer
{
    public static ComposedMail Compose(string subject, string body, MailValues values) => new(
        MailTemplates.Render(subject, values, html: false).ReplaceLineEndings(" ").Trim(), // a header is one line
        MailTemplates.Render(body, values, html: false),
        Markdown.ToSafeHtml(MailTemplates.Render(body, values, html: true)));
}
