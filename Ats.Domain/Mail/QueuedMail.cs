using Ats.Domain.Models;
using Ats.Domain.Writes;

namespace Ats.Domain.Mail;

/// Mail that a write causes (a stage-bound template, an offer letter, an interview invite): queued in the same
/// transaction as its cause, for the outbox to send.
internal static class QueuedMail
{
    private static readonly int SubjectLength = ModelCatalog.Message.Fields.First(f => f.Name == "subject").MaxLength ?? int.MaxValue;

    /// Queues the mail, or records it as failed with <paramref name="failure"/> when it could not be written (its template
    /// went over the limits): the write that caused it goes ahead either way.
    public static void Add(WriteContext context, Message mail, string? failure = null)
    {
        mail.TenantId = context.Actor.TenantId;
        (mail.Channel, mail.Status, mail.Error) = (MessageChannel.Email, failure is null ? MessageStatus.Queued : MessageStatus.Failed, failure);
        if (mail.Subject?.Length > SubjectLength) mail.Subject = mail.Subject[..SubjectLength]; // a long job title and name
        mail.CreatedAt = mail.UpdatedAt = context.Now;
        mail.Version = 1;
        context.Db.Messages.Add(mail);
    }
}
