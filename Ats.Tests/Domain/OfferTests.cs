using System.Diagnostics;
using Ats.Domain.Candidates;
using Ats.Domain.Jobs;
using Ats.Domain.Mail;
using Ats.Domain.Offers;
using Ats.Domain.Pipeline;
using Ats.Domain.Writes;
using Ats.Tests.Support;
using Microsoft.EntityFrameworkCore;
using UglyToad.PdfPig;

namespace Ats.Tests.Domain;

/// Offers move draft → sent → accepted | declined (or withdrawn) and nothing else; the letter is a PDF.
public sealed class OfferTests : IAsyncLifetime
{
    private readonly TestDatabase _db = new();
    private Application _application = default!;
    private Candidate _candidate = default!;
    private Guid _jobId;

    public async Task InitializeAsync()
    {
        await _db.InitializeAsync();
        var job = await _db.Records.CreateAsync(_db.Recruiter, new Job { Title = "Leiterin Qualitätssicherung", HiringManagerIds = [_db.ManagerA.Id] });
        _jobId = job.Id;
        _candidate = await _db.Records.CreateAsync(_db.Recruiter, new Candidate
        {
            FirstName = "Jürgen", LastName = "Weiß-Müller", Email = "juergen@example.com",
            Address = "Königstraße 12", ZipCode = "70173", City = "Stuttgart", Country = "Deutschland", Language = "de",
        });
        _application = await _db.Records.CreateAsync(_db.Recruiter, new Application { CandidateId = _candidate.Id, JobId = job.Id, Stage = Stage.Offer });
    }

    public Task DisposeAsync() => _db.DisposeAsync();

    private Task<Offer> DraftAsync() => _db.Records.CreateAsync(_db.Recruiter, new Offer
    {
        ApplicationId = _application.Id, GrossSalary = 65_000m, Bonus = 5_000m, StartDate = new DateOnly(2027, 3, 1),
    });

    /// Brings a fresh offer to the given status along an allowed path.
    private async Task<Offer> OfferInAsync(OfferStatus status)
    {
        var offer = await DraftAsync();
        OfferStatus[] path = status switch
        {
            OfferStatus.Draft => [],
            OfferStatus.Sent or OfferStatus.Withdrawn => [status],
            _ => [OfferStatus.Sent, status],
        };
        foreach (var step in path) offer = await _db.Records.UpdateAsync<Offer>(_db.Recruiter, offer.Id, null, o => o.Status = step);
        return offer;
    }

    public static TheoryData<OfferStatus, OfferStatus, bool> Transitions()
    {
        var allowed = new HashSet<(OfferStatus, OfferStatus)>
        {
            (OfferStatus.Draft, OfferStatus.Sent), (OfferStatus.Draft, OfferStatus.Withdrawn),
            (OfferStatus.Sent, OfferStatus.Accepted), (OfferStatus.Sent, OfferStatus.Declined), (OfferStatus.Sent, OfferStatus.Withdrawn),
        };
        var data = new TheoryData<OfferStatus, OfferStatus, bool>();
        foreach (var from in Enum.GetValues<OfferStatus>())
            foreach (var to in Enum.GetValues<OfferStatus>().Where(to => to != from))
                data.Add(from, to, allowed.Contains((from, to)));
        return data;
    }

    [Theory]
    [MemberData(nameof(Transitions))]
    public async Task EveryAllowedTransitionWorksAndEveryOtherIsRefused(OfferStatus from, OfferStatus to, bool allowed)
    {
        var offer = await OfferInAsync(from);

        var change = () => _db.Records.UpdateAsync<Offer>(_db.Recruiter, offer.Id, null, o => o.Status = to);

        if (allowed)
        {
            var moved = await change();
            Assert.Equal(to, moved.Status);
            if (to == OfferStatus.Sent) Assert.NotNull(moved.SentAt);
            if (to is OfferStatus.Accepted or OfferStatus.Declined) Assert.NotNull(moved.RespondedAt);
        }
        else
        {
            var error = await Assert.ThrowsAsync<ValidationException>(change);
            Assert.Contains(SnakeName(from), error.Errors["status"].Single());
            Assert.Equal(from, (await _db.Records.FindAsync<Offer>(_db.Recruiter, offer.Id))!.Status);
        }
    }

