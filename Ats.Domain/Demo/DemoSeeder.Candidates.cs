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

/// The demo's candidates and their applications, spread over the stages.
public sealed partial class DemoSeeder
{
    private sealed partial class Builder
    {
        private void AddCandidatesAndApplications()
        {
            var withApplications = jobs.Where(j => j.Spec.Weight > 0).ToList();
            var names = new HashSet<string>();
            var emails = new HashSet<string>();
            var planned = new List<(Candidate Candidate, Job Job)>();
            var twoJobs = Shuffle(Enumerable.Range(0, CandidateCount).ToList()).Take(SecondApplications).ToHashSet();

            for (var i = 0; i < CandidateCount; i++)
            {
                var primary = Weighted(withApplications, j => j.Spec.Weight);
                var candidate = NewCandidate(primary, names, emails);
                candidates.Add(candidate);
                candidateById[candidate.Id] = candidate;
                planned.Add((candidate, primary.Job));
                if (!twoJobs.Contains(i)) continue;
                // People tend to apply to a second role in the same department.
                var sameDepartment = withApplications.Where(j => j.Spec.Department == primary.Spec.Department && j.Job != primary.Job).ToList();
                var second = sameDepartment.Count > 0 && Chance(0.7)
                    ? Pick(sameDepartment)
                    : Weighted(withApplications.Where(j => j.Job != primary.Job).ToList(), j => j.Spec.Weight);
                planned.Add((candidate, second.Job));
            }

            var openCount = planned.Count(p => p.Job.Status == JobStatus.Open);
            var openDeck = new Queue<Stage>(StageDeck(openCount));
            var closedHired = false;
            foreach (var (candidate, job) in planned)
            {
                var stage = job.Status switch
                {
                    JobStatus.Open => openDeck.Dequeue(),
                    JobStatus.Paused => Weighted(PausedJobStages, s => s.Weight).Stage,
                    _ when !closedHired => Stage.Hired,
                    _ => Chance(0.65) ? Stage.Rejected : Stage.TalentPool,
                };
                closedHired |= job.Status == JobStatus.Closed;
                applications.Add(NewApplication(candidate, jobById[job.Id], stage));
            }

            foreach (var candidate in candidates)
            {
                var own = applications.Where(a => a.CandidateId == candidate.Id).ToList();
                var created = own.Min(a => a.CreatedAt);
                if (candidate.GdprConsent) candidate.ConsentGivenAt = created;
                Add(candidate, created, own.Max(a => a.StageChangedAt));
            }

            // Ranks follow the order in which cards entered their column.
            foreach (var column in applications.GroupBy(a => (a.JobId, a.Stage)))
            {
                var cards = column.OrderBy(a => a.StageChangedAt).ToList();
                var ranks = Rank.Spread(cards.Count);
                for (var i = 0; i < cards.Count; i++) cards[i].KanbanPosition = ranks[i];
            }
        }

        /// Stages for the open jobs in fixed proportions, so every column has cards whatever the seed.
        private List<Stage> StageDeck(int count)
        {
            var deck = OpenJobStages.SelectMany(s => Enumerable.Repeat(s.Stage, Math.Max(1, count * s.Weight / 100))).ToList();
            while (deck.Count < count) deck.Add(Stage.New);
            return Shuffle(deck).Take(count).ToList();
        }

