using Ats.Domain.Candidates;
using Ats.Domain.Interviews;
using Ats.Domain.Jobs;
using Ats.Domain.Mail;
using Ats.Domain.Notes;
using Ats.Domain.Offers;
using Ats.Domain.Pipeline;
using Ats.Domain.Scorecards;
using Ats.Domain.Sources;
using Ats.Domain.Tasks;
using static Ats.Domain.Models.FieldFlags;

namespace Ats.Domain.Models;

/// The 11 public models and their wire contract, the one place where a field's name, length and flags are declared
/// (see docs/models.md).
public static class ModelCatalog
{
    public static readonly ModelDescriptor Job = new ModelBuilder<Job>("job")
        .Field(j => j.Title, Required | Sortable | Searchable, maxLength: 200)
        .Field(j => j.Department, Filterable | Sortable | Searchable, maxLength: 100)
        .Field(j => j.Location, Filterable | Sortable | Searchable, maxLength: 200)
        .Field(j => j.EmploymentType, Filterable)
        .Field(j => j.Status, Required | Filterable | Sortable)
        .Field(j => j.Slug, Filterable, maxLength: 120, format: FieldFormat.Slug)
        .Field(j => j.Description, maxLength: 50_000, multiLine: true)
        .Field(j => j.FitProfile)
        .Field(j => j.HiringManagerIds)
        .Field(j => j.InterviewerIds)
        .Field(j => j.HiringManagersSeeSalaries)
        .Field(j => j.ExternalId, Filterable, maxLength: 200)
        .Field(j => j.ClientName, Filterable | Searchable, maxLength: 200)
        .Field(j => j.Industry, Filterable, maxLength: 100)
        .Field(j => j.JobCode, Filterable | Searchable, maxLength: 64)
        .Field(j => j.WorkplaceType, Filterable)
        .Field(j => j.Address, maxLength: 300)
        .Field(j => j.City, Filterable | Sortable, maxLength: 100)
        .Field(j => j.StateName, Filterable, maxLength: 100)
        .Field(j => j.ZipCode, maxLength: 20)
        .Field(j => j.Country, Filterable, maxLength: 100)
        .Field(j => j.Duration, maxLength: 100)
        .Field(j => j.StartDate, Sortable)
        .Field(j => j.EndDate, Sortable)
        .Field(j => j.PostingDate, Sortable)
        .Field(j => j.PayFrequency, maxLength: 32)
        .Field(j => j.MinPayRate)
        .Field(j => j.MaxPayRate)
        .Field(j => j.PayRateCurrency, maxLength: 3, format: FieldFormat.Currency)
        .Field(j => j.RecruiterName, maxLength: 200)
        .Field(j => j.RecruiterEmail, maxLength: 254, format: FieldFormat.Email)
        .Field(j => j.RecruiterWorkPhoneNo, maxLength: 50)
        .Build();

    public static readonly ModelDescriptor Candidate = new ModelBuilder<Candidate>("candidate")
        .Field(c => c.FirstName, Required | Sortable | Searchable, maxLength: 100)
        .Field(c => c.LastName, Sortable | Searchable, maxLength: 100)
        .Field(c => c.Email, Required | Filterable | Sortable | Searchable, maxLength: 254, format: FieldFormat.Email)
        .Field(c => c.Phone, Searchable, maxLength: 50)
        .Field(c => c.SourceId, Filterable)
        .Field(c => c.City, Filterable | Sortable | Searchable, maxLength: 100)
        .Field(c => c.StateName, Filterable, maxLength: 100)
        .Field(c => c.Country, Filterable | Sortable, maxLength: 100)
        .Field(c => c.Address, maxLength: 200)
        .Field(c => c.ZipCode, maxLength: 20)
        .Field(c => c.Language, Filterable, maxLength: 2)
        .Field(c => c.LinkedinUrl, maxLength: 500, format: FieldFormat.Url)
        .Field(c => c.PortfolioUrl, maxLength: 500, format: FieldFormat.Url)
        .Field(c => c.Tags)
        .Field(c => c.Skills)
        .Field(c => c.GdprConsent, Filterable)
        .Field(c => c.ConsentGivenAt, ReadOnly)
        .Field(c => c.RetentionUntil, Sortable)
        .Field(c => c.AnonymizedAt, ReadOnly)
        .Field(c => c.ExternalId, Filterable, maxLength: 200)
        .Build();

    public static readonly ModelDescriptor Application = new ModelBuilder<Application>("application")
        .Field(a => a.CandidateId, Required | Filterable)
        .Field(a => a.JobId, Required | Filterable)
        .Field(a => a.Stage, Filterable | Sortable)
        .Field(a => a.KanbanPosition, Sortable, maxLength: 64)
        .Field(a => a.FitScore, ReadOnly | Sortable)
        .Field(a => a.FitExplanation, ReadOnly)
        .Field(a => a.SourceId, Filterable)
        .Field(a => a.CoverLetterUrl, maxLength: 2000, format: FieldFormat.Url)
        .Field(a => a.ResumeUrl, maxLength: 2000, format: FieldFormat.Url)
        .Field(a => a.RejectionReason, maxLength: 2000, multiLine: true)
        .Field(a => a.StageChangedAt, ReadOnly | Sortable)
        .Field(a => a.ExternalId, Filterable, maxLength: 200)
        .Build();