    private static string SnakeName(OfferStatus status) => Ats.Domain.Data.SnakeCase<OfferStatus>.Name(status);

    [Fact]
    public async Task AnOfferIsMadeOnlyInTheOfferStageAndStartsAsADraft()
    {
        await _db.Records.UpdateAsync<Application>(_db.Recruiter, _application.Id, null, a => a.Stage = Stage.Interview);

        var wrongStage = await Assert.ThrowsAsync<ValidationException>(DraftAsync);
        await _db.Records.UpdateAsync<Application>(_db.Recruiter, _application.Id, null, a => a.Stage = Stage.Offer);
        var notDraft = await Assert.ThrowsAsync<ValidationException>(() => _db.Records.CreateAsync(_db.Recruiter, new Offer
        {
            ApplicationId = _application.Id, GrossSalary = 1, StartDate = new DateOnly(2027, 1, 1), Status = OfferStatus.Accepted,
        }));

        Assert.True(wrongStage.Errors.ContainsKey("application_id"));
        Assert.True(notDraft.Errors.ContainsKey("status"));
    }

    [Fact]
    public async Task TheTermsOfASentOfferAreFixed()
    {
        var offer = await OfferInAsync(OfferStatus.Sent);

        var error = await Assert.ThrowsAsync<ValidationException>(() =>
            _db.Records.UpdateAsync<Offer>(_db.Recruiter, offer.Id, null, o => o.GrossSalary = 70_000m));

        Assert.True(error.Errors.ContainsKey("gross_salary"));
    }

    [Fact]
    public async Task SendingAnOfferQueuesItsLetterToTheCandidate()
    {
        var offer = await OfferInAsync(OfferStatus.Sent);

        await using var raw = _db.Raw();
        var mail = await raw.Messages.IgnoreQueryFilters().SingleAsync(m => m.OfferId == offer.Id);
        Assert.Equal((MessageStatus.Queued, _candidate.Id), (mail.Status, mail.CandidateId));
        Assert.Contains("Leiterin Qualitätssicherung", mail.Subject);
    }

    [Fact]
    public async Task TheLetterNamesTheCandidateThePositionTheSalaryAndTheStartInGerman()
    {
        var offer = await OfferInAsync(OfferStatus.Sent);
        await using var db = _db.Raw();
        db.TenantId = _db.TenantA.Id;
        var letter = await OfferLetter.LoadAsync(db, offer.Id, DateTime.UtcNow, default);

        var pdf = OfferLetterPdf.Render(letter!);

        using var document = PdfDocument.Open(pdf);
        var text = string.Join(" ", document.GetPage(1).GetWords().Select(w => w.Text));
        Assert.Equal(1, document.NumberOfPages);
        Assert.Contains("Jürgen Weiß-Müller", text);
        Assert.Contains("Königstraße 12", text);
        Assert.Contains("Leiterin Qualitätssicherung", text);
        Assert.Contains("65.000,00 €", text);
        Assert.Contains("1. März 2027", text);
        Assert.Contains("Bruttojahresgehalt", text);
        SavePageForPeople(pdf, "offer-letter-de");
    }

    [Fact]
    public async Task AnEnglishCandidateGetsAnEnglishLetterWithEnglishAmounts()
    {
        await _db.Records.UpdateAsync<Candidate>(_db.Recruiter, _candidate.Id, null, c => c.Language = "en");
        var offer = await OfferInAsync(OfferStatus.Sent);
        await using var db = _db.Raw();
        db.TenantId = _db.TenantA.Id;

        var pdf = OfferLetterPdf.Render((await OfferLetter.LoadAsync(db, offer.Id, DateTime.UtcNow, default))!);

        using var document = PdfDocument.Open(pdf);
        var text = string.Join(" ", document.GetPage(1).GetWords().Select(w => w.Text));
        Assert.Contains("€65,000.00", text);
        Assert.Contains("1 March 2027", text);
        Assert.Contains("Gross yearly salary", text);
    }

