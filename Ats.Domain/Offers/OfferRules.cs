using Ats.Domain.Pipeline;
using Ats.Domain.Resources;
using Ats.Domain.Writes;

namespace Ats.Domain.Offers;

public sealed class OfferRules : ModelRules<Offer>
{
    public override async Task ValidateAsync(Offer row, WriteContext context, ValidationErrors errors, CancellationToken ct)
    {
        await context.RequireReferenceAsync<Application>(row, nameof(Offer.ApplicationId), "application_id", row.ApplicationId, errors, ct);
        if (!errors.Has("gross_salary") && row.GrossSalary <= 0) errors.Add("gross_salary", Messages.MustBePositive);
        if (row.EndDate < row.StartDate) errors.Add("end_date", Messages.EndBeforeStart);
        if (row.Term == OfferTerm.FixedTerm && row.EndDate is null) errors.Add("end_date", Messages.Required);
    }
}
