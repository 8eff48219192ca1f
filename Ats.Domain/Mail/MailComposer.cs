using Ats.Domain.Common;

namespace Ats.Domain.Mail;

/// A mail ready to send: subject and plain text as typed, HTML from the Markdown body, sanitised like every note.
/// The outbox builds the HTML from the stored text the same way, so a preview shows exactly what leaves; HTML in a
/// value is shown as text, because Markdown's raw HTML is switched off.
public sealed record ComposedMail(string Subject, string Text, string Html);

public static class MailComposer
{
    public static ComposedMail Compose(string subject, string body, MailValues values) => new(
        MailTemplates.Render(subject, values).ReplaceLineEndings(" ").Trim(), // a header is one line
        MailTemplates.Render(body, values),
        Markdown.ToSafeHtml(MailTemplates.Render(body, values)));
}
