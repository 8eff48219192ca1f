using Ats.Domain.Common;

namespace Ats.Domain.Offers;

public enum OfferTerm { Permanent, FixedTerm }
public enum OfferStatus { Draft, Sent, Accepted, Declined, Withdrawn }

public sealed class Offer : TenantEntity, Models.IPartlyHidden
{
    public Guid ApplicationId { get; set; }
    public decimal GrossSalary { get; set; }
    public string Currency { get; set; } = "EUR";
    public decimal? Bonus { get; set; }
    public DateOnly StartDate { get; set; }
    public OfferTerm Term { get; set; } = OfferTerm.Permanent;
    public DateOnly? EndDate { get; set; }
    public OfferStatus Status { get; set; } = OfferStatus.Draft;
    public DateTime? SentAt { get; set; }
    public DateTime? RespondedAt { get; set; }
    /// Set on a copy read for someone who may not see the figures (see SalaryVisibility); never stored.
    [System.ComponentModel.DataAnnotations.Schema.NotMapped]
    public bool SalaryHidden { get; init; }

    public bool Hides(string field) => SalaryHidden && field is "gross_salary" or "bonus";
}
