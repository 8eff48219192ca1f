using Ats.Domain.Writes;

namespace Ats.Domain.Mail;

/// Sending mail to a candidate: a new one or a finished draft goes to the outbox, a failed one is queued again (a
/// recorded conversation is logged as sent). The compose dialog, the lists' "send again" and a generic update of
/// "status" (REST, socket) come here; the rules let only the outbox mark mail sent or failed, and start a queued mail's
/// attempts afresh (see <see cref="MessageRules"/>).
public sealed class MessageActions(RecordService records) : IUpdateRoute<Message>
{
    public IReadOnlySet<string> Fields { get; } = new HashSet<string> { "status" };

    /// Queues a new email for the outbox, or records a conversation (channel note) as sent.
    public Task<Message> SendAsync(Actor actor, Message message, CancellationToken ct = default)
    {
        message.Status = message.Channel == MessageChannel.Note ? MessageStatus.Sent : MessageStatus.Queued;
        return records.CreateAsync(actor, message, ct);
    }

    /// Sends a draft with its last edits.
    public Task<Message> SendDraftAsync(Actor actor, Guid id, int? expectedVersion, Action<Message> edit, CancellationToken ct = default) =>
        QueueAsync(actor, id, expectedVersion, edit, false, ct);

    /// Queues a failed email again; the outbox starts its attempts afresh.
    public Task<Message> SendAgainAsync(Actor actor, Guid id, int? expectedVersion, CancellationToken ct = default) =>
        QueueAsync(actor, id, expectedVersion, null, false, ct);

    /// A generic update that queues the mail is a send (of a draft, or again); any other status is saved as asked.
    public Task<Message> UpdateAsync(Actor actor, Guid id, int? expectedVersion, Action<Message> apply, bool confirmed, CancellationToken ct)
    {
        var requested = new Message();
        apply(requested);
        return requested.Status == MessageStatus.Queued
            ? QueueAsync(actor, id, expectedVersion, apply, confirmed, ct)
            : records.UpdateAsync(actor, id, expectedVersion, apply, confirmed, ct);
    }

    private Task<Message> QueueAsync(Actor actor, Guid id, int? expectedVersion, Action<Message>? edit, bool confirmed, CancellationToken ct) =>
        records.UpdateAsync<Message>(actor, id, expectedVersion, m =>
        {
            edit?.Invoke(m);
            m.Status = MessageStatus.Queued;
        }, confirmed, ct);
}
