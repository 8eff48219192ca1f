using Ats.Domain.Candidates;
using Ats.Domain.Common;
using Ats.Domain.Jobs;
using Ats.Domain.Mail;
using Ats.Domain.Notes;
using Ats.Domain.Pipeline;
using Ats.Domain.Tasks;
using Ats.Tests.Domain;
using Ats.Tests.Support;
using System.Globalization;
using Ats.Web.Components.Pages.Mail;
using Ats.Web.Components.Pages.Notes;
using Ats.Web.Components.Pages.Tasks;
using Ats.Web.Components.Pages.Templates;
using Bunit;
using Microsoft.EntityFrameworkCore;

namespace Ats.Tests.Components;

/// The parts of the candidate profile: notes, tasks and the template editor, against the real domain.
public sealed class ProfileComponentTests : MudTestContext
{
    private Candidate _candidate = default!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _candidate = await Database.Records.CreateAsync(Database.Recruiter, new Candidate { FirstName = "Ada", LastName = "Lovelace", Email = "ada@example.com" });
    }

    private Task<ApplicationNote> NoteAsync(Ats.Domain.Writes.Actor author, string body, bool pinned = false) =>
        Database.Records.CreateAsync(author, new ApplicationNote { ParentKind = ParentKind.Candidate, ParentId = _candidate.Id, Body = body, Pinned = pinned });

    private IRenderedComponent<NoteList> RenderNotes() =>
        Render<NoteList>(p => p.Add(n => n.Kind, ParentKind.Candidate).Add(n => n.ParentId, _candidate.Id));

    [Fact]
    public async Task PinnedNotesComeFirstThenTheNewestAndOnlyTheAuthorsOwnCanBeEditedOrDeleted()
    {
        using var _ = Culture.English();
        await NoteAsync(Database.Recruiter, "Mine, old");
        await NoteAsync(Database.Admin, "Alice's, pinned", pinned: true);
        await NoteAsync(Database.Admin, "Alice's, new");

        var notes = RenderNotes();
        await notes.WaitForStateAsync(() => notes.FindAll("[data-testid=note]").Count == 3);

        var rows = notes.FindAll("[data-testid=note]");
        Assert.Equal(["Alice's, pinned", "Alice's, new", "Mine, old"], rows.Select(r => r.QuerySelector(".markdown")!.TextContent.Trim()));
        Assert.Equal([false, false, true], rows.Select(r => r.QuerySelector("[data-testid=note-edit]") is not null));
        Assert.Equal([false, false, true], rows.Select(r => r.QuerySelector("[data-testid=note-delete]") is not null));
        Assert.All(rows, r => Assert.NotNull(r.QuerySelector("[data-testid=note-pin]")));
        Assert.Contains("Alice Admin", rows[0].QuerySelector("[data-testid=note-meta]")!.TextContent);
    }

    [Fact]
    public async Task ANoteWrittenHereIsSavedWithItsAuthor()
    {
        var notes = RenderNotes();
        await notes.WaitForStateAsync(() => notes.FindAll("[data-testid=notes-empty]").Count == 1);

        await notes.Find("textarea[data-testid=note-draft]").InputAsync(new() { Value = "Called, **keen** to start in May" });
        await notes.Find("[data-testid=note-add]").ClickAsync(new());

        await notes.WaitForStateAsync(() => notes.FindAll("[data-testid=note]").Count == 1);
        Assert.Equal("keen", notes.Find("[data-testid=note] strong").TextContent);
        await using var db = Database.Raw();
        Assert.Equal(Database.RecruiterA.Id, db.Notes.IgnoreQueryFilters().Single().AuthorId);
    }

    [Theory]
    [MemberData(nameof(MarkdownTests.Attacks), MemberType = typeof(MarkdownTests))]
    public async Task NothingExecutableInANoteReachesThePage(string attack)
    {
        await NoteAsync(Database.Recruiter, attack);

        var notes = RenderNotes();
        await notes.WaitForStateAsync(() => notes.FindAll("[data-testid=note] .markdown").Count == 1);

        SafeHtml.AssertNothingExecutable(notes.Find("[data-testid=note] .markdown").InnerHtml);
    }

    [Fact]
    public async Task ATaskCreatedOnAJobIsDueInTheUsersTimeZone()
    {
        using var _ = Culture.English();
        var job = await Database.Records.CreateAsync(Database.Recruiter, new Job { Title = "Backend Developer" });
        var tasks = Render<TaskPanel>(p => p.Add(t => t.Kind, ParentKind.Job).Add(t => t.ParentId, job.Id));
        await tasks.WaitForStateAsync(() => tasks.FindAll("[data-testid=tasks-none]").Count == 1);

        await tasks.Find("input[data-testid=task-new-title]").InputAsync(new() { Value = "Approve the ad" });
        await tasks.Find("input[data-testid=task-new-due]").ChangeAsync(new() { Value = "15/01/2030" });
        await tasks.Find("[data-testid=task-add]").ClickAsync(new());

        await tasks.WaitForStateAsync(() => tasks.FindAll("[data-testid=task-row]").Count == 1);
        await using var db = Database.Raw();
        var task = db.Tasks.IgnoreQueryFilters().Single();
        Assert.Equal((ParentKind.Job, job.Id, Database.RecruiterA.Id), (task.ParentKind, task.ParentId, task.AssignedTo));
        Assert.Equal(new DateTime(2030, 1, 15, 16, 0, 0, DateTimeKind.Utc), task.DueAt); // 17:00 in Berlin
    }

    [Fact]
    public async Task TheTemplateEditorPreviewsForTheLatestApplicantAndFlagsUnknownVariablesWhileTyping()
    {
        using var _ = Culture.English();
        var job = await Database.Records.CreateAsync(Database.Recruiter, new Job { Title = "Backend Developer" });
        await Database.Records.CreateAsync(Database.Recruiter, new Application { CandidateId = _candidate.Id, JobId = job.Id });
        var editor = Render<EmailTemplateEdit>();
        await editor.WaitForStateAsync(() => editor.FindAll("input[data-testid=template-subject]").Count == 1);

        await editor.Find("input[data-testid=template-name]").InputAsync(new() { Value = "Invitation" });
        await editor.Find("input[data-testid=template-subject]").InputAsync(new() { Value = "{{ job.title }} at {{ company.name }}" });
        await editor.Find("textarea[data-testid=template-body]").InputAsync(new() { Value = "Hi {{ candidate.first_name }}, see you {{ interview.tme }}" });

        await editor.WaitForStateAsync(() => editor.FindAll(".mud-input-error").Any(e => e.TextContent.Contains("interview.tme")));
        Assert.Empty(editor.FindAll("[data-testid=preview-body]"));

        await editor.Find("textarea[data-testid=template-body]").InputAsync(new() { Value = "Hi {{ candidate.first_name }}, <b>welcome</b>" });
        await editor.WaitForStateAsync(() => editor.FindAll("[data-testid=preview-body]").Count == 1);
        Assert.Equal("Backend Developer at Tenant A", editor.Find("[data-testid=preview-subject]").TextContent.Trim());
        Assert.Contains("Hi Ada,", editor.Find("[data-testid=preview-body]").TextContent);
        SafeHtml.AssertNothingExecutable(editor.Find("[data-testid=preview-body]").InnerHtml);
    }

    [Fact]
    public async Task ThePreviewIsHeldToTheTemplateLimitsAndSaysWhichOneWasHit()
    {
        using var _ = Culture.English();
        var job = await Database.Records.CreateAsync(Database.Recruiter, new Job { Title = "Backend Developer" });
        await Database.Records.CreateAsync(Database.Recruiter, new Application { CandidateId = _candidate.Id, JobId = job.Id });
        var editor = Render<EmailTemplateEdit>();
        await editor.WaitForStateAsync(() => editor.FindAll("input[data-testid=template-subject]").Count == 1);
        await editor.Find("input[data-testid=template-subject]").InputAsync(new() { Value = "Hello" });

        // Valid Liquid with known variables only, but a hundred million rounds: it used to hold the circuit and gigabytes.
        await editor.Find("textarea[data-testid=template-body]").InputAsync(new() { Value = "{% for i in (1..100000000) %}{{ candidate.first_name }}{% endfor %}" });

        await editor.WaitForStateAsync(() => editor.FindAll("[data-testid=preview-problem]").Count == 1, TimeSpan.FromSeconds(30));
        Assert.Contains("10,000 steps", editor.Find("[data-testid=preview-problem]").TextContent);
        Assert.Empty(editor.FindAll("[data-testid=preview-body]"));
    }

    [Fact]
    public async Task SavingATemplateOverTheLimitsIsRefusedInTheFormAndStoresNothing()
    {
        using var _ = Culture.English();
        var editor = Render<EmailTemplateEdit>();
        await editor.WaitForStateAsync(() => editor.FindAll("input[data-testid=template-subject]").Count == 1);
        await editor.Find("input[data-testid=template-name]").InputAsync(new() { Value = "Loop" });
        await editor.Find("input[data-testid=template-subject]").InputAsync(new() { Value = "Hello" });
        await editor.Find("textarea[data-testid=template-body]").InputAsync(new() { Value = "{% for i in (1..100000000) %}x{% endfor %}" });

        await editor.Find("[data-testid=template-save]").ClickAsync(new());

        await using var db = Database.Raw();
        Assert.False(await db.EmailTemplates.IgnoreQueryFilters().AnyAsync());
        Assert.Contains(editor.FindAll(".mud-input-error"), e => e.TextContent.Contains("10,000 steps"));
    }

    [Fact]
    public async Task ARefusedSaveNamesTheTemplateLimitOnceNotAlsoInThePreview()
    {
        using var _ = Culture.English();
        var job = await Database.Records.CreateAsync(Database.Recruiter, new Job { Title = "Backend Developer" });
        await Database.Records.CreateAsync(Database.Recruiter, new Application { CandidateId = _candidate.Id, JobId = job.Id });
        var editor = Render<EmailTemplateEdit>();
        await editor.WaitForStateAsync(() => editor.FindAll("input[data-testid=template-subject]").Count == 1);
        await editor.Find("input[data-testid=template-name]").InputAsync(new() { Value = "Loop" });
        await editor.Find("input[data-testid=template-subject]").InputAsync(new() { Value = "Hello" });
        await editor.Find("textarea[data-testid=template-body]").InputAsync(new() { Value = "{% for i in (1..100000000) %}{{ candidate.first_name }}{% endfor %}" });
        await editor.WaitForStateAsync(() => editor.FindAll("[data-testid=preview-problem]").Count == 1, TimeSpan.FromSeconds(30));

        await editor.Find("[data-testid=template-save]").ClickAsync(new());

        await editor.WaitForStateAsync(() => editor.FindAll(".mud-input-error").Any(e => e.TextContent.Contains("10,000 steps")));
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(editor.Markup, "10,000 steps"));
    }

    [Fact]
    public async Task SavingATemplateWithAnUnknownVariableIsRefusedAndStoresNothing()
    {
        using var _ = Culture.English();
        var editor = Render<EmailTemplateEdit>();
        await editor.WaitForStateAsync(() => editor.FindAll("input[data-testid=template-subject]").Count == 1);
        await editor.Find("input[data-testid=template-name]").InputAsync(new() { Value = "Broken" });
        await editor.Find("input[data-testid=template-subject]").InputAsync(new() { Value = "Hello" });
        await editor.Find("textarea[data-testid=template-body]").InputAsync(new() { Value = "Your salary: {{ offer.salary }}" });

        await editor.Find("[data-testid=template-save]").ClickAsync(new());

        await using var db = Database.Raw();
        Assert.False(await db.EmailTemplates.IgnoreQueryFilters().AnyAsync());
        Assert.Contains(editor.FindAll(".mud-input-error"), e => e.TextContent.Contains("offer.salary"));
    }

    [Fact]
    public async Task ALiveUpdateCausedBySomeoneElseKeepsTheViewersLanguage()
    {
        using var _ = Culture.German();
        var messages = Render<MessageList>(p => p.Add(m => m.CandidateId, _candidate.Id));
        await messages.WaitForStateAsync(() => messages.FindAll("[data-testid=messages-empty]").Count == 1);

        await Task.Run(() =>
        {
            // The outbox, or an API call, runs in a culture of its own.
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("en-US");
            return Database.Records.CreateAsync(Database.Recruiter, new Message { CandidateId = _candidate.Id, Subject = "Hallo", Body = "Hi", Status = MessageStatus.Draft });
        });

        await messages.WaitForStateAsync(() => messages.FindAll("[data-testid=message]").Count == 1);
        Assert.Equal("E-Mail schreiben", messages.Find("[data-testid=compose-email]").TextContent.Trim());
        Assert.Equal("Entwurf", messages.Find("[data-testid=message-status]").TextContent.Trim());
    }

    [Fact]
    public async Task TheProfileListsTheNotesAndTasksOfTheCandidatesApplicationsWithTheirJob()
    {
        using var _ = Culture.English();
        var job = await Database.Records.CreateAsync(Database.Recruiter, new Job { Title = "Backend Developer" });
        var application = await Database.Records.CreateAsync(Database.Recruiter, new Application { CandidateId = _candidate.Id, JobId = job.Id });
        await Database.Records.CreateAsync(Database.Recruiter, new ApplicationNote { ParentKind = ParentKind.Application, ParentId = application.Id, Body = "Phone screen went well" });
        await Database.Records.CreateAsync(Database.Recruiter, new TaskItem { Title = "Send the case study", ParentKind = ParentKind.Application, ParentId = application.Id });
        await NoteAsync(Database.Recruiter, "About the person");

        var notes = Render<NoteList>(p => p.Add(n => n.Kind, ParentKind.Candidate).Add(n => n.ParentId, _candidate.Id).Add(n => n.WithApplications, true));
        var tasks = Render<TaskPanel>(p => p.Add(t => t.Kind, ParentKind.Candidate).Add(t => t.ParentId, _candidate.Id).Add(t => t.WithApplications, true));

        await notes.WaitForStateAsync(() => notes.FindAll("[data-testid=note]").Count == 2);
        await tasks.WaitForStateAsync(() => tasks.FindAll("[data-testid=task-row]").Count == 1);
        Assert.Contains("Backend Developer", notes.FindAll("[data-testid=note]").Single(n => n.TextContent.Contains("Phone screen")).TextContent);
        Assert.Contains("Backend Developer", tasks.Find("[data-testid=task-row]").TextContent);
    }
}
