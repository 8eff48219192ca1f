using System.Globalization;
using Ats.Domain.Common;
using Ats.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace Ats.Domain.Offers;

/// Everything an offer letter says, gathered from the offer, its application, job, candidate and organisation.
public sealed record OfferLetter(
    string CompanyName, IReadOnlyList<string> CompanyAddress,
    string CandidateName, IReadOnlyList<string> CandidateAddress,
    string Position, DateOnly Date, decimal GrossSalary, string Currency, decimal? Bonus,
    DateOnly StartDate, OfferTerm Term, DateOnly? EndDate, string Language, string? SignerName)
{
    public bool German => Language != "en";
    public CultureInfo Culture => CultureInfo.GetCultureInfo(German ? "de-DE" : "en-GB");

    public string Money(decimal amount) => Common.Money.Format(amount, Currency, Culture);

    /// "1. März 2027" or "1 March 2027".
    public string Day(DateOnly date) => date.ToString(German ? "d. MMMM yyyy" : "d MMMM yyyy", Culture);

    /// The letter's file name: "Angebot-Jürgen-Weiß.pdf".
    public string FileName => $"{(German ? "Angebot" : "Offer")}-{string.Join('-', CandidateName.Split(' ', StringSplitOptions.RemoveEmptyEntries)
        .Select(part => new string(part.Where(c => char.IsLetterOrDigit(c) || c == '-').ToArray())).Where(part => part.Length > 0))}.pdf";

    /// Reads the letter of an offer of the context's organisation, or null when there is no such offer.
    public static async Task<OfferLetter?> LoadAsync(AtsDbContext db, Guid offerId, DateTime now, CancellationToken ct)
    {
        var row = await (from o in db.Offers
                         where o.Id == offerId
                         join a in db.Applications on o.ApplicationId equals a.Id
                         join c in db.Candidates on a.CandidateId equals c.Id
                         join j in db.Jobs on a.JobId equals j.Id
                         select new { Offer = o, Candidate = c, j.Title, j.RecruiterName }).AsNoTracking().FirstOrDefaultAsync(ct);
        if (row is null) return null;
        var tenant = await db.Tenants.Where(t => t.Id == row.Offer.TenantId).Select(t => new { t.Name, t.Address }).FirstAsync(ct);
        var (offer, candidate) = (row.Offer, row.Candidate);
        var town = string.Join(' ', new[] { candidate.ZipCode, candidate.City }.Where(s => !string.IsNullOrWhiteSpace(s)));
        return new OfferLetter(tenant.Name, Lines(tenant.Address), candidate.FullName, Lines(candidate.Address, town, candidate.Country),
            row.Title, DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(offer.SentAt ?? now, DateTimeKind.Utc), TimeZones.Find(null))), offer.GrossSalary, offer.Currency, offer.Bonus, offer.StartDate,
            offer.Term, offer.EndDate, candidate.Language ?? "de", row.RecruiterName);
    }

    private static List<string> Lines(params string?[] parts) =>
        parts.SelectMany(p => (p ?? "").Split('\n')).Select(l => l.Trim()).Where(l => l.Length > 0).ToList();

    /// The letter's words in German and English.
    public sealed record Words(string Subject, string Salutation, string Intro, string Position, string Salary, string Bonus,
        string Start, string Term, string Permanent, string FixedTerm, string Closing, string ForCompany, string Accepted);

    public Words Text => German
        ? new($"Ihr Angebot: {Position}", $"Guten Tag {CandidateName},",
            $"wir freuen uns, Ihnen die folgende Position bei der {CompanyName} anzubieten. Die wesentlichen Bedingungen:",
            "Position", "Bruttojahresgehalt", "Bonus", "Beginn", "Vertragsart", "unbefristet", "befristet bis {0}",
            "Bitte bestätigen Sie das Angebot mit Ihrer Unterschrift. Für Fragen sind wir jederzeit für Sie da.",
            $"Für die {CompanyName}", "Angenommen")
        : new($"Your offer: {Position}", $"Dear {CandidateName},",
            $"we are delighted to offer you the following position at {CompanyName}. The main terms:",
            "Position", "Gross yearly salary", "Bonus", "Start date", "Term", "permanent", "fixed term until {0}",
            "Please confirm the offer with your signature. Do not hesitate to contact us with any questions.",
            $"For {CompanyName}", "Accepted");

    /// The terms as label and value, in the order the letter lists them.
    public IReadOnlyList<(string Label, string Value)> Terms
    {
        get
        {
            var words = Text;
            var terms = new List<(string, string)> { (words.Position, Position), (words.Salary, Money(GrossSalary)) };
            if (Bonus is { } bonus) terms.Add((words.Bonus, Money(bonus)));
            terms.Add((words.Start, Day(StartDate)));
            terms.Add((words.Term, Term == OfferTerm.FixedTerm && EndDate is { } end ? string.Format(Culture, words.FixedTerm, Day(end)) : words.Permanent));
            return terms;
        }
    }
}

/// An offer letter as a PDF file, for anyone who may read the offer and its salary.
public sealed record OfferLetterFile(string FileName, byte[] Content);

public static class OfferLetters
{
    /// The letter of an offer the actor may read, or null; a hiring manager gets it only where an admin lets them see salaries.
    public static Task<OfferLetterFile?> RenderAsync(Writes.RecordService records, Writes.Actor actor, Guid offerId, DateTime now, CancellationToken ct = default) =>
        records.ReadAsync<Offer, OfferLetterFile?>(actor, async (offers, reads) =>
        {
            // The letter names the candidate and where they live: it needs the candidate scope too.
            Writes.AccessRules.RequireScope(actor, Models.ModelCatalog.Candidate, write: false);
            var offer = await offers.FirstOrDefaultAsync(o => o.Id == offerId, ct);
            if (offer is null || offer.SalaryHidden) return null;
            var letter = await OfferLetter.LoadAsync(reads.Db, offerId, now, ct);
            return letter is null ? null : new OfferLetterFile(letter.FileName, OfferLetterPdf.Render(letter));
        }, ct);
}
