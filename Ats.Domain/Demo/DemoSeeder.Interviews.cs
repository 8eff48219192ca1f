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

/// The demo's interviews, scorecards and offers.
public sealed partial class DemoSeeder
{
    private sealed partial class Builder
    {
        private void AddInterviews()
        {
            var rounds = applications.Where(a => a.Stage is Stage.Interview or Stage.Offer or Stage.Hired).OrderBy(a => a.StageChangedAt);
            foreach (var application in rounds)
            {
                if (application.Stage == Stage.Interview)
                {
                    // Recently moved cards have their first round still ahead of them.
                    var past = application.StageChangedAt < now.AddDays(-3) && Chance(0.5);
                    var kind = Weighted(FirstRoundKinds, k => k.Weight).Kind;
                    AddInterview(application, kind, past ? Slot(application.StageChangedAt, now.AddDays(-1)) : Slot(now.AddDays(1), now.AddDays(14)));
                    if (past && Chance(0.35)) AddInterview(application, InterviewKind.Onsite, Slot(now.AddDays(1), now.AddDays(14)));
                    continue;
                }
                // Offers and hires went through their rounds before the stage change.
                var created = application.CreatedAt;
                var decided = application.StageChangedAt.AddDays(-1);
                if (Chance(0.5)) AddInterview(application, InterviewKind.Video, Slot(created, Between(created, decided)));
                AddInterview(application, InterviewKind.Onsite, Slot(Between(created, decided), decided));
            }
        }

        private void AddInterview(Application application, InterviewKind kind, DateTime startsAt)
        {
            var job = jobById[application.JobId].Job;
            var team = job.HiringManagerIds.Count > 0 ? job.HiringManagerIds.ToList() : [users["manager2"].Id];
            if (job.InterviewerIds.Count > 0 && (kind == InterviewKind.Onsite || Chance(0.5))) team.AddRange(job.InterviewerIds);
            var past = startsAt < now;
            var interview = new Interview
            {
                ApplicationId = application.Id,
                Kind = kind,
                StartsAt = startsAt,
                DurationMinutes = kind switch
                {
                    InterviewKind.Phone => 30,
                    InterviewKind.Video => rng.Next(2) == 0 ? 45 : 60,
                    InterviewKind.Onsite => rng.Next(2) == 0 ? 60 : 90,
                    _ => 90,
                },
                // Recruiting runs the phone screens; the hiring team does the rest.
                InterviewerIds = kind == InterviewKind.Phone ? [Recruiter] : team.Distinct().ToList(),
                MeetingLink = kind is InterviewKind.Video or InterviewKind.TakeHome ? MeetingLink() : null,
                Room = kind == InterviewKind.Onsite ? Pick(DemoData.Rooms) : null,
                Status = past ? InterviewStatus.Completed : InterviewStatus.Scheduled,
                InviteNote = Chance(0.4) ? Pick(DemoData.InviteNotes) : null,
                // The demo's history already had its reminders: a fresh start should not mail the team about it.
                RemindedAt = past ? startsAt.AddDays(1) : null,
            };
            var booked = Max(application.CreatedAt, Min(startsAt.AddDays(-Uniform(2, 7)), now.AddMinutes(-30)));
            interviews.Add(Add(interview, booked, past ? Max(booked, startsAt.AddMinutes(interview.DurationMinutes)) : booked));
        }

        private string MeetingLink()
        {
            string Letters(int n) => string.Concat(Enumerable.Range(0, n).Select(_ => (char)('a' + rng.Next(26))));
            return $"https://meet.example.com/{Letters(3)}-{Letters(4)}-{Letters(3)}";
        }

        private void AddEvaluations()
        {
            var written = new HashSet<(Guid, Guid)>();
            foreach (var interview in interviews.Where(i => i.Status == InterviewStatus.Completed).OrderBy(i => i.StartsAt))
            {
                var stage = applications.First(a => a.Id == interview.ApplicationId).Stage;
                foreach (var interviewer in interview.InterviewerIds)
                {
                    if (written.Count >= 30 || !Chance(0.85) || !written.Add((interview.ApplicationId, interviewer))) continue;
                    var floor = stage is Stage.Offer or Stage.Hired ? 4 : 2;
                    var (skills, culture, communication) = (rng.Next(floor, 6), rng.Next(floor, 6), rng.Next(floor, 6));
                    var average = (skills + culture + communication) / 3.0;
                    var submitted = Min(interview.StartsAt.AddMinutes(interview.DurationMinutes).AddHours(Uniform(1, 30)), now.AddMinutes(-10));
                    Add(new Scorecard
                    {
                        ApplicationId = interview.ApplicationId,
                        InterviewId = interview.Id,
                        InterviewerId = interviewer,
                        Skills = skills,
                        Culture = culture,
                        Communication = communication,
                        Recommendation = average switch
                        {
                            >= 4.3 => Recommendation.StrongYes,
                            >= 3.5 => Recommendation.Yes,
                            >= 2.5 => Recommendation.No,
                            _ => Recommendation.StrongNo,
                        },
                        Note = Pick(average >= 3.5 ? DemoData.EvaluationNotesPositive : DemoData.EvaluationNotesMixed),
                        SubmittedAt = submitted,
                    }, submitted);
                }
            }
        }

        private void AddOffers()
        {
            var pending = applications.Where(a => a.Stage == Stage.Offer);
            var accepted = applications.Where(a => a.Stage == Stage.Hired).OrderByDescending(a => a.StageChangedAt).Take(3);
            foreach (var application in pending.Concat(accepted))
            {
                var spec = jobById[application.JobId].Spec;
                var status = application.Stage == Stage.Hired ? OfferStatus.Accepted : Chance(0.6) ? OfferStatus.Sent : OfferStatus.Draft;
                var salary = (decimal)Math.Round((spec.MinPay + (spec.MaxPay - spec.MinPay) * Uniform(0.3, 0.9)) / 1000) * 1000.00m;
                var start = FirstOfMonth(now.AddMonths(rng.Next(1, 4)));
                var fixedTerm = spec.Employment == EmploymentType.Temporary;
                var offer = new Offer
                {
                    ApplicationId = application.Id,
                    GrossSalary = salary,
                    Currency = "EUR",
                    // Sales pays a variable share; elsewhere a bonus is the exception.
                    Bonus = spec.Department == "Sales" ? Math.Round(salary * 0.15m / 500) * 500.00m
                        : Chance(0.3) ? rng.Next(3, 7) * 1000.00m : null,
                    StartDate = start,
                    Term = fixedTerm ? OfferTerm.FixedTerm : OfferTerm.Permanent,
                    EndDate = fixedTerm ? start.AddMonths(18).AddDays(-1) : null,
                    Status = status,
                };
                var created = status == OfferStatus.Accepted
                    ? application.StageChangedAt.AddDays(-Uniform(4, 8))
                    : Min(application.StageChangedAt.AddHours(Uniform(1, 24)), now.AddHours(-1));
                if (status != OfferStatus.Draft) offer.SentAt = Min(created.AddHours(Uniform(1, 20)), now.AddMinutes(-30));
                if (status == OfferStatus.Accepted) offer.RespondedAt = application.StageChangedAt;
                offers.Add(Add(offer, created, offer.RespondedAt ?? offer.SentAt ?? created));
            }
        }
    }
}
