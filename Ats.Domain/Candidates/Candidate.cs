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
    public string? Phone { get; set; }
    public Guid? SourceId { get; set; }
    public Source? Source { get; set; }
    public string? City { get; set; }
    public string? StateName { get; set; }
    public string? Country { get; set; }
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

    public string FullName => string.IsNullOrWhiteSpace(LastName) ? FirstName : $"{FirstName} {LastName}";
}
