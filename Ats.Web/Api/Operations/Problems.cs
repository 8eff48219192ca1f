using System.Diagnostics;
using Ats.Domain.Writes;

namespace Ats.Web.Api.Operations;

/// One refusal: HTTP status, stable machine code, human detail, field errors.
/// RetryAfter: seconds until a refused request may be tried again (rate limits), also sent as "retry_after".
public sealed record Problem(int Status, string Code, string Detail, IReadOnlyDictionary<string, string[]>? Errors = null, int? RetryAfter = null);

/// RFC 9457 problem documents for every /xapi2 error: a stable machine code, a trace id, field errors where they apply.
public static class Problems
{
    public const string ContentType = "application/problem+json";

    public static IResult Of(HttpContext http, int status, string code, string detail, IReadOnlyDictionary<string, string[]>? errors = null) =>
        Of(http, new Problem(status, code, detail, errors));

    public static IResult Of(HttpContext http, Problem problem) =>
        Results.Json(Document(problem, TraceId(http)), statusCode: problem.Status, contentType: ContentType);

    public static string TraceId(HttpContext http) => Activity.Current?.TraceId.ToString() ?? http.TraceIdentifier;

    /// The problem document's members; the WebSocket channel sends the same object inside its error frames.
    public static Dictionary<string, object?> Document(Problem problem, string traceId)
    {
        var body = new Dictionary<string, object?>
        {
            ["type"] = $"/xapi2/docs#error-{problem.Code}",
            ["title"] = Title(problem.Status),
            ["status"] = problem.Status,
            ["detail"] = problem.Detail,
            ["code"] = problem.Code,
            ["trace_id"] = traceId,
        };
        if (problem.Errors is not null) body["errors"] = problem.Errors;
        if (problem.RetryAfter is { } seconds) body["retry_after"] = seconds;
        return body;
    }

    /// The domain's refusals, the same on every surface, mapped to HTTP.
    public static IResult From(HttpContext http, DomainException error, bool versionWasExpected = false)
    {
        var problem = Describe(error, versionWasExpected);
        return Of(http, problem.Status, problem.Code, problem.Detail, problem.Errors);
    }

    public static Problem Describe(DomainException error, bool versionWasExpected = false) => error switch
    {
        ValidationException v => new(StatusCodes.Status422UnprocessableEntity, v.Code, v.Message, v.Errors),
        NotFoundException => new(StatusCodes.Status404NotFound, error.Code, error.Message),
        ForbiddenException => new(StatusCodes.Status403Forbidden, error.Code, error.Message),
        ConcurrencyException when versionWasExpected => new(StatusCodes.Status412PreconditionFailed, "precondition_failed", error.Message),
        _ => new(StatusCodes.Status409Conflict, error.Code, error.Message),
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
        426 => "Upgrade required",
        429 => "Too many requests",
        _ => "Error",
    };
}
