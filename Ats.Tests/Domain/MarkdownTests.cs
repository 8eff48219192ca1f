using AngleSharp.Html.Parser;
using Ats.Domain.Common;
using Ats.Tests.Support;

namespace Ats.Tests.Domain;

public sealed class MarkdownTests
{
    public static TheoryData<string> Attacks => new()
    {
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "[click](javascript:alert(1))",
        "[click](JaVaScRiPt:alert(1))",
        "[click](  javascript:alert(1))",
        "[click](vbscript:msgbox(1))",
        "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "![x](javascript:alert(1))",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<svg onload=alert(1)>",
        "<iframe src=\"https://evil.example\"></iframe>",
        "<div style=\"background:url(javascript:alert(1))\">x</div>",
        "<body onload=alert(1)>",
        "[x](https://ok.example \"title\" onmouseover=alert(1))",
        "<details open ontoggle=alert(1)>",
        "`<script>` in code is text: ```<script>alert(1)</script>```",
        "<<script>script>alert(1)<</script>/script>",
    };

    [Theory]
    [MemberData(nameof(Attacks))]
    public void NothingExecutableSurvives(string markdown) => SafeHtml.AssertNothingExecutable(Markdown.ToSafeHtml(markdown));

    [Fact]
    public void OrdinaryMarkdownBecomesHtml()
    {
        var html = Markdown.ToSafeHtml("## Über uns\n\n- **Remote** möglich\n- [Website](https://muster.example)");

        Assert.Contains("<h2", html);
        Assert.Contains("Über uns", html);
        Assert.Contains("<strong>Remote</strong>", html);
        Assert.Contains("href=\"https://muster.example\"", html);
        Assert.Contains("rel=\"noopener noreferrer nofollow\"", html);
    }

    [Fact]
    public void ALineBreakStaysALineBreak() =>
        Assert.Contains("Best regards,<br>", Markdown.ToSafeHtml("Best regards,\nRita Recruiter"));

    private const string Tracker = "https://tracker.example/p.gif";

    /// Markdown that would make a reader's browser fetch something, and the link (if any) it must become instead:
    /// (markdown, the href of the link it shows, the link's text).
    public static TheoryData<string, string?, string?> Images => new()
    {
        { $"![x]({Tracker})", Tracker, "x" },
        { $"![]({Tracker})", Tracker, Tracker },
        { $"![x]({Tracker} \"a title\")", Tracker, "x" },
        { $"![x][pixel]\n\n[pixel]: {Tracker}", Tracker, "x" },
        { $"![pixel]\n\n[pixel]: {Tracker}", Tracker, "pixel" },
        { "![logo](/favicon.png)", "/favicon.png", "logo" },
        { "![x](//tracker.example/p.gif)", "//tracker.example/p.gif", "x" },
        { $"[![x]({Tracker})](https://ok.example)", null, null },
        { $"<{Tracker}>", Tracker, Tracker },
        { Tracker, Tracker, Tracker },
        { $"<img src=\"{Tracker}\">", null, null },
        { $"<img srcset=\"{Tracker} 1x\" src=\"x.gif\">", null, null },
        { $"<picture><source srcset=\"{Tracker}\"></picture>", null, null },
        { $"<video poster=\"{Tracker}\"></video>", null, null },
        { $"<p style=\"background:url({Tracker})\">x</p>", null, null },
        { "![x](data:image/gif;base64,R0lGODlhAQABAAAAACw=)", null, "x" },
        { "![x](javascript:alert(1))", null, "x" },
    };

    [Theory]
    [MemberData(nameof(Images))]
    public void NoImageIsFetchedAnImageBecomesALink(string markdown, string? href, string? text)
    {
        var html = Markdown.ToSafeHtml(markdown);
        var body = new HtmlParser().ParseDocument(html).Body!;

        SafeHtml.AssertNothingExecutable(html);
        Assert.Empty(body.QuerySelectorAll("img, picture, source, video, audio, image, input"));
        foreach (var element in body.QuerySelectorAll("*"))
            Assert.DoesNotContain(element.Attributes, a => a.Name is "src" or "srcset" or "poster" or "background" or "style");
        if (href is null) return;
        var link = Assert.Single(body.QuerySelectorAll("a"), a => a.GetAttribute("href") == href);
        Assert.Equal(text, link.TextContent);
    }

    [Theory]
    [InlineData(">", 140)]
    [InlineData("- ", 300)]
    [InlineData("[", 5000)]
    public void TextNestedPastMarkdigsLimitIsShownAsEscapedText(string level, int times)
    {
        var markdown = string.Concat(Enumerable.Repeat(level, times)) + "<b>hello</b>\nnext";

        var html = Markdown.ToSafeHtml(markdown);

        SafeHtml.AssertNothingExecutable(html);
        Assert.Contains("hello", html);
        Assert.DoesNotContain("<b>", html);
        Assert.Contains("hello", Markdown.ToPlainText(markdown));
    }
}
