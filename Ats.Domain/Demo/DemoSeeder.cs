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

/// Fills an empty database with one realistic tenant, so the app can be tried out and demoed.
/// The data is deterministic (fixed random seed); only timestamps move with the clock.
public sealed class DemoSeeder(IDbContextFactory<AtsDbContext> dbFactory, IPasswordHasher<AppUser> passwordHasher, TimeProvider clock)
{
    public const string TenantName = "Muster GmbH";
    public const string Password = "Passw0rd!demo";
    public const string AdminEmail = "admin@demo.example";
    public const string RecruiterEmail = "recruiter@demo.example";
    public const string ManagerEmail = "manager@demo.example";

    /// Seeds one demo tenant when the database has no tenant yet. Returns false (and writes nothing) otherwise.
    public async Task<bool> SeedIfEmptyAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.SystemWrite("the demo seed"); // sample data, as if it had always been there: not audited
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (await db.Tenants.AnyAsync(ct)) return false;

        var roleIds = await db.Roles.Where(r => r.Name != null).ToDictionaryAsync(r => r.Name!, r => r.Id, ct);
        if (Roles.All.FirstOrDefault(r => !roleIds.ContainsKey(r)) is { } missing)
            throw new InvalidOperationException($"Role '{missing}' does not exist; create the roles before seeding demo data.");

        var now = clock.GetUtcNow().UtcDateTime;
        now = new DateTime(now.Ticks - now.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);
        var tenant = new Tenant { Name = TenantName, Address = "Friedrichstraße 123\n10117 Berlin", CreatedAt = now.AddDays(-120) };
        db.TenantId = tenant.Id;