    public static readonly ModelDescriptor ApplicationNote = new ModelBuilder<ApplicationNote>("application_note")
        .Field(n => n.ParentKind, Required | Filterable)
        .Field(n => n.ParentId, Required | Filterable)
        .Field(n => n.Body, Required | Searchable, maxLength: 20_000, multiLine: true)
        .Field(n => n.Pinned, Filterable)
        .Field(n => n.AuthorId, ReadOnly | Filterable)
        .Field(n => n.EditedAt, ReadOnly)
        .Build();

    public static readonly ModelDescriptor EmailTemplate = new ModelBuilder<EmailTemplate>("email_template")
        .Field(t => t.Name, Required | Sortable | Searchable, maxLength: 200)
        .Field(t => t.Subject, Required | Searchable, maxLength: 300)
        .Field(t => t.Body, Required, maxLength: 50_000, multiLine: true)
        .Field(t => t.Stage, Filterable)
        .Field(t => t.Active, Filterable)
        .Build();

    public static readonly ModelDescriptor Scorecard = new ModelBuilder<Scorecard>("evaluation")
        .Field(e => e.ApplicationId, Required | Filterable)
        .Field(e => e.InterviewId, Filterable)
        .Field(e => e.InterviewerId, ReadOnly | Filterable)
        .Field(e => e.Skills, range: (1, 5))
        .Field(e => e.Culture, range: (1, 5))
        .Field(e => e.Communication, range: (1, 5))
        .Field(e => e.Recommendation, Required | Filterable)
        .Field(e => e.Note, maxLength: 20_000, multiLine: true)
        .Field(e => e.SubmittedAt, Sortable)
        .Field(e => e.AmendedAt, ReadOnly | Sortable)
        .Field(e => e.Amendments, ReadOnly)
        .Field(e => e.AmendmentReason, WriteOnly, maxLength: 2000, multiLine: true)
        .Build();

    public static readonly ModelDescriptor Interview = new ModelBuilder<Interview>("interview")
        .Field(i => i.ApplicationId, Required | Filterable)
        .Field(i => i.Kind, Required | Filterable)
        .Field(i => i.StartsAt, Required | Sortable)
        .Field(i => i.DurationMinutes, Required, range: (5, 24 * 60))
        .Field(i => i.InterviewerIds)
        .Field(i => i.MeetingLink, maxLength: 2000, format: FieldFormat.Url)
        .Field(i => i.Room, maxLength: 200)
        .Field(i => i.Status, Filterable)
        .Field(i => i.InviteNote, maxLength: 5000, multiLine: true)
        .Build();

    public static readonly ModelDescriptor Message = new ModelBuilder<Message>("message")
        .Field(m => m.CandidateId, Required | Filterable)
        .Field(m => m.ApplicationId, Filterable)
        .Field(m => m.Channel, Filterable)
        .Field(m => m.Subject, Searchable, maxLength: 300)
        .Field(m => m.Body, Required, maxLength: 100_000, multiLine: true)
        .Field(m => m.Status, Filterable)
        .Field(m => m.TemplateId, Filterable)
        .Field(m => m.SentAt, Sortable)
        .Field(m => m.ReadAt)
        .Field(m => m.Error, ReadOnly)
        .Field(m => m.OfferId, ReadOnly | Filterable)
        .Field(m => m.InterviewId, ReadOnly | Filterable)
        .Field(m => m.RecipientUserId, ReadOnly)
        .Build();

    public static readonly ModelDescriptor Offer = new ModelBuilder<Offer>("offer")
        .Field(o => o.ApplicationId, Required | Filterable)
        .Field(o => o.GrossSalary, Required)
        .Field(o => o.Currency, maxLength: 3, format: FieldFormat.Currency)
        .Field(o => o.Bonus)
        .Field(o => o.StartDate, Required | Sortable)
        .Field(o => o.Term)
        .Field(o => o.EndDate)
        .Field(o => o.Status, Filterable)
        .Field(o => o.SentAt, ReadOnly | Sortable)
        .Field(o => o.RespondedAt, ReadOnly)
        .Build();

    public static readonly ModelDescriptor Source = new ModelBuilder<Source>("source")
        .Field(s => s.Name, Required | Sortable | Searchable, maxLength: 100)
        .Field(s => s.Kind, Required | Filterable)
        .Build();

    public static readonly ModelDescriptor Task = new ModelBuilder<TaskItem>("task")
        .Field(t => t.Title, Required | Sortable | Searchable, maxLength: 300)
        .Field(t => t.ParentKind, Filterable)
        .Field(t => t.ParentId, Filterable)
        .Field(t => t.DueAt, Sortable)
        .Field(t => t.AssignedTo, Filterable)
        .Field(t => t.Completed, Filterable)
        .Field(t => t.CompletedAt)
        .Build();

    public static readonly IReadOnlyList<ModelDescriptor> All =
        [Job, Candidate, Application, ApplicationNote, EmailTemplate, Scorecard, Interview, Message, Offer, Source, Task];

    private static readonly Dictionary<string, ModelDescriptor> ByName = All.ToDictionary(m => m.Name);
    private static readonly Dictionary<Type, ModelDescriptor> ByType = All.ToDictionary(m => m.EntityType);

    public static ModelDescriptor? Find(string name) => ByName.GetValueOrDefault(name);
    public static ModelDescriptor For<T>() => ByType[typeof(T)];
    public static ModelDescriptor For(Type entityType) => ByType[entityType];
}
