using Ats.Domain.Writes;
using Microsoft.EntityFrameworkCore;

namespace Ats.Domain.Offers;

/// The offers of an application, newest first, as the actor may see them (figures hidden where they may not).
public static class OfferList
{
    public static Task<List<Offer>> ForApplicationAsync(RecordService records, Actor actor, Guid applicationId, CancellationToken ct = default) =>
        records.ReadAsync<Offer, List<Offer>>(actor, (offers, _) =>
            offers.Where(o => o.ApplicationId == applicationId).OrderByDescending(o => o.CreatedAt).ToListAsync(ct), ct);
}
