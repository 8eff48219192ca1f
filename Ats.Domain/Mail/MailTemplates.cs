using System.Globalization;
using Fluid;
using Fluid.Ast;

namespace Ats.Domain.Mail;

/// What a mail template can say about the mail it becomes: Liquid objects with fixed fields. A value left empty
/// renders as nothing.
public sealed record MailValues(
    string CandidateFirstName, string? CandidateLastName, string CandidateEmail,
    string? JobTitle, string? JobLocation, string? Stage,
    string? InterviewTime, string? InterviewLink,
    string? RecruiterName, string? RecruiterSignature, string? CompanyName)
{
    internal Dictionary<string, object?> ToModel() => new()
    {
        ["candidate"] = new Dictionary<string, object?>
        {
            ["first_name"] = CandidateFirstName, ["last_name"] = CandidateLastName, ["email"] = CandidateEmail,
            ["name"] = string.IsNullOrWhiteSpace(CandidateLastName) ? CandidateFirstName : $"{CandidateFirstName} {CandidateLastName}",
        },
        ["job"] = new Dictionary<string, object?> { ["title"] = JobTitle, ["location"] = JobLocation },
        ["application"] = new Dictionary<string, object?> { ["stage"] = Stage },
        ["interview"] = new Dictionary<string, object?> { ["time"] = InterviewTime, ["link"] = InterviewLink },
        ["recruiter"] = new Dictionary<string, object?> { ["name"] = RecruiterName, ["signature"] = RecruiterSignature },
        ["company"] = new Dictionary<string, object?> { ["name"] = CompanyName },
    };
}

/// Mail templates in Liquid (`{{ candidate.first_name }}`), rendered by Fluid. The variables are a fixed list, checked
/// when a template is saved, so a typo never reaches a candidate as an empty gap.
public static class MailTemplates
{
    public static readonly IReadOnlyList<string> Variables =
    [
        "candidate.first_name", "candidate.last_name", "candidate.name", "candidate.email", "job.title", "job.location",
        "application.stage", "interview.time", "interview.link", "recruiter.name", "recruiter.signature", "company.name",
    ];

    private static readonly FluidParser Parser = new();
    private static readonly TemplateOptions Options = new() { CultureInfo = CultureInfo.InvariantCulture };

    /// Null when the text is a valid template using only known variables; else what is wrong with it.
    public static string? Problem(string text)
    {
        if (!Parser.TryParse(text, out var template, out var error)) return Resources.Messages.TemplateSyntax(error);
        var used = new VariableCollector();
        used.VisitTemplate(template);
        var unknown = used.Names.Where(name => !Variables.Contains(name)).Distinct().ToList();
        if (unknown.Count > 0) return Resources.Messages.UnknownTemplateVariables(string.Join(", ", unknown));
        // Fluid passes a value through an unknown filter unchanged: a typo would go unnoticed.
        var filters = used.Filters.Where(name => !Options.Filters.TryGetValue(name, out _)).Distinct().ToList();
        return filters.Count == 0 ? null : Resources.Messages.UnknownTemplateFilters(string.Join(", ", filters));
    }

    /// The text with its variables filled in, as typed (the plain-text part; the HTML part is made from it).
    public static string Render(string text, MailValues values) =>
        Parser.Parse(text).Render(new TemplateContext(values.ToModel(), Options), NullEncoder.Default);

    /// Every variable a template reads, as "object.field" (or just "object" when it reads a whole object).
    private sealed class VariableCollector : AstVisitor
    {
        public List<string> Names { get; } = [];
        public List<string> Filters { get; } = [];

        protected override Expression VisitFilterExpression(FilterExpression filterExpression)
        {
            Filters.Add(filterExpression.Name);
            return base.VisitFilterExpression(filterExpression);
        }

        protected override Expression VisitMemberExpression(MemberExpression memberExpression)
        {
            Names.Add(string.Join('.', memberExpression.Segments.Select(s => s is IdentifierSegment id ? id.Identifier : "[]")));
            return base.VisitMemberExpression(memberExpression);
        }
    }
}
