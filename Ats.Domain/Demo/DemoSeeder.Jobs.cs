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

/// The demo's jobs, their sources and the team that hires for them.
public sealed partial class DemoSeeder
{
    private sealed partial class Builder
    {
        private void AddUsers(IReadOnlyDictionary<string, Guid> roleIds)
        {
            foreach (var spec in DemoData.Users)
            {
                var user = new AppUser
                {
                    TenantId = tenantId,
                    Email = spec.Email,
                    UserName = spec.Email,
                    NormalizedEmail = spec.Email.ToUpperInvariant(),
                    NormalizedUserName = spec.Email.ToUpperInvariant(),
                    EmailConfirmed = true,
                    SecurityStamp = Guid.NewGuid().ToString("N"),
                    ConcurrencyStamp = Guid.NewGuid().ToString(),
                    DisplayName = spec.DisplayName,
                    MailSignature = spec.Role == Roles.HiringManager ? null : $"{spec.DisplayName}\nTalent Acquisition · Muster GmbH\nhttps://muster.example/karriere",
                    CreatedAt = now.AddDays(-120),
                };
                users[spec.Key] = user;
                Rows.Add(user);
                Rows.Add(new IdentityUserRole<Guid> { UserId = user.Id, RoleId = roleIds[spec.Role] });
            }
        }

        private void AddSources()
        {
            foreach (var (name, kind, _) in DemoData.Sources)
                sources.Add(Add(new Source { Name = name, Kind = kind }, now.AddDays(-110)));
        }

        private void AddJobs()
        {
            foreach (var spec in DemoData.Jobs)
            {
                var created = now.AddDays(-spec.AgeDays).AddMinutes(-rng.Next(0, 600));
                var updated = spec.Status switch
                {
                    JobStatus.Closed => now.AddDays(-18),
                    JobStatus.Paused => now.AddDays(-9),
                    _ => Min(created.AddDays(Uniform(0, 3)), now),
                };
                var recruiter = users["recruiter"];
                var job = new Job
                {
                    Title = spec.Title,
                    Department = spec.Department,
                    Location = spec.Workplace == WorkplaceType.Remote ? $"Remote ({DemoData.Country})" : spec.City,
                    EmploymentType = spec.Employment,
                    Status = spec.Status,
                    Slug = spec.Slug,
                    Description = Describe(spec),
                    FitProfile = new FitProfile
                    {
                        Requirements = spec.Requirements.Select(r => new FitRequirement(r.Text, r.Weight, [.. r.Keywords])).ToList(),
                        KnockoutCriteria = spec.Knockouts.Select(k => new KnockoutCriterion(k.Text, [.. k.Keywords])).ToList(),
                    },
                    HiringManagerIds = spec.HiringManagers.Select(k => users[k].Id).ToList(),
                    InterviewerIds = spec.Interviewers.Select(k => users[k].Id).ToList(),
                    Industry = "E-Commerce",
                    JobCode = spec.Code,
                    WorkplaceType = spec.Workplace,
                    Address = spec.Address,
                    City = spec.City,
                    StateName = spec.State,
                    ZipCode = spec.Zip,
                    Country = DemoData.Country,
                    Duration = spec.Duration,
                    PostingDate = spec.Status == JobStatus.Draft ? null : DateOnly.FromDateTime(created.AddDays(1)),
                    PayFrequency = "yearly",
                    MinPayRate = spec.MinPay,
                    MaxPayRate = spec.MaxPay,
                    PayRateCurrency = "EUR",
                    RecruiterName = recruiter.DisplayName,
                    RecruiterEmail = recruiter.Email,
                    RecruiterWorkPhoneNo = DemoData.RecruiterPhone,
                };
                if (spec.Employment == EmploymentType.Temporary)
                {
                    job.StartDate = FirstOfMonth(now.AddMonths(2));
                    job.EndDate = job.StartDate.Value.AddMonths(18).AddDays(-1);
                }
                Add(job, created, updated);
                jobs.Add((job, spec));
                jobById[job.Id] = (job, spec);
            }
        }

        private static string Describe(JobSpec spec)
        {
            var (about, tasks, profile, offer, aboutText, benefits, closing) = spec.German
                ? ("Über uns", "Deine Aufgaben", "Dein Profil", "Was wir bieten", DemoData.AboutUsDe[0], DemoData.BenefitsDe,
                    "Wir freuen uns auf deine Bewerbung – gern mit Gehaltsvorstellung und frühestmöglichem Eintrittstermin.")
                : ("About us", "What you will do", "What you bring", "What we offer", DemoData.AboutUsEn[0], DemoData.BenefitsEn,
                    "We look forward to your application, ideally with your salary expectations and earliest start date.");
            var text = new StringBuilder();
            text.Append("## ").AppendLine(about).AppendLine(aboutText).AppendLine();
            AppendList(text, tasks, spec.Tasks);
            AppendList(text, profile, spec.Profile);
            AppendList(text, offer, benefits);
            text.Append(closing);
            return text.ToString();
        }

        private static void AppendList(StringBuilder text, string heading, IEnumerable<string> items)
        {
            text.Append("## ").AppendLine(heading);
            foreach (var item in items) text.Append("- ").AppendLine(item);
            text.AppendLine();
        }
    }
}
