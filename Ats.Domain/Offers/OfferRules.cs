using Ats.Domain.Data;
using Ats.Domain.Pipeline;
using Ats.Domain.Resources;
using Ats.Domain.Writes;
using Microsoft.EntityFrameworkCore;

namespace Ats.Domain.Offers;

/// An offer's life: draft → sent → accepted | declined, and withdrawn from draft or sent; nothing else. It is made in
/// the offer stage, its terms are fixed once the letter went out, and sending it queues the letter (PDF) to the
/// candidate in the same transaction, from every surface.
public sealed class OfferRules : ModelRules<Offer>
{
    private static readonly Dictionary<OfferStatus, OfferStatus[]> Next = new()
    {
        [OfferStatus.Draft] = [OfferStatus.Sent, OfferStatus.Withdrawn],
        [OfferStatus.Sent] = [OfferStatus.Accepted, OfferStatus.Declined, OfferStatus.Withdrawn],
        [OfferStatus.Accepted] = [],
        [OfferStatus.Declined] = [],
        [OfferStatus.Withdrawn] = [],
    };

    private static readonly string[] Terms =
        [nameof(Offer.ApplicationId), nameof(Offer.GrossSalary), nameof(Offer.Currency), nameof(Offer.Bonus), nameof(Offer.StartDate), nameof(Offer.Term), nameof(Offer.EndDate)];

    public static IReadOnlyList<OfferStatus> NextStatuses(OfferStatus from) => Next[from];

    public override async Task PrepareAsync(Offer row, WriteContext context, CancellationToken ct)
    {
        row.Currency = row.Currency.Trim().ToUpperInvariant();
        if (context.IsCreate || !context.Changed(row, nameof(Offer.Status)) || !Next[Stored(row, context)].Contains(row.Status)) return;
        switch (row.Status)
        {
            case OfferStatus.Sent:
                row.SentAt = context.Now;
                await OfferLetterMail.QueueAsync(row, context, ct);
                break;
            case OfferStatus.Accepted or OfferStatus.Declined:
                row.RespondedAt = context.Now;
                break;
        }
    }

    public override async Task ValidateAsync(Offer row, WriteContext context, ValidationErrors errors, CancellationToken ct)
    {
        await context.RequireReferenceAsync<Application>(row, nameof(Offer.ApplicationId), "application_id", row.ApplicationId, errors, ct);
        if (!errors.Has("gross_salary") && row.GrossSalary <= 0) errors.Add("gross_salary", Messages.MustBePositive);
        if (row.Bonus < 0) errors.Add("bonus", Messages.Negative);
        if (row.EndDate < row.StartDate) errors.Add("end_date", Messages.EndBeforeStart);
        if (row.Term == OfferTerm.FixedTerm && row.EndDate is null) errors.Add("end_date", Messages.Required);
        if (row.Term == OfferTerm.Permanent && row.EndDate is not null) errors.Add("end_date", Messages.OnlyForFixedTerm);

        if (context.IsCreate)
        {
            if (row.Status != OfferStatus.Draft) errors.Add("status", Messages.OfferStartsAsDraft);
            if (!errors.Has("application_id") && !await InOfferStageAsync(row, context, ct)) errors.Add("application_id", Messages.OfferNeedsOfferStage);
            // One offer out at a time: a new one follows a withdrawn or declined one, never a live or accepted one.
            if (!errors.Has("application_id") && await context.Db.Offers.AnyAsync(o => o.ApplicationId == row.ApplicationId
                    && (o.Status == OfferStatus.Sent || o.Status == OfferStatus.Accepted), ct))
                errors.Add("application_id", Messages.OfferAlreadyOut);
            return;
        }
        var stored = Stored(row, context);
        if (context.Changed(row, nameof(Offer.Status)) && row.Status == OfferStatus.Sent && !await InOfferStageAsync(row, context, ct))
            errors.Add("status", Messages.OfferNeedsOfferStage);
        if (context.Changed(row, nameof(Offer.Status)) && !Next[stored].Contains(row.Status))
            errors.Add("status", Messages.OfferTransition(Name(stored), Name(row.Status),
                Next[stored].Length == 0 ? "–" : string.Join(", ", Next[stored].Select(Name))));
        // What the letter said stays what was offered; an offer stays with the application it was made for.
        if (context.Changed(row, nameof(Offer.ApplicationId))) errors.Add("application_id", Messages.SetOnCreate);
        else if (stored != OfferStatus.Draft)
            foreach (var term in Terms.Where(t => context.Changed(row, t)))
                errors.Add(Models.FieldDescriptor.WireName(term), Messages.OfferTermsFixed);
    }

    /// Only a draft can be deleted: a sent offer is part of the record (withdraw it instead). Deleting the
    /// application or the candidate (GDPR) still takes every offer with it.
    public override Task ValidateDeleteAsync(Offer row, WriteContext context, ValidationErrors errors, CancellationToken ct)
    {
        if (row.Status != OfferStatus.Draft) errors.Add("status", Messages.OnlyDraftOffersDeleted);
        return Task.CompletedTask;
    }

    private static Task<bool> InOfferStageAsync(Offer row, WriteContext context, CancellationToken ct) =>
        context.Db.Applications.AnyAsync(a => a.Id == row.ApplicationId && a.Stage == Stage.Offer, ct);

    private static OfferStatus Stored(Offer row, WriteContext context) => context.Db.Entry(row).Property(o => o.Status).OriginalValue;

    private static string Name(OfferStatus status) => SnakeCase<OfferStatus>.Name(status);
}
