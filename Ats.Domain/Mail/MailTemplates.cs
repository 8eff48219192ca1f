using System.Globalization;
using System.Text.RegularExpressions;
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
    private static readonly TemplateOptions Options = BoundedOptions();

    /// Tags that build text outside the rendered mail (`capture`, `ifchanged`), read other files (`include`,
    /// `render`) or hide nesting from the check before parsing (`liquid`, `raw`, `comment`): a mail template needs none of them.
    /// `raw`, `comment` and `#` hide text from Fluid that the check before parsing would read as tags.
    private static readonly Regex LiquidTag = new(@"\{%-?\s*(liquid\b|raw\b|comment\b|#)", RegexOptions.CultureInvariant);
    private static readonly Regex BlockTag = new(@"\{%-?\s*(end)?(\w+)", RegexOptions.CultureInvariant);
    private static readonly HashSet<string> Blocks = ["if", "unless", "case", "for", "tablerow", "capture", "comment", "raw", "ifchanged"];

    private static TemplateOptions BoundedOptions()
    {
        var options = new TemplateOptions
        {
            CultureInfo = CultureInfo.InvariantCulture, MaxSteps = TemplateLimits.MaxSteps, MaxRecursion = TemplateLimits.MaxNesting,
            Assigned = BoundedRender.CheckAssigned,
        };
        BoundedRender.BoundFilters(options.Filters);
        return options;
    }

    /// Null when the text is a valid template using only known variables, within the limits on length and nesting;
    /// else what is wrong with it. Cheap: nothing is rendered.
    public static string? Problem(string text) => Check(text, out _);

    private static string? Check(string text, out IFluidTemplate? template)
    {
        template = null;
        if (text.Length > TemplateLimits.MaxTemplateLength) return Resources.Messages.TemplateTextTooLong(TemplateLimits.MaxTemplateLength);
        if (LiquidTag.Match(text) is { Success: true } hidden) return Resources.Messages.TemplateTagNotAllowed(hidden.Groups[1].Value.TrimEnd());
        // Checked before parsing: the parser recurses once per level, and a stack overflow ends the process.
        var (nesting, operators) = Nesting(text);
        if (nesting > TemplateLimits.MaxNesting) return Resources.Messages.TemplateTooDeep(TemplateLimits.MaxNesting);
        // Fluid evaluates a chain of filters or operators recursively, once per link: a long one overflows the stack.
        if (operators > TemplateLimits.MaxOperators) return Resources.Messages.TemplateTooManyOperators(TemplateLimits.MaxOperators);
        if (!Parser.TryParse(text, out template, out var error)) return Resources.Messages.TemplateSyntax(error);
        var used = new VariableCollector();
        used.VisitTemplate(template);
        if (used.Tags.Count > 0) return Resources.Messages.TemplateTagNotAllowed(string.Join(", ", used.Tags.Distinct()));
        var unknown = used.Names.Where(name => !Variables.Contains(name)).Distinct().ToList();
        if (unknown.Count > 0) return Resources.Messages.UnknownTemplateVariables(string.Join(", ", unknown));
        // Fluid passes a value through an unknown filter unchanged: a typo would go unnoticed.
        var filters = used.Filters.Where(name => !Options.Filters.TryGetValue(name, out _)).Distinct().ToList();
        return filters.Count == 0 ? null : Resources.Messages.UnknownTemplateFilters(string.Join(", ", filters));
    }

    /// The deepest nesting of blocks (an unclosed one counts as open) and of brackets inside tags and outputs, and the
    /// most filters and operators (`|`, `and`, `or`, `contains`, comparisons) in one tag or output, outside quotes.
    private static (int Nesting, int Operators) Nesting(string text)
    {
        int depth = 0, deepest = 0;
        foreach (Match tag in BlockTag.Matches(text))
        {
            if (!Blocks.Contains(tag.Groups[2].Value)) continue;
            depth = tag.Groups[1].Success ? Math.Max(0, depth - 1) : depth + 1;
            deepest = Math.Max(deepest, depth);
        }
        // One pass (a pattern for "{{ … }}" would rescan the rest of the text from every unclosed opening). Operators are
        // counted twice: as Fluid reads quotes (a "}}" inside one does not end the tag) and ignoring quotes; the larger counts.
        var inside = false;
        char quote = default;
        int quoted = 0, plain = 0, most = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var pair = i + 1 < text.Length ? (c, text[i + 1]) : default;
            var marker = pair is ('{', '{') or ('{', '%') || pair is ('}', '}') or ('%', '}');
            if (marker) plain = 0;
            if (quote != default)
            {
                if (c == '\\') i++;
                else if (c == quote) quote = default;
                else if (!marker && IsOperator(text, i, pair)) most = Math.Max(most, ++plain);
                continue;
            }
            if (marker)
            {
                (inside, depth, quoted) = (pair.Item1 == '{', 0, 0);
                i++;
            }
            else if (!inside) continue;
            else if (c is '\'' or '"') quote = c;
            else if (c is '(' or '[') deepest = Math.Max(deepest, ++depth);
            else if (c is ')' or ']') depth = Math.Max(0, depth - 1);
            else if (IsOperator(text, i, pair)) most = Math.Max(most, Math.Max(++quoted, ++plain));
        }
        return (deepest, most);
    }

    /// `|`, a comparison, or the word `and`, `or` or `contains` starting at i.
    private static bool IsOperator(string text, int i, (char, char) pair)
    {
        if (text[i] is '|' or '<' or '>' || pair is ('=', '=') or ('!', '=')) return true;
        if (!char.IsLetter(text[i]) || (i > 0 && IsNamePart(text[i - 1]))) return false;
        var end = i;
        while (end < text.Length && IsNamePart(text[end])) end++;
        return text.AsSpan(i, end - i) is "and" or "or" or "contains";
    }

    private static bool IsNamePart(char c) => char.IsLetterOrDigit(c) || c is '_' or '-' or '.';

    /// The text with its variables filled in, as typed (the plain-text part; the HTML part is made from it), held to
    /// <see cref="TemplateLimits"/>. Throws <see cref="MailTemplateException"/> saying what was wrong or exceeded; a
    /// template stored before these checks existed is checked here again.
    public static string Render(string text, MailValues values, TimeSpan? timeBudget = null)
    {
        if (Check(text, out var parsed) is { } problem) throw new MailTemplateException(problem);
        var template = new BoundedRange.Rewriter().VisitTemplate(parsed!);
        var render = new BoundedRender(values.ToModel(), Options, timeBudget ?? TemplateLimits.RenderTime);
        var writer = new BoundedWriter(render);
        try
        {
            // Every part of a mail template is synchronous: the render is done when this returns.
            var pending = template.RenderAsync(writer, NullEncoder.Default, render);
            if (!pending.IsCompleted) throw new InvalidOperationException("A mail template rendered asynchronously.");
            pending.GetAwaiter().GetResult();
        }
        catch (MailTemplateException) { throw; }
        catch (Exception ex) when (render.StepsExceeded)
        {
            throw new MailTemplateException(BoundedRender.TooManySteps().Message, ex); // Fluid calls it "recursion"
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new MailTemplateException(Resources.Messages.TemplateRenderFailed(ex.Message), ex);
        }
        return writer.ToString();
    }

    /// Null when the template is valid (see <see cref="Problem"/>) and renders within the limits for a made-up
    /// candidate; else why not. Checked when a template is saved, so a loop that would hold every stage move is refused
    /// before it is stored.
    public static string? RenderProblem(string text, bool markdown = false)
    {
        try
        {
            // The body becomes HTML through Markdown too: what Markdown refuses (quotes nested past its limit) is refused here.
            if (markdown) MailComposer.Compose("", text, Sample);
            else Render(text, Sample);
            return null;
        }
        catch (MailTemplateException ex)
        {
            return ex.Message;
        }
    }

    /// Values of a typical length for the save-time check.
    public static readonly MailValues Sample = new("Alex", "Muster", "alex.muster@example.com", "Backend Developer", "Berlin", "interview",
        "Mon, 12 Jan 2026 10:00", "https://meet.example.com/abc-defg-hij", "Rita Recruiter", "Rita Recruiter\nTalent team", "Example GmbH");

    /// Every variable a template reads, as "object.field" (or just "object" when it reads a whole object), except the
    /// template's own: a `for` loop's variable (and `forloop`) inside its loop, an `assign`ed name after its `assign`.
    private sealed class VariableCollector : AstVisitor
    {
        /// The template's own names in scope where the visitor is; a count, as loops may nest with the same name.
        private readonly Dictionary<string, int> _own = [];
        public List<string> Names { get; } = [];
        public List<string> Filters { get; } = [];
        public List<string> Tags { get; } = [];

        protected override Statement VisitCaptureStatement(CaptureStatement captureStatement) => Refuse("capture", captureStatement);
        protected override Statement VisitIfChangedStatement(IfChangedStatement ifChangedStatement) => Refuse("ifchanged", ifChangedStatement);
        protected override Statement VisitIncludeStatement(IncludeStatement includeStatement) => Refuse("include", includeStatement);
        protected override Statement VisitRenderStatement(RenderStatement renderStatement) => Refuse("render", renderStatement);

        private Statement Refuse(string tag, Statement statement)
        {
            Tags.Add(tag);
            return statement;
        }

        protected override Expression VisitFilterExpression(FilterExpression filterExpression)
        {
            Filters.Add(filterExpression.Name);
            return base.VisitFilterExpression(filterExpression);
        }

        protected override Statement VisitForStatement(ForStatement forStatement)
        {
            Visit(forStatement.Source);
            Visit(forStatement.Limit);
            Visit(forStatement.Offset);
            string[] loop = [forStatement.Identifier, "forloop"];
            foreach (var name in loop) _own[name] = _own.GetValueOrDefault(name) + 1;
            foreach (var statement in forStatement.Statements) Visit(statement);
            foreach (var name in loop) _own[name]--;
            Visit(forStatement.Else);
            return forStatement;
        }

        protected override Statement VisitAssignStatement(AssignStatement assignStatement)
        {
            Visit(assignStatement.Value); // `{% assign x = x %}` reads x before it is the template's own
            _own[assignStatement.Identifier] = 1 + _own.GetValueOrDefault(assignStatement.Identifier);
            return assignStatement;
        }

        protected override Expression VisitMemberExpression(MemberExpression memberExpression)
        {
            if (memberExpression.Segments.FirstOrDefault() is IdentifierSegment root && _own.GetValueOrDefault(root.Identifier) > 0)
                return base.VisitMemberExpression(memberExpression);
            Names.Add(string.Join('.', memberExpression.Segments.Select(s => s is IdentifierSegment id ? id.Identifier : "[]")));
            return base.VisitMemberExpression(memberExpression);
        }
    }
}