    [Fact]
    public async Task TheHiringTeamSeesNoSalaryUnlessAnAdminAllowsItForTheJob()
    {
        var offer = await OfferInAsync(OfferStatus.Sent);

        var hidden = await _db.Records.FindAsync<Offer>(_db.Manager, offer.Id);
        var listed = await _db.Records.ReadAsync<Offer, List<Offer>>(_db.Manager, (offers, _) => offers.Where(o => o.Status == OfferStatus.Sent).ToListAsync());
        var letterHidden = await OfferLetters.RenderAsync(_db.Records, _db.Manager, offer.Id, DateTime.UtcNow);
        var recruiterCannotAllow = await Assert.ThrowsAsync<ForbiddenException>(() =>
            _db.Records.UpdateAsync<Job>(_db.Recruiter, _jobId, null, j => j.HiringManagersSeeSalaries = true));
        await _db.Records.UpdateAsync<Job>(_db.Admin, _jobId, null, j => j.HiringManagersSeeSalaries = true);
        var shown = await _db.Records.FindAsync<Offer>(_db.Manager, offer.Id);

        Assert.True(hidden!.SalaryHidden);
        Assert.Null(Ats.Domain.Models.ModelCatalog.Offer.ToWire(hidden)["gross_salary"]);
        Assert.Null(Ats.Domain.Models.ModelCatalog.Offer.ToWire(hidden)["bonus"]);
        Assert.Equal(OfferStatus.Sent, Assert.Single(listed).Status);
        Assert.Equal(0, Assert.Single(listed).GrossSalary);
        Assert.Null(letterHidden);
        Assert.Equal("admin_only", recruiterCannotAllow.Code);
        Assert.Equal(65_000m, shown!.GrossSalary);
        Assert.NotNull(await OfferLetters.RenderAsync(_db.Records, _db.Manager, offer.Id, DateTime.UtcNow));
    }

    /// Page 1 as PNG under artifacts/ in the repository, so a person can look at the layout (pdftoppm, poppler-utils).
    private static void SavePageForPeople(byte[] pdf, string name)
    {
        var folder = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../artifacts"));
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, $"{name}.pdf");
        File.WriteAllBytes(file, pdf);
        using var render = Process.Start(new ProcessStartInfo("pdftoppm", ["-png", "-r", "80", "-singlefile", file, Path.Combine(folder, name)])
            { RedirectStandardError = true })!;
        render.WaitForExit();
        Assert.Equal(0, render.ExitCode);
        Assert.True(File.Exists(Path.Combine(folder, $"{name}.png")));
    }

    [Fact]
    public async Task OnlyADraftIsDeletedAndASentOfferIsNotFollowedByAnother()
    {
        var draft = await DraftAsync();
        await _db.Records.DeleteAsync<Offer>(_db.Recruiter, draft.Id, null);
        var sent = await OfferInAsync(OfferStatus.Sent);

        var delete = await Assert.ThrowsAsync<ValidationException>(() => _db.Records.DeleteAsync<Offer>(_db.Recruiter, sent.Id, null));
        var second = await Assert.ThrowsAsync<ValidationException>(DraftAsync);

        Assert.True(delete.Errors.ContainsKey("status"));
        Assert.True(second.Errors.ContainsKey("application_id"));
    }

    [Fact]
    public async Task ADraftIsSentOnlyFromTheOfferStage()
    {
        var draft = await DraftAsync();
        await _db.Records.UpdateAsync<Application>(_db.Recruiter, _application.Id, null, a => a.Stage = Stage.Interview);

        var error = await Assert.ThrowsAsync<ValidationException>(() => _db.Records.UpdateAsync<Offer>(_db.Recruiter, draft.Id, null, o => o.Status = OfferStatus.Sent));

        Assert.True(error.Errors.ContainsKey("status"));
    }
}
