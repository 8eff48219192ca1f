using AngleSharp.Html.Parser;

namespace Ats.Tests.Support;

public static class SafeHtml
{
    /// Judges the markup as a browser parses it: escaped text such as "&lt;script&gt;" is harmless.
    public static void AssertNothingExecutable(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        var elements = document.Body!.QuerySelectorAll("*");

        Assert.Empty(document.QuerySelectorAll("script, iframe, svg, object, embed, style, details, body body"));
        foreach (var element in elements)
            foreach (var attribute in element.Attributes)
            {
                Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"{element.TagName} {attribute.Name}");
                Assert.NotEqual("style", attribute.Name);
                if (attribute.Name is "href" or "src")
                    Assert.Matches("^((https?|mailto):|/)", attribute.Value.Trim().ToLowerInvariant()); // or a path (a link to click is harmless)
            }
    }
}
