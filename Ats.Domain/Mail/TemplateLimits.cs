using Ats.Domain.Models;

namespace Ats.Domain.Mail;

/// What one mail template may cost when it is rendered, on every path (save-time check, editor preview, a mail
/// queued by a write, a mail composed by hand). A template is text anyone with the recruiter role can save, and a
/// render runs on the request that caused it: without bounds, one `{% for %}` holds that request and gigabytes.
public static class TemplateLimits
{
    /// Statements, loop rounds and filter calls in one render (Fluid's step count, plus our filter calls).
    public const int MaxSteps = 10_000;

    /// Characters of rendered text, and of any value a template builds on the way (an assignment, a filter's
    /// result, a range): the longest body a message may have.
    public static readonly int MaxOutput = ModelCatalog.Message.Fields.First(f => f.Name == "body").MaxLength ?? 100_000;

    /// Nested blocks (`if`, `for` …) and brackets: deeper nesting would overflow the parser's stack and end the process.
    public const int MaxNesting = 25;

    /// Filters and operators (`|`, `and`, `or`, `contains`, comparisons) in one `{{ }}` or `{% %}`: Fluid evaluates
    /// such a chain recursively, and a chain of thousands overflows the stack and ends the process.
    public const int MaxOperators = 50;

    /// Characters of template text: the longest body a template may have (checked before it is parsed).
    public static readonly int MaxTemplateLength = ModelCatalog.EmailTemplate.Fields.First(f => f.Name == "body").MaxLength ?? 50_000;

    /// Wall-clock time of one render; the backstop for what the other limits let through.
    public static readonly TimeSpan RenderTime = TimeSpan.FromSeconds(2);
}

/// A template that cannot be rendered within <see cref="TemplateLimits"/> or fails while rendering; the message says
/// which limit, in the caller's language, for a recruiter.
public sealed class MailTemplateException(string message, Exception? inner = null) : Exception(message, inner);
