using Ats.Domain.Writes;

namespace Ats.Domain.Offers;

/// What people do with an offer beyond editing a draft: send it, record the candidate's answer, withdraw it. The panel's
/// buttons and a PATCH of "status" (REST, socket) both come here. The rules check the transition and, in the same
/// transaction, queue the letter of a sent offer (see <see cref="OfferLetterMail"/>).
public sealed class OfferActions(RecordService records) : IUpdateRoute<Offer>
{
    public IReadOnlySet<string> Fields { get; } = new HashSet<string> { "status" };

    /// The letter goes to the candidate as a PDF, and the terms are fixed from now on.
    public Task<Offer> SendAsync(Actor actor, Guid id, int? expectedVersion, CancellationToken ct = default) =>
        MoveAsync(actor, id, expectedVersion, OfferStatus.Sent, null, false, ct);

    /// The candidate said yes or no to a sent offer.
    public Task<Offer> RecordAnswerAsync(Actor actor, Guid id, int? expectedVersion, bool accepted, CancellationToken ct = default) =>
        MoveAsync(actor, id, expectedVersion, accepted ? OfferStatus.Accepted : OfferStatus.Declined, null, false, ct);

    public Task<Offer> WithdrawAsync(Actor actor, Guid id, int? expectedVersion, CancellationToken ct = default) =>
        MoveAsync(actor, id, expectedVersion, OfferStatus.Withdrawn, null, false, ct);

    /// A generic update that sets the status: the same use cases, with the body's other fields in the same write.
    public Task<Offer> UpdateAsync(Actor actor, Guid id, int? expectedVersion, Action<Offer> apply, bool confirmed, CancellationToken ct)
    {
        var requested = new Offer();
        apply(requested);
        return MoveAsync(actor, id, expectedVersion, requested.Status, apply, confirmed, ct);
    }

    private Task<Offer> MoveAsync(Actor actor, Guid id, int? expectedVersion, OfferStatus status, Action<Offer>? alsoApply, bool confirmed,
        CancellationToken ct) =>
        records.UpdateAsync<Offer>(actor, id, expectedVersion, o =>
        {
            alsoApply?.Invoke(o);
            o.Status = status;
        }, confirmed, ct);
}
