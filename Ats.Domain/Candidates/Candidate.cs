using Ats.Domain.Common;
using Ats.Domain.Pipeline;
using Ats.Domain.Sources;

namespace Ats.Domain.Candidates;

/// A person in the hiring funnel. The email is unique per tenant, compared case-insensitively
/// through <see cref="EmailNormalized"/>.
public sealed class Candidate : TenantEntity
{
    public string FirstName { get; set; } = "";
    public string? LastName { get; set; }
    public string Email { get; set; } = "";
    public string EmailNormalized { get; set; } = "";
    /// Lower-cased name, email, city and phone for the list's text search (SQLite's LIKE ignores case only for ASCII).
    public string SearchText { get; set; } = "";
    /// "last first" without case and accents, so that Şahin sorts with S and Özdemir with O (DIN 5007-1).
    public string SortName { get; set; } = "";
    public string? Phone { get; set; }
    public Guid? SourceId { get; set; }
    public Source? Source { get; set; }
    public string? City { get; set; }
    public string? StateName { get; set; }
    public string? Country { get; set; }
    /// Street and number, for letters (an offer).
    public string? Address { get; set; }
    public string? ZipCode { get; set; }
    /// "de" or "en": the language of letters to them; German when not set.
    public string? Language { get; set; }
    public string? LinkedinUrl { get; set; }
    public string? PortfolioUrl { get; set; }
    public List<string> Tags { get; set; } = [];
    public List<string> Skills { get; set; } = [];
    public bool GdprConsent { get; set; }
    public DateTime? ConsentGivenAt { get; set; }
    public DateOnly? RetentionUntil { get; set; }
    public DateTime? AnonymizedAt { get; set; }
    public string? ExternalId { get; set; }

    public List<Application> Applications { get; set; } = [];

    /// Recomputes the columns derived for lookups; call after changing name, email, city or phone.
    public void RefreshDerivedFields()
    {
        EmailNormalized = Email.ToUpperInvariant();
        SearchText = string.Join(' ', new[] { FirstName, LastName, Email, City, Phone }.Where(s => !string.IsNullOrEmpty(s)))
            .ToLowerInvariant();
        SortName = Text.SortKey($"{LastName} {FirstName}");
    }

    public string FullName => NameOf(FirstName, LastName);

    /// "First Last", or the first name alone; for queries that read only the two names.
    public static string NameOf(string firstName, string? lastName) =>
        string.IsNullOrWhiteSpace(lastName) ? firstName : $"{firstName} {lastName}";
}
