using Ats.Web.Api.Operations;
using Ats.Web.Api.Xapi;
using Microsoft.AspNetCore.Http.Features;

namespace Ats.Web.Hosting;

/// Every request body is held to 1 MiB (Kestrel's own default is 30 MB): the API takes at most 256 KiB of JSON
/// (JsonBody, with its own answer), the sign-in and other forms far less. A larger body, or a form past the form
/// reader's limits (1,024 fields, 4 MiB), is refused with a problem document.
public sealed class RequestBodyLimit(RequestDelegate next)
{
    public const long MaxBytes = 1024 * 1024;

    public async Task InvokeAsync(HttpContext http)
    {
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = MaxBytes;
        if (http.Request.ContentLength > MaxBytes && !XapiApi.IsApi(http))
        {
            await TooLargeAsync(http);
            return;
        }
        // Read a form here, once (what follows gets it from the request): antiforgery would otherwise read it and
        // report any failure as a missing token.
        if (http.Request.HasFormContentType && !XapiApi.IsApi(http))
        {
            try
            {
                await http.Request.ReadFormAsync(http.RequestAborted);
            }
            catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                await TooLargeAsync(http); // a body without a length, cut off by Kestrel on the way
                return;
            }
            catch (InvalidDataException)
            {
                await Problems.WriteAsync(http, 400, "invalid_form", "The form has more fields, or longer ones, than this server takes.");
                return;
            }
        }
        await next(http);
    }

    private static Task TooLargeAsync(HttpContext http)
    {
        http.Response.Headers.Connection = "close"; // the rest of the body is not read
        return Problems.WriteAsync(http, 413, "payload_too_large", $"The body is larger than {MaxBytes / 1024} KiB, the most this server takes.");
    }
}
