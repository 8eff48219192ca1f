using System.Diagnostics;
using Ats.Domain.Writes;

namespace Ats.Web.Api.Xapi;

/// RFC 9457 problem documents for every /xapi2 error: a stable machine code, a trace id, field errors where they apply.
public static class Problems
{
    public const string ContentType = "application/problem+json";

    public static IResult Of(HttpContext http, int status, string code, string detail, IReadOnlyDictionary<string, string[]>? errors = null)
    {
        var body = new Dictionary<string, object?>
        {
            ["type"] = $"/xapi2/docs#error-{code}",
            ["title"] = Title(status),
            ["status"] = status,
            ["detail"] = detail,
            ["code"] = code,
            ["trace_id"] = Activity.Current?.TraceId.ToString() ?? http.TraceIdentifier,
        };
        if (errors is not null) body["errors"] = errors;
        return Results.Json(body, statusCode: status, contentType: ContentType);
    }

    /// The domain's refusals, the same on every surface, mapped to HTTP.
    public static IResult From(HttpContext http, DomainException error, bool versionWasExpected = false) => error switch
    {
        ValidationException v => Of(http, StatusCodes.Status422UnprocessableEntity, v.Code, v.Message, v.Errors),
        NotFoundException => Of(http, StatusCodes.Status404NotFound, error.Code, error.Message),
        ForbiddenException => Of(http, StatusCodes.Status403Forbidden, error.Code, error.Message),
        ConcurrencyException when versionWasExpected => Of(http, StatusCodes.Status412PreconditionFailed, "precondition_failed", error.Message),
        _ => Of(http, StatusCodes.Status409Conflict, error.Code, error.Message),
    };

    public static Task WriteAsync(HttpContext http, int status, string code, string detail) =>
        Of(http, status, code, detail).ExecuteAsync(http);

    private static string Title(int status) => status switch
    {
        400 => "Bad request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not found",
        405 => "Method not allowed",
        409 => "Conflict",
        412 => "Precondition failed",
        413 => "Payload too large",
        415 => "Unsupported media type",
        422 => "Validation failed",
        429 => "Too many requests",
        _ => "Error",
    };
}
