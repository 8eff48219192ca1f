using Ats.Domain.Models;
using Ats.Domain.Writes;

namespace Ats.Domain.Mail;

/// Mail that a write causes (a stage-bound template, an offer letter, an interview invite): queued in the same
/// transaction as its cause, for the outbox to send.
internal static class QueuedMail
{
    private static readonly int SubjectLength = ModelCatalog.Message.Fields.First(f => f.Name == "subject").MaxLength ?? int.MaxValue;

    public static void Add(WriteContext context, Message mail)
    {
        mail.TenantId = context.Actor.TenantId;
        (mail.Channel, mail.Status) = (MessageChannel.Email, MessageStatus.Queued);
        if (mail.Subject?.Length > SubjectLength) mail.Subject = mail.Subject[..SubjectLength]; // a long job title and name
        mail.CreatedAt = mail.UpdatedAt = context.Now;
        mail.Version = 1;
        context.Db.Messages.Add(mail);
    }
}
