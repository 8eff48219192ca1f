using Ats.Web.Api.Xapi;

namespace Ats.Web.Hosting;

/// The headers every answer carries (pages, API answers, static files, error pages), set as the response starts so
/// that error handlers which clear the headers cannot drop them.
public static class SecurityHeaders
{
    /// What the Blazor Server app and MudBlazor need and no more: scripts only from our own files (no inline script,
    /// no eval), inline styles (MudBlazor writes style attributes and a theme style element), the circuit's
    /// WebSocket to our own origin, no framing, no plugins, forms only to ourselves.
    public const string AppPolicy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; object-src 'none'; base-uri 'self'; form-action 'self'";

    /// API answers are data, never documents: nothing in them may load or run.
    public const string ApiPolicy = "default-src 'none'; frame-ancestors 'none'";

    /// The HTML reference under /xapi2 is a page of the app.
    private const string ApiReferencePath = "/xapi2/docs";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((http, next) =>
    {
        http.Response.OnStarting(() =>
        {
            var headers = http.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "same-origin";
            headers.ContentSecurityPolicy = XapiApi.IsApi(http) && !http.Request.Path.StartsWithSegments(ApiReferencePath) ? ApiPolicy : AppPolicy;
            return Task.CompletedTask;
        });
        return next(http);
    });
}
