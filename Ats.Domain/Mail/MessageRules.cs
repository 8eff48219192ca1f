using Ats.Domain.Candidates;
using Ats.Domain.Pipeline;
using Ats.Domain.Resources;
using Ats.Domain.Writes;
using Microsoft.EntityFrameworkCore;

namespace Ats.Domain.Mail;

/// An email's life: a person writes a draft, queues it, and only the outbox marks it sent or failed. While queued it is
/// not edited (the outbox may be sending it), once sent it is history; a failed one may be fixed and queued again.
/// A recorded conversation (channel note) is sent the moment it is recorded.
public sealed class MessageRules : ModelRules<Message>
{
    public override Task PrepareAsync(Message row, WriteContext context, CancellationToken ct)
    {
        if (row.Channel == MessageChannel.Note)
        {
            // A call or conversation is recorded, not sent: there is nothing for the outbox to do.
            if (row.Status == MessageStatus.Queued) row.Status = MessageStatus.Sent;
            if (row.Status == MessageStatus.Sent) row.SentAt ??= context.Now;
        }
        else if (row.Status == MessageStatus.Queued && context.Changed(row, nameof(Message.Status)) && !IsOutbox(context))
        {
            // Queued again by a person (a retry after failure, or a draft sent): the outbox starts afresh.
            (row.Attempts, row.NextAttemptAt, row.Error) = (0, null, null);
        }
        return Task.CompletedTask;
    }

    public override async Task ValidateAsync(Message row, WriteContext context, ValidationErrors errors, CancellationToken ct)
    {
        if (!context.IsCreate && context.Changed(row, nameof(Message.Channel))) errors.Add("channel", Messages.SetOnCreate);
        else if (row.Channel == MessageChannel.Email && !IsOutbox(context)) ValidateEmailByPerson(row, context, errors);
        await context.RequireReferenceAsync<Candidate>(row, nameof(Message.CandidateId), "candidate_id", row.CandidateId, errors, ct);
        await context.RequireReferenceAsync<Application>(row, nameof(Message.ApplicationId), "application_id", row.ApplicationId, errors, ct);
        await context.RequireReferenceAsync<EmailTemplate>(row, nameof(Message.TemplateId), "template_id", row.TemplateId, errors, ct);
        if (row.ApplicationId is { } application && !errors.Has("application_id") && !errors.Has("candidate_id")
            && !await context.Readable<Application>().AnyAsync(a => a.Id == application && a.CandidateId == row.CandidateId, ct))
            errors.Add("application_id", Messages.NotOfThisCandidate);
    }

    private static void ValidateEmailByPerson(Message row, WriteContext context, ValidationErrors errors)
    {
        // Only the outbox knows whether a mail left: people and integrators queue it.
        if (context.Changed(row, nameof(Message.Status)) && row.Status is MessageStatus.Sent or MessageStatus.Failed)
            errors.Add("status", Messages.StatusSetByOutbox);
        if (context.Changed(row, nameof(Message.SentAt)) && row.SentAt is not null) errors.Add("sent_at", Messages.StatusSetByOutbox);
        if (context.IsCreate) return;

        var stored = context.Db.Entry(row).Property(m => m.Status).OriginalValue;
        if (stored == MessageStatus.Sent)
        {
            if (context.Db.Entry(row).Properties.Any(p => p.IsModified && p.Metadata.Name != nameof(Message.ReadAt)))
                errors.Add("status", Messages.SentMailIsFinal);
        }
        else if (stored == MessageStatus.Queued
                 && (context.Changed(row, nameof(Message.Subject)) || context.Changed(row, nameof(Message.Body))))
            errors.Add("body", Messages.MailNotEditable);
    }

    /// The outbox (and the stage rules) act as the system.
    private static bool IsOutbox(WriteContext context) => context.Actor.Channel == Channel.System;
}

public sealed class EmailTemplateRules : ModelRules<EmailTemplate>
{
    public override Task ValidateAsync(EmailTemplate row, WriteContext context, ValidationErrors errors, CancellationToken ct)
    {
        // Checked when saved, not when a mail goes out: a broken template must never reach a candidate.
        // Rendered once for a made-up candidate too: a loop that would hold every stage move is refused here.
        if (!errors.Has("subject") && MailTemplates.RenderProblem(row.Subject) is { } subject) errors.Add("subject", subject);
        if (!errors.Has("body") && MailTemplates.RenderProblem(row.Body, markdown: true) is { } body) errors.Add("body", body);
        return UniqueNames.RequireAsync(context, row, nameof(EmailTemplate.Name), row.Name, context.Db.EmailTemplates, t => t.Name, errors, ct);
    }
}
