using Ats.Domain.Mail;
using Ats.Tests.Support;

namespace Ats.Tests.Mail;

/// A template's own names (a `for` variable inside its loop, an `assign`ed name after it) are not unknown variables;
/// outside their scope they are, as is every name not in the fixed list.
public sealed class TemplateVariableTests
{
    public static TheoryData<string> Allowed => new()
    {
        "{% for i in (1..3) %}{{ i }}{% endfor %}",
        "{% for i in (1..3) %}{{ forloop.index }}: {{ i | plus: 1 }}{% endfor %}",
        "{% for i in (1..2) %}{% for j in (1..2) %}{{ i }}{{ j }}{% endfor %}{{ i }}{% endfor %}",
        "{% for i in (1..2) %}{% for i in (1..2) %}{{ i }}{% endfor %}{{ i }}{% endfor %}",
        "{% assign greeting = 'Hello' %}{{ greeting }} {{ candidate.first_name }}",
        "{% assign name = candidate.name | upcase %}{% if name %}{{ name }}{% endif %}",
        "{% for i in (1..2) %}{% assign last = i %}{% endfor %}{{ last }}",
        "{% assign n = 2 %}{% for i in (1..n) %}{{ i }}{% endfor %}",
        "{% for i in (1..2) %}{% if forloop.first %}{{ candidate.first_name }}{% endif %}{% endfor %}",
    };

    public static TheoryData<string, string> Unknown => new()
    {
        { "{% for i in (1..3) %}{% endfor %}{{ i }}", "i" },
        { "{% for i in (1..3) %}{% endfor %}{{ forloop.index }}", "forloop.index" },
        { "{{ greeting }}{% assign greeting = 'Hello' %}", "greeting" },
        { "{% assign x = x %}", "x" },
        { "{% for i in (1..3) %}{{ j }}{% endfor %}", "j" },
        { "{% for i in (1..total) %}{{ i }}{% endfor %}", "total" },
        { "{% for i in (1..3) %}{{ candidate.frist_name }}{% endfor %}", "candidate.frist_name" },
    };

    [Theory]
    [MemberData(nameof(Allowed))]
    public void ATemplatesOwnNamesAreAllowedInTheirScope(string template)
    {
        Assert.Null(MailTemplates.Problem(template));
        Assert.Null(MailTemplates.RenderProblem(template));
    }

    [Theory]
    [MemberData(nameof(Unknown))]
    public void NamesOutsideTheirScopeAreUnknown(string template, string name)
    {
        using var _ = Culture.English();
        Assert.Equal(Ats.Domain.Resources.Messages.UnknownTemplateVariables(name), MailTemplates.Problem(template));
    }
}
