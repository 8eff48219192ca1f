using System.Globalization;
using System.Text;
using Ats.Domain.Candidates;
using Ats.Domain.Common;
using Ats.Domain.Data;
using Ats.Domain.Identity;
using Ats.Domain.Interviews;
using Ats.Domain.Jobs;
using Ats.Domain.Mail;
using Ats.Domain.Notes;
using Ats.Domain.Offers;
using Ats.Domain.Pipeline;
using Ats.Domain.Scorecards;
using Ats.Domain.Sources;
using Ats.Domain.Tasks;
using Ats.Domain.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Ats.Domain.Demo;

/// The demo's templates and the mail sent with them.
public sealed partial class DemoSeeder
{
    private sealed partial class Builder
    {
        private void AddTemplates()
        {
            foreach (var spec in DemoData.Templates)
            {
                var created = now.AddDays(-Uniform(100, 110));
                var template = new EmailTemplate { Name = spec.Name, Subject = spec.Subject, Body = spec.Body, Stage = spec.Stage, Active = spec.Active };
                templates[spec.Key] = Add(template, created, spec.Active ? created : now.AddDays(-30));
            }
        }

        private void AddMessages()
        {
            void FromTemplate(string key, IEnumerable<Application> targets, int count, Func<Application, DateTime> sentAt)
            {
                foreach (var application in PickSome(targets.ToList(), count))
                {
                    var template = templates[key];
                    AddEmail(application, Render(template.Subject, application), Render(template.Body, application), template.Id, sentAt(application));
                }
            }

            FromTemplate("received", applications, 12, a => a.CreatedAt.AddMinutes(rng.Next(2, 30)));
            FromTemplate("interview", applications.Where(a => a.Stage == Stage.Interview), 8, a => a.StageChangedAt.AddMinutes(5));
            FromTemplate("rejected", applications.Where(a => a.Stage == Stage.Rejected), 8, a => a.StageChangedAt.AddMinutes(3));
            FromTemplate("talent_pool", applications.Where(a => a.Stage == Stage.TalentPool), 3, a => a.StageChangedAt.AddMinutes(4));
            var sentOffers = offers.Where(o => o.SentAt is not null).ToDictionary(o => o.ApplicationId, o => o.SentAt!.Value);
            FromTemplate("offer", applications.Where(a => sentOffers.ContainsKey(a.Id)), 3, a => sentOffers[a.Id]);

            foreach (var (subject, body) in DemoData.FreeEmails)
            {
                var application = Pick(applications.Where(a => a.Stage is Stage.Review or Stage.Screening).ToList());
                AddEmail(application, subject, Fill(body, application), null, Between(application.CreatedAt, now.AddHours(-1)));
            }

            foreach (var (subject, body) in DemoData.CallNotes)
            {
                var application = Pick(applications.Where(a => a.Stage is Stage.Screening or Stage.Interview).ToList());
                var at = Between(application.CreatedAt, now.AddHours(-1));
                Add(new Message
                {
                    CandidateId = application.CandidateId,
                    ApplicationId = application.Id,
                    Channel = MessageChannel.Note,
                    Subject = subject,
                    Body = Fill(body, application),
                    Status = MessageStatus.Sent,
                    SentAt = at,
                }, at);
            }
        }

        private void AddEmail(Application application, string subject, string body, Guid? templateId, DateTime sentAt)
        {
            sentAt = Min(sentAt, now.AddMinutes(-1));
            var readAt = Chance(0.5) ? Min(sentAt.AddHours(Uniform(0.5, 30)), now) : (DateTime?)null;
            Add(new Message
            {
                CandidateId = application.CandidateId,
                ApplicationId = application.Id,
                Channel = MessageChannel.Email,
                Subject = subject,
                Body = body,
                Status = MessageStatus.Sent,
                TemplateId = templateId,
                SentAt = sentAt,
                ReadAt = readAt,
            }, sentAt, readAt);
        }

        private string Render(string text, Application application)
        {
            var (candidate, job) = (candidateById[application.CandidateId], jobById[application.JobId].Job);
            return MailTemplates.Render(text, new MailValues(candidate.FirstName, candidate.LastName, candidate.Email, job.Title, job.Location,
                SnakeCase<Stage>.Name(application.Stage), null, null, users["recruiter"].DisplayName, null, TenantName));
        }

        private string Fill(string text, Application application) => Fill(text, candidateById[application.CandidateId], jobById[application.JobId].Job);

        private static string Fill(string text, Candidate? candidate, Job? job) => text
            .Replace("{first}", candidate?.FirstName)
            .Replace("{name}", candidate?.FullName)
            .Replace("{job}", job?.Title);
    }
}