        private Candidate NewCandidate((Job Job, JobSpec Spec) primary, HashSet<string> names, HashSet<string> emails)
        {
            string first, last;
            do
            {
                var origin = Weighted(DemoData.Origins, o => o.Weight);
                first = Pick(origin.FirstNames);
                // Some families mix origins.
                last = Chance(0.88) ? Pick(origin.LastNames) : Pick(Weighted(DemoData.Origins, o => o.Weight).LastNames);
            } while (!names.Add($"{first} {last}"));

            var (f, l) = (Ascii(first), Ascii(last));
            var local = rng.Next(10) switch
            {
                < 6 => $"{f}.{l}",
                < 8 => $"{f[0]}.{l}",
                8 => $"{f}{l}",
                _ => $"{f}.{l}{rng.Next(70, 100)}",
            };
            var domain = Pick(DemoData.EmailDomains);
            var email = $"{local}@{domain}";
            for (var n = 2; !emails.Add(email); n++) email = $"{local}{n}@{domain}";

            var source = Weighted(DemoData.Sources, s => s.Weight);
            var sourceRow = sources.Single(s => s.Kind == source.Kind);
            var city = primary.Spec.Workplace != WorkplaceType.Remote && Chance(0.55)
                ? DemoData.Cities.First(c => c.City == primary.Spec.City)
                : Weighted(DemoData.Cities, c => c.Weight);
            var skills = PickSome(primary.Spec.Skills, rng.Next(3, 7));
            if (Chance(0.6)) skills.Add(Pick(DemoData.Languages));
            var consent = Chance(0.92);

            var candidate = new Candidate
            {
                FirstName = first,
                LastName = last,
                Email = email,
                Phone = Chance(0.9) ? $"+49 {Pick(DemoData.MobilePrefixes)} {rng.Next(1_000_000, 99_999_999)}" : null,
                SourceId = sourceRow.Id,
                City = city.City,
                StateName = city.State,
                Country = DemoData.Country,
                LinkedinUrl = source.Kind is SourceKind.Linkedin or SourceKind.ActiveSourcing || Chance(0.3)
                    ? $"https://www.linkedin.com/in/{f}-{l}-{rng.Next(0x100000, 0xFFFFFF):x6}"
                    : null,
                PortfolioUrl = primary.Spec.Department is "Engineering" or "Marketing" && Chance(0.25)
                    ? $"https://portfolio.example.net/{f}-{l}"
                    : null,
                Tags = PickSome(DemoData.Tags, rng.Next(10) switch { < 4 => 0, < 8 => 1, _ => 2 }),
                Skills = skills,
                GdprConsent = consent,
                // Without consent, data may only be kept for the usual six months after the process.
                RetentionUntil = DateOnly.FromDateTime(now.AddDays(consent ? rng.Next(180, 731) : 180)),
            };
            candidate.RefreshDerivedFields();
            return candidate;
        }

        private Application NewApplication(Candidate candidate, (Job Job, JobSpec Spec) job, Stage stage)
        {
            var (minAge, maxAge) = AgeByStage[stage];
            if (job.Job.Status == JobStatus.Closed) (minAge, maxAge) = (40, 92);
            maxAge = Math.Min(maxAge, job.Spec.AgeDays - 1);
            minAge = Math.Min(minAge, maxAge / 2);
            var created = now.AddDays(-Uniform(minAge, maxAge));
            var stageChanged = stage switch
            {
                Stage.New => created,
                _ when job.Job.Status == JobStatus.Closed => Between(created, Max(created, now.AddDays(-19))),
                Stage.Offer => Between(created.AddTicks((now - created).Ticks * 6 / 10), now.AddHours(-2)),
                _ => Between(created.AddTicks((now - created).Ticks / 5), created.AddTicks((now - created).Ticks * 85 / 100)),
            };

            var application = new Application
            {
                CandidateId = candidate.Id,
                JobId = job.Job.Id,
                Stage = stage,
                SourceId = candidate.SourceId,
                StageChangedAt = stageChanged,
            };
            if (Chance(0.9))
            {
                var (low, high) = stage switch
                {
                    Stage.Offer or Stage.Hired => (75, 98),
                    Stage.Interview => (65, 95),
                    Stage.Screening or Stage.TalentPool => (55, 92),
                    Stage.Rejected => (35, 70),
                    _ => (35, 95),
                };
                application.FitScore = rng.Next(low, high + 1);
                application.FitExplanation = Explain(job.Spec, application.FitScore.Value);
            }
            if (stage == Stage.Rejected)
                application.RejectionReason = Pick(job.Spec.German ? DemoData.RejectionReasonsDe : DemoData.RejectionReasonsEn);
            // The stage history: applied, then (for later stages) moved straight to where the card is now.
            Rows.Add(new StageChange { TenantId = tenantId, ApplicationId = application.Id, ToStage = Stage.New, ActorName = "system", At = created });
            if (stage != Stage.New)
                Rows.Add(new StageChange { TenantId = tenantId, ApplicationId = application.Id, FromStage = Stage.New, ToStage = stage, ActorName = "system", At = stageChanged });
            return Add(application, created, stageChanged);
        }

        private string Explain(JobSpec spec, int score)
        {
            var band = score switch { < 55 => 0, < 70 => 1, < 85 => 2, _ => 3 };
            var pattern = (spec.German ? DemoData.FitExplanationsDe : DemoData.FitExplanationsEn)[band];
            var requirements = spec.Requirements.OrderByDescending(r => r.Weight).Take(3).ToList();
            var pair = PickSome(requirements, 2);
            return string.Format(CultureInfo.InvariantCulture, pattern, pair[0].Text, pair[1].Text);
        }
    }
}
