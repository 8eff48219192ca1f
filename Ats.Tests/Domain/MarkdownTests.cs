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
}
