using System.Net;
using Ganss.Xss;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Ats.Domain.Common;

/// Markdown as safe HTML: raw HTML in the source is shown as text, and the sanitiser removes what could
/// still run (javascript: links, event handlers) from the generated markup. Images become links: an image would be
/// fetched by every reader's browser (or mail client), so a note could track who reads it or fire a request.
public static partial class Markdown
{
    // A line break typed in a note or mail stays one (signatures, addresses), as people expect outside documents.
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().UseAutoLinks().UseEmphasisExtras()
        .UseSoftlineBreakAsHardlineBreak().Build();
    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    /// Text from someone else (an organisation's or a person's name) as literal Markdown text: every ASCII punctuation
    /// character backslash-escaped, so it cannot become a link, an image or emphasis in a mail.
    public static string Escape(string text) => Punctuation().Replace(text, @"\$0");

    /// The plain-text part of such a mail: the escapes removed again (CommonMark's backslash escapes).
    public static string Unescape(string markdown) => EscapedPunctuation().Replace(markdown, "$1");

    [System.Text.RegularExpressions.GeneratedRegex(@"[!-/:-@\[-`{-~]")]
    private static partial System.Text.RegularExpressions.Regex Punctuation();

    [System.Text.RegularExpressions.GeneratedRegex(@"\\([!-/:-@\[-`{-~])")]
    private static partial System.Text.RegularExpressions.Regex EscapedPunctuation();

    /// Text Markdig refuses (quotes, lists or brackets nested past its depth limit) is shown as escaped plain text, so
    /// one note cannot break the page or answer that shows it.
    public static string ToSafeHtml(string? markdown) =>
        TryToSafeHtml(markdown, out var html) ? html : Sanitizer.Sanitize($"<p>{WebUtility.HtmlEncode(markdown ?? "").ReplaceLineEndings("<br>")}</p>");

    /// False (and no HTML) when Markdig refuses the text as nested too deeply.
    public static bool TryToSafeHtml(string? markdown, out string html)
    {
        html = "";
        if (string.IsNullOrWhiteSpace(markdown)) return true;
        try
        {
            var document = Markdig.Markdown.Parse(markdown, Pipeline);
            foreach (var image in document.Descendants<LinkInline>().Where(l => l.IsImage).ToList()) ImageToLink(image);
            html = Sanitizer.Sanitize(document.ToHtml(Pipeline));
            return true;
        }
        catch (ArgumentException)
        {
            return false; // Markdig's "too deeply nested"
        }
    }

    /// ![alt](url) and ![alt][ref] read as a link named by the alt text (or by the address when there is none).
    private static void ImageToLink(LinkInline image)
    {
        image.IsImage = false;
        if (image.FirstChild is null) image.AppendChild(new LiteralInline(image.Url ?? ""));
    }

    /// The text without its markup ("## Phone screen" becomes "Phone screen"), for one-line summaries.
    public static string ToPlainText(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown)) return "";
        try
        {
            return Markdig.Markdown.ToPlainText(markdown, Pipeline).Trim();
        }
        catch (ArgumentException)
        {
            return markdown.Trim(); // nested past Markdig's limit: the text as typed
        }
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Clear();
        foreach (var scheme in new[] { "http", "https", "mailto" }) sanitizer.AllowedSchemes.Add(scheme);
        // Nothing that loads by itself, should an image ever slip past the renderer.
        foreach (var tag in new[] { "img", "picture", "source", "video", "audio", "track", "image" }) sanitizer.AllowedTags.Remove(tag);
        foreach (var attribute in new[] { "src", "srcset", "background", "poster", "style" }) sanitizer.AllowedAttributes.Remove(attribute);
        // Links open outside the app and tell the target nothing about it.
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Html.Dom.IHtmlAnchorElement link)
            {
                link.SetAttribute("target", "_blank");
                link.SetAttribute("rel", "noopener noreferrer nofollow");
            }
        };
        return sanitizer;
    }
}
