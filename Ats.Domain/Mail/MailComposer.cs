using Ats.Domain.Common;

namespace Ats.Domain.Mail;

/// A mail ready to send: subject and plain text as typed, HTML from the Markdown body, sanitised like every note.
/// The outbox builds the HTML from the stored text the same way, so a preview shows exactly what leaves; HTML in a
/// value is shown as text, because Markdown's raw HTML is switched off.
public sealed record ComposedMail(string Subject, string Text, string Html);

/// Every path that fills in a template comes here (a stage move, a mail composed by hand, the editor's preview), so
/// each is held to <see cref="TemplateLimits"/>; a template over them throws <see cref="MailTemplateException"/>.
public static class MailComposer
{
    public static ComposedMail Compose(string subject, string body, MailValues values)
    {
        var text = MailTemplates.Render(body, values);
        return new ComposedMail(MailTemplates.Render(subject, values).ReplaceLineEndings(" ").Trim(), text, Markdown.ToSafeHtml(text)); // a header is one line
    }
}
