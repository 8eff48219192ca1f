using Ats.Domain.Mail;
using Ats.Domain.Writes;
using Ats.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Ats.Tests.Domain;

/// Mail templates are Liquid rendered by Fluid; their variables are checked when a template is saved.
public sealed class MailTemplateTests : IAsyncLifetime
{
    private readonly TestDatabase _db = new();

    public Task InitializeAsync() => _db.InitializeAsync();

    public Task DisposeAsync() => _db.DisposeAsync();

    private static readonly MailValues Values = new("Ada", "Lovelace", "ada@example.com", "Backend Developer", "Berlin", "interview",
        "1 Dec 2026 10:00", "https://meet.example/abc", "Rolf Recruiter", "Rolf Recruiter, Talent Team", "Muster GmbH");

    [Fact]
    public void EveryVariableRenders()
    {
        var text = string.Join("|", MailTemplates.Variables.Select(v => $"{{{{ {v} }}}}"));

        var rendered = MailTemplates.Render(text, Values);

        Assert.Equal("Ada|Lovelace|Ada Lovelace|ada@example.com|Backend Developer|Berlin|interview|1 Dec 2026 10:00|https://meet.example/abc"
            + "|Rolf Recruiter|Rolf Recruiter, Talent Team|Muster GmbH", rendered);
        Assert.All(MailTemplates.Variables, v => Assert.Null(MailTemplates.Problem($"{{{{ {v} }}}}")));
    }

    [Theory]
    [InlineData("Hi {{ candidat.first_name }}", "candidat.first_name")]
    [InlineData("Call {{ candidate.phone }}", "candidate.phone")]
    [InlineData("{% if job.salary %}Pay{% endif %}", "job.salary")] // checked in branches that may never run
    [InlineData("{{ candidate }}", "candidate")]
    [InlineData("{{ salary | upcase }}", "salary")]
    public void UnknownVariablesAreRefusedByName(string text, string unknown)
    {
        Assert.Contains(unknown, MailTemplates.Problem(text));
    }

    [Theory]
    [InlineData("Hi {{ candidate.first_name | bogus_filter }}", "bogus_filter")]
    [InlineData("{{ job.title | upcase | shout }}", "shout")]
    public void UnknownFiltersAreRefusedByName(string text, string unknown)
    {
        Assert.Contains(unknown, MailTemplates.Problem(text));
    }

    [Fact]
    public void KnownFiltersAreFine() => Assert.Null(MailTemplates.Problem("{{ candidate.first_name | upcase }} {{ job.title | default: 'the role' }}"));

    [Fact]
    public void ALineBreakInAValueStaysALineBreakInTheHtmlPart() =>
        Assert.Contains("Rolf<br", MailComposer.Compose("Hi", "{{ recruiter.signature }}", Values with { RecruiterSignature = "Rolf\nTalent team" }).Html);

    [Theory]
    [InlineData("Hi {{ candidate.first_name")]
    [InlineData("{% if job.title %}no end")]
    public void BrokenTemplatesAreRefused(string text)
    {
        Assert.NotNull(MailTemplates.Problem(text));
    }

    [Fact]
    public void HtmlInVariablesIsEscapedInTheHtmlPart()
    {
        var hostile = Values with { CandidateFirstName = "<script>alert(1)</script>", JobTitle = "\"><img src=x onerror=alert(1)>" };

        var mail = MailComposer.Compose("Hello", "Hi {{ candidate.first_name }}, {{ job.title }}", hostile);

        Assert.DoesNotContain("<script", mail.Html);
        Assert.DoesNotContain("<img", mail.Html);
        Assert.Contains("&lt;script&gt;", mail.Html);
        Assert.Contains("<script>", mail.Text); // plain text stays as typed
    }

    [Theory]
    [MemberData(nameof(MarkdownTests.Attacks), MemberType = typeof(MarkdownTests))]
    public void NothingExecutableSurvivesInATemplateBodyOrInAValue(string attack)
    {
        var fromBody = MailComposer.Compose("Hello", $"Hi {{{{ candidate.first_name }}}}\n\n{attack}", Values);
        var fromValue = MailComposer.Compose("Hello", "Hi {{ candidate.first_name }}, {{ job.title }}", Values with { CandidateFirstName = attack, JobTitle = attack });

        SafeHtml.AssertNothingExecutable(fromBody.Html);
        SafeHtml.AssertNothingExecutable(fromValue.Html);
        Assert.Contains(attack, fromValue.Text); // the plain-text part is text: nothing there runs
    }

    [Fact]
    public void AComposedMailHasAOneLineSubjectTextAndHtml()
    {
        var mail = MailComposer.Compose("Your {{ job.title }}\ninterview", "Hi **{{ candidate.first_name }}**", Values);

        Assert.Equal("Your Backend Developer interview", mail.Subject);
        Assert.Equal("Hi **Ada**", mail.Text);
        Assert.Contains("<strong>Ada</strong>", mail.Html);
    }

    [Fact]
    public async Task ATemplateWithAnUnknownVariableIsNotSaved()
    {
        var error = await Assert.ThrowsAsync<ValidationException>(() => _db.Records.CreateAsync(_db.Recruiter,
            new EmailTemplate { Name = "Typo", Subject = "About {{ job.titel }}", Body = "Hi {{ candidate.first_name }}" }));

        Assert.Contains("job.titel", error.Errors["subject"][0]);
        await using var raw = _db.Raw();
        Assert.Equal(0, await raw.EmailTemplates.IgnoreQueryFilters().CountAsync());
    }
}