        var builder = new Builder(tenant.Id, now, new Random(42));
        builder.Build(roleIds);
        // PBKDF2 is slow on purpose: hash on another thread while EF attaches the rows.
        var hashing = Task.Run(() => builder.Users.Select(u => (User: u, Hash: passwordHasher.HashPassword(u, Password))).ToList(), ct);
        db.Add(tenant);
        db.AddRange(builder.Rows);
        foreach (var (user, hash) in await hashing) user.PasswordHash = hash;
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return true;
    }

    private sealed class Builder(Guid tenantId, DateTime now, Random rng)
    {
        private static readonly (Stage Stage, int Weight)[] OpenJobStages =
        [
            (Stage.New, 25), (Stage.Review, 18), (Stage.Screening, 16), (Stage.Interview, 11),
            (Stage.Offer, 3), (Stage.Hired, 3), (Stage.Rejected, 16), (Stage.TalentPool, 8),
        ];

        private static readonly (Stage Stage, int Weight)[] PausedJobStages =
            [(Stage.New, 15), (Stage.Review, 25), (Stage.Screening, 25), (Stage.Interview, 15), (Stage.Rejected, 20)];

        // How many days before now an application in each stage was created: later stages take longer to reach.
        private static readonly Dictionary<Stage, (double Min, double Max)> AgeByStage = new()
        {
            [Stage.New] = (0.05, 10), [Stage.Review] = (1, 21), [Stage.Screening] = (3, 35), [Stage.Interview] = (6, 50),
            [Stage.Offer] = (18, 65), [Stage.Hired] = (25, 85), [Stage.Rejected] = (2, 85), [Stage.TalentPool] = (8, 85),
        };

        private static readonly (InterviewKind Kind, int Weight)[] FirstRoundKinds =
            [(InterviewKind.Phone, 2), (InterviewKind.Video, 4), (InterviewKind.Onsite, 3), (InterviewKind.TakeHome, 1)];

        private const int CandidateCount = 150;
        private const int SecondApplications = 70;

        private readonly Dictionary<string, AppUser> users = [];
        private readonly List<Source> sources = [];
        private readonly List<(Job Job, JobSpec Spec)> jobs = [];
        private readonly List<Candidate> candidates = [];
        private readonly List<Application> applications = [];
        private readonly List<Interview> interviews = [];
        private readonly List<Offer> offers = [];
        private readonly Dictionary<string, EmailTemplate> templates = [];
        private readonly Dictionary<Guid, Candidate> candidateById = [];
        private readonly Dictionary<Guid, (Job Job, JobSpec Spec)> jobById = [];

        public List<object> Rows { get; } = [];
        public IEnumerable<AppUser> Users => users.Values;

        private Guid Recruiter => users["recruiter"].Id;
        private Guid Manager => users["manager"].Id;

        public void Build(IReadOnlyDictionary<string, Guid> roleIds)
        {
            AddUsers(roleIds);
            AddSources();
            AddJobs();
            AddCandidatesAndApplications();
            AddInterviews();
            AddEvaluations();
            AddOffers();
            AddTemplates();
            AddMessages();
            AddNotes();
            AddTasks();
        }

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

        private void AddNotes()
        {
            var posted = jobs.Where(j => j.Job.Status != JobStatus.Draft).ToList();
            for (var i = 0; i < posted.Count; i++)
            {
                var job = posted[i].Job;
                var author = job.HiringManagerIds.Contains(Manager) ? Manager : Recruiter;
                AddNote(ParentKind.Job, job.Id, job.CreatedAt, Fill(DemoData.JobNotes[i % DemoData.JobNotes.Length], null, job), author, i % 4 == 0);
            }

            var noted = PickSome(candidates, 20);
            for (var i = 0; i < noted.Count; i++)
            {
                var candidate = noted[i];
                AddNote(ParentKind.Candidate, candidate.Id, candidate.CreatedAt, Fill(Pick(DemoData.CandidateNotes), candidate, null), Recruiter, i % 7 == 0);
            }

            var discussed = PickSome(applications.Where(a => a.Stage != Stage.New).ToList(), 30);
            for (var i = 0; i < discussed.Count; i++)
            {
                var application = discussed[i];
                // Hiring managers write on their own jobs only.
                var author = OnManagersJob(application) && Chance(0.5) ? Manager : Recruiter;
                AddNote(ParentKind.Application, application.Id, application.CreatedAt, Fill(Pick(DemoData.ApplicationNotes), application), author, i % 8 == 0);
            }
        }

        private void AddNote(ParentKind kind, Guid parentId, DateTime parentCreated, string body, Guid author, bool pinned)
        {
            var created = Between(parentCreated, now.AddMinutes(-10));
            var updated = Chance(0.2) ? Between(created, now) : created;
            Add(new ApplicationNote { ParentKind = kind, ParentId = parentId, Body = body, Pinned = pinned, AuthorId = author }, created, updated);
        }

        private bool OnManagersJob(Application application) => jobById[application.JobId].Job.HiringManagerIds.Contains(Manager);

        private void AddTasks()
        {
            // 6 overdue, 8 due soon, 4 later, 7 done: enough for every list and filter to show something.
            var timings = new Queue<int>(Shuffle<int>([.. Enumerable.Repeat(0, 6), .. Enumerable.Repeat(1, 8), .. Enumerable.Repeat(2, 4), .. Enumerable.Repeat(3, 7)]));

            for (var i = 0; i < 16; i++)
            {
                var (stage, title) = DemoData.ApplicationTasks[i % DemoData.ApplicationTasks.Length];
                var inStage = applications.Where(a => a.Stage == stage).ToList();
                var forManager = i % 3 == 0 && inStage.Any(OnManagersJob);
                var application = Pick(forManager ? inStage.Where(OnManagersJob).ToList() : inStage);
                var assignee = forManager ? Manager : Chance(0.75) ? Recruiter : users["admin"].Id;
                AddTask(Fill(title, application), ParentKind.Application, application.Id, application.CreatedAt, assignee, timings.Dequeue());
            }
            foreach (var title in DemoData.CandidateTaskTitles)
            {
                var candidate = Pick(candidates);
                AddTask(Fill(title, candidate, null), ParentKind.Candidate, candidate.Id, candidate.CreatedAt, Recruiter, timings.Dequeue());
            }
            foreach (var title in DemoData.JobTaskTitles)
            {
                var job = Pick(jobs.Where(j => j.Job.Status == JobStatus.Open).ToList()).Job;
                var assignee = job.HiringManagerIds.Contains(Manager) ? Manager : Recruiter;
                AddTask(Fill(title, null, job), ParentKind.Job, job.Id, job.CreatedAt, assignee, timings.Dequeue());
            }
            foreach (var title in DemoData.LooseTaskTitles.Take(2))
                AddTask(title, null, null, now.AddDays(-30), users["admin"].Id, timings.Dequeue());
        }

        private void AddTask(string title, ParentKind? kind, Guid? parentId, DateTime parentCreated, Guid assignee, int timing)
        {
            var due = timing switch
            {
                0 => now.AddDays(-Uniform(0.5, 6)),
                1 => now.AddHours(Uniform(2, 72)),
                2 => now.AddDays(Uniform(4, 14)),
                _ => now.AddDays(-Uniform(1, 20)),
            };
            due = new DateTime(due.Year, due.Month, due.Day, due.Hour, 15 * (due.Minute / 15), 0, DateTimeKind.Utc);
            var created = Max(parentCreated, Min(due.AddDays(-Uniform(1, 7)), now.AddHours(-1)));
            var task = new TaskItem { Title = title, ParentKind = kind, ParentId = parentId, DueAt = due, AssignedTo = assignee };
            if (timing == 3)
            {
                task.Completed = true;
                task.CompletedAt = Min(Between(created, due.AddDays(1)), now);
            }
            Add(task, created, task.CompletedAt ?? created);
        }

        private T Add<T>(T row, DateTime created, DateTime? updated = null) where T : TenantEntity
        {
            row.TenantId = tenantId;
            row.CreatedAt = created;
            row.UpdatedAt = Max(updated ?? created, created);
            row.Version = 1;
            Rows.Add(row);
            return row;
        }

        /// A weekday between the two instants at a quarter hour during office hours (08:00-16:45 UTC).
        private DateTime Slot(DateTime from, DateTime to)
        {
            var days = Enumerable.Range(0, Math.Max(1, (int)(to.Date - from.Date).TotalDays + 1))
                .Select(d => from.Date.AddDays(d))
                .Where(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
                .ToList();
            var day = days.Count > 0 ? Pick(days) : from.Date;
            return DateTime.SpecifyKind(day.AddHours(rng.Next(7, 16)).AddMinutes(15 * rng.Next(4)), DateTimeKind.Utc);
        }

        private static DateOnly FirstOfMonth(DateTime date) => new(date.Year, date.Month, 1);
        private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;
        private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;

        private double Uniform(double min, double max) => min + rng.NextDouble() * (max - min);
        private bool Chance(double probability) => rng.NextDouble() < probability;
        private T Pick<T>(IReadOnlyList<T> items) => items[rng.Next(items.Count)];

        private DateTime Between(DateTime from, DateTime to)
        {
            var instant = to <= from ? from : from.AddTicks((long)((to - from).Ticks * rng.NextDouble()));
            return new DateTime(instant.Ticks - instant.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);
        }

        private T Weighted<T>(IReadOnlyList<T> items, Func<T, double> weight)
        {
            var roll = rng.NextDouble() * items.Sum(weight);
            foreach (var item in items)
            {
                roll -= weight(item);
                if (roll < 0) return item;
            }
            return items[^1];
        }

        private List<T> Shuffle<T>(List<T> items)
        {
            for (var i = items.Count - 1; i > 0; i--)
            {
                var j = rng.Next(i + 1);
                (items[i], items[j]) = (items[j], items[i]);
            }
            return items;
        }

        private List<T> PickSome<T>(IReadOnlyList<T> items, int count) => Shuffle(items.ToList()).Take(count).ToList();

        /// Lower-case ASCII for e-mail addresses and URLs: "Müller" → "mueller", "Yılmaz" → "yilmaz", "van Dijk" → "vandijk".
        private static string Ascii(string name)
        {
            var text = new StringBuilder();
            foreach (var c in name.ToLowerInvariant())
            {
                var replaced = c switch { 'ä' => "ae", 'ö' => "oe", 'ü' => "ue", 'ß' => "ss", 'ı' => "i", 'ł' => "l", _ => null };
                if (replaced is not null) { text.Append(replaced); continue; }
                foreach (var d in c.ToString().Normalize(NormalizationForm.FormD))
                    if (d is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-') text.Append(d);
            }
            return text.ToString();
        }
    }
}
