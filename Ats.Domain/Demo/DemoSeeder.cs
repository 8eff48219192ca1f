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
public sealed partial class DemoSeeder(IDbContextFactory<AtsDbContext> dbFactory, IPasswordHasher<AppUser> passwordHasher, TimeProvider clock)
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

    /// Builds the demo rows in memory; each capability adds its own in DemoSeeder.<Capability>.cs.
    private sealed partial class Builder(Guid tenantId, DateTime now, Random rng)
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
