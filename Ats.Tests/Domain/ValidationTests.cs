using Ats.Domain.Candidates;
using Ats.Domain.Jobs;
using Ats.Domain.Writes;
using Ats.Tests.Support;

namespace Ats.Tests.Domain;

public sealed class ValidationTests : IAsyncLifetime
{
    private readonly TestDatabase _db = new();

    public Task InitializeAsync() => _db.InitializeAsync();
    public Task DisposeAsync() => _db.DisposeAsync();

    public static TheoryData<string, string?, string, string> CandidateCases => new()
    {
        // first name, email, field with the error, message (English)
        { "", "ok@example.com", "first_name", "This field is required." },
        { "   ", "ok@example.com", "first_name", "This field is required." },
        { new string('x', 101), "ok@example.com", "first_name", "At most 100 characters." },
        { "Ada", "", "email", "This field is required." },
        { "Ada", "not-an-email", "email", "Not a valid email address." },
        { "Ada", "ada@localhost", "email", "Not a valid email address." },
        { "Ada", "Ada Lovelace <ada@example.com>", "email", "Not a valid email address." },
        { "Ada", "ada @example.com", "email", "Not a valid email address." },
    };

    [Theory]
    [MemberData(nameof(CandidateCases))]
    public async Task InvalidCandidateIsRefusedWithAMessageForTheField(string firstName, string? email, string field, string message)
    {
        using var _ = Culture.English();
        var error = await Assert.ThrowsAsync<ValidationException>(() =>
            _db.Records.CreateAsync(_db.Recruiter, new Candidate { FirstName = firstName, Email = email ?? "" }));

        Assert.Equal(message, Assert.Single(error.Errors[field]));
        await using var raw = _db.Raw();
        Assert.Empty(raw.Candidates.IgnoreQueryFilters());
        Assert.Empty(raw.AuditEntries.IgnoreQueryFilters());
    }

    [Fact]
    public async Task EveryInvalidFieldIsNamedAtOnce()
    {
        using var _ = Culture.English();
        var error = await Assert.ThrowsAsync<ValidationException>(() => _db.Records.CreateAsync(_db.Recruiter,
            new Candidate { FirstName = "", Email = "nope", LinkedinUrl = "javascript:alert(1)", Tags = [new string('t', 200)] }));

        Assert.Equal(["email", "first_name", "linkedin_url", "tags"], error.Errors.Keys.Order());
    }

    [Fact]
    public async Task MessagesFollowTheUserInterfaceLanguage()
    {
        using var _ = Culture.German();
        var error = await Assert.ThrowsAsync<ValidationException>(() => _db.Records.CreateAsync(_db.Recruiter, new Candidate { Email = "x" }));

        Assert.Equal("Dieses Feld ist erforderlich.", error.Errors["first_name"][0]);
        Assert.Equal("Keine gültige E-Mail-Adresse.", error.Errors["email"][0]);
    }

    [Fact]
    public async Task CandidateEmailIsUniquePerTenantIgnoringCase()
    {
        using var _ = Culture.English();
        await _db.Records.CreateAsync(_db.Recruiter, new Candidate { FirstName = "Ada", Email = "ada@example.com" });

        var error = await Assert.ThrowsAsync<ValidationException>(() =>
            _db.Records.CreateAsync(_db.Recruiter, new Candidate { FirstName = "Ada", Email = "ADA@Example.com" }));
        Assert.Equal("A candidate with this email already exists.", error.Errors["email"][0]);

        // Another organisation may have the same person.
        await _db.Records.CreateAsync(_db.OtherTenant, new Candidate { FirstName = "Ada", Email = "ada@example.com" });
    }

    public static TheoryData<Action<Job>, string> JobCases => new()
    {
        { j => j.Title = "", "title" },
        { j => j.Slug = "Not A Slug!", "slug" },
        { j => (j.MinPayRate, j.MaxPayRate) = (90_000m, 60_000m), "min_pay_rate" },
        { j => j.MinPayRate = -1m, "min_pay_rate" },
        { j => (j.StartDate, j.EndDate) = (new DateOnly(2027, 3, 1), new DateOnly(2027, 2, 1)), "end_date" },
        { j => j.PayRateCurrency = "euro", "pay_rate_currency" },
        { j => j.RecruiterEmail = "recruiter", "recruiter_email" },
        { j => j.HiringManagerIds = [Guid.NewGuid()], "hiring_manager_ids" },
        { j => j.FitProfile = new FitProfile { Requirements = [new FitRequirement("Go", 9, [])] }, "fit_profile" },
        { j => j.Status = (JobStatus)42, "status" },
    };

    [Theory]
    [MemberData(nameof(JobCases))]
    public async Task InvalidJobIsRefusedNamingTheField(Action<Job> spoil, string field)
    {
        var job = new Job { Title = "Backend Developer", Status = JobStatus.Open };
        spoil(job);

        var error = await Assert.ThrowsAsync<ValidationException>(() => _db.Records.CreateAsync(_db.Recruiter, job));

        Assert.Equal([field], error.Errors.Keys);
    }

    [Fact]
    public async Task HiringTeamMustBeUsersOfTheSameOrganisation()
    {
        var job = new Job { Title = "Backend Developer", HiringManagerIds = [_db.RecruiterB.Id] };

        var error = await Assert.ThrowsAsync<ValidationException>(() => _db.Records.CreateAsync(_db.Recruiter, job));

        Assert.Contains("hiring_manager_ids", error.Errors.Keys);
    }
}
