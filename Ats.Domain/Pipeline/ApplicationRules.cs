using Ats.Domain.Candidates;
using Ats.Domain.Data;
using Ats.Domain.Jobs;
using Ats.Domain.Mail;
using Ats.Domain.Resources;
using Ats.Domain.Sources;
using Ats.Domain.Writes;
using Microsoft.EntityFrameworkCore;

namespace Ats.Domain.Pipeline;

/// Stage moves from every surface pass here: a new card goes to the bottom of its column unless placed, every stage
/// change is written to the stage history, a rejection needs a reason, and leaving a final stage needs a confirmation.
public sealed class ApplicationRules : ModelRules<Application>
{
    public override async Task PrepareAsync(Application row, WriteContext context, CancellationToken ct)
    {
        var stageChanged = context.Changed(row, nameof(Application.Stage));
        if (stageChanged)
        {
            row.StageChangedAt = context.Now;
            if (!context.IsCreate && row.Stage != Stage.Rejected && !context.Changed(row, nameof(Application.RejectionReason)))
                row.RejectionReason = null; // the reason belongs to the rejection it explained
            context.Db.StageChanges.Add(new StageChange
            {
                TenantId = context.Actor.TenantId,
                ApplicationId = row.Id,
                FromStage = context.IsCreate ? null : context.Db.Entry(row).Property(a => a.Stage).OriginalValue,
                ToStage = row.Stage,
                ActorId = context.Actor.UserId,
                ActorName = context.Actor.Name,
                At = context.Now,
            });
        }
        if (stageChanged) await QueueStageMailAsync(row, context, ct);
        var placed = !string.IsNullOrEmpty(row.KanbanPosition) && (context.IsCreate || context.Changed(row, nameof(Application.KanbanPosition)));
        if (!placed && (context.IsCreate || stageChanged || string.IsNullOrEmpty(row.KanbanPosition)))
            row.KanbanPosition = Rank.Between(await LastRankAsync(row, context, ct), null);
    }

    /// A template bound to the stage the card enters becomes a queued mail to the candidate, in the same transaction as
    /// the move, whichever surface made it; the outbox sends it. Inactive templates send nothing. The render is held to
    /// the template limits, and a template over them (or failing otherwise) never stops the move: the mail is recorded
    /// as failed with the reason, for a recruiter to see and write by hand.
    private static async Task QueueStageMailAsync(Application row, WriteContext context, CancellationToken ct)
    {
        var template = await context.Db.EmailTemplates.Where(t => t.Stage == row.Stage && t.Active).OrderBy(t => t.Name).FirstOrDefaultAsync(ct);
        if (template is null) return;
        var candidate = await context.Db.Candidates.FirstOrDefaultAsync(c => c.Id == row.CandidateId, ct);
        if (candidate is null || !await context.Db.Jobs.AnyAsync(j => j.Id == row.JobId, ct)) return; // a bad reference: validation refuses the whole write next
        var values = await MailValuesLoader.LoadAsync(context.Db, context.Actor, candidate, row, context.Now, ct);
        var message = new Message { CandidateId = row.CandidateId, ApplicationId = row.Id, TemplateId = template.Id };
        try
        {
            var mail = MailComposer.Compose(template.Subject, template.Body, values);
            (message.Subject, message.Body) = (mail.Subject, mail.Text);
            QueuedMail.Add(context, message);
        }
        catch (MailTemplateException ex)
        {
            // The template's own text is not a mail: nothing is filled in, so a retry cannot send raw Liquid.
            (message.Subject, message.Body) = (template.Name, "");
            QueuedMail.Add(context, message, Messages.TemplateMailFailed(template.Name, ex.Message));
        }
    }

    /// The bottom of the card's column, counting cards placed earlier in the same write (a bulk move).
    private static async Task<string?> LastRankAsync(Application row, WriteContext context, CancellationToken ct)
    {
        var stored = await context.Db.Applications.Where(a => a.JobId == row.JobId && a.Stage == row.Stage && a.Id != row.Id)
            .OrderByDescending(a => a.KanbanPosition).Select(a => a.KanbanPosition).FirstOrDefaultAsync(ct);
        var pending = context.Db.Applications.Local
            .Where(a => a != row && a.JobId == row.JobId && a.Stage == row.Stage && a.KanbanPosition.Length > 0)
            .Select(a => a.KanbanPosition);
        return pending.Append(stored).OfType<string>().DefaultIfEmpty().Max(StringComparer.Ordinal);
    }

    public override async Task ValidateAsync(Application row, WriteContext context, ValidationErrors errors, CancellationToken ct)
    {
        if (!errors.Has("kanban_position") && !Rank.IsValid(row.KanbanPosition)) errors.Add("kanban_position", Messages.InvalidValue);
        if (row.Stage == Stage.Rejected && string.IsNullOrWhiteSpace(row.RejectionReason)
            && (context.Changed(row, nameof(Application.Stage)) || context.Changed(row, nameof(Application.RejectionReason))))
            errors.Add("rejection_reason", Messages.RejectionReasonRequired);
        if (context.Changed(row, nameof(Application.Stage)))
        {
            var from = context.IsCreate ? (Stage?)null : context.Db.Entry(row).Property(a => a.Stage).OriginalValue;
            if (from is { } final && final.IsFinal() && !context.Confirmed)
                errors.Add("stage", Messages.ConfirmLeaveFinalStage(SnakeCase<Stage>.Name(final)));
        }
        await context.RequireReferenceAsync<Candidate>(row, nameof(Application.CandidateId), "candidate_id", row.CandidateId, errors, ct);
        await context.RequireReferenceAsync<Job>(row, nameof(Application.JobId), "job_id", row.JobId, errors, ct);
        await context.RequireReferenceAsync<Source>(row, nameof(Application.SourceId), "source_id", row.SourceId, errors, ct);
        if (!errors.Has("candidate_id") && !errors.Has("job_id")
            && (context.Changed(row, nameof(Application.CandidateId)) || context.Changed(row, nameof(Application.JobId)))
            && await context.Db.Applications.AnyAsync(a => a.CandidateId == row.CandidateId && a.JobId == row.JobId && a.Id != row.Id, ct))
            errors.Add("job_id", Messages.DuplicateApplication);
    }
}
