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
    /// Any failure (the template's or Markdown's, also for a filled-in value) is a <see cref="MailTemplateException"/>,
    /// so a stage move records a failed mail instead of failing itself.
    public static ComposedMail Compose(string subject, string body, MailValues values)
    {
        try
        {
            var text = MailTemplates.Render(body, values);
            var header = MailTemplates.Render(subject, values).ReplaceLineEndings(" ").Trim(); // a header is one line
            return Markdown.TryToSafeHtml(text, out var html)
                ? new ComposedMail(header, text, html)
                : throw new MailTemplateException(Resources.Messages.TemplateMarkdownTooDeep);
        }
        catch (MailTemplateException) { throw; }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new MailTemplateException(Resources.Messages.TemplateRenderFailed(ex.Message), ex);
        }
    }
}
