namespace Ats.Web.Components.Shared;

public static class WebLinks
{
    /// The address when it is a web address (http or https), else null: only those become links, whatever was stored.
    public static string? Safe(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) ? uri.AbsoluteUri : null;
}
