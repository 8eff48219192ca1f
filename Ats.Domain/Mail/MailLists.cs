using Ats.Domain.Candidates;
using Ats.Domain.Pipeline;
using Ats.Domain.Writes;
using Microsoft.EntityFrameworkCore;

namespace Ats.Domain.Mail;

/// A line of the outbox: the mail without its body, and whom it is about.
public sealed record OutboxRow(Message Message, string CandidateName);

/// What the compose dialog offers: the candidate's applications (with their job), the active templates.
public sealed record ComposeChoices(List<Application> Applications, List<EmailTemplate> Templates);

/// The mail pages' reads, as the actor may see them.
public static class MailLists
{
    /// A candidate's messages, of one application or (null) all of them, newest first.
    public static Task<List<Message>> ForCandidateAsync(RecordService records, Actor actor, Guid candidateId, Guid? applicationId,
        CancellationToken ct = default) =>
        records.ReadAsync<Message, List<Message>>(actor, (messages, _) => messages
            .Where(m => m.CandidateId == candidateId && (applicationId == null || m.ApplicationId == applicationId))
            .OrderByDescending(m => m.CreatedAt).ToListAsync(ct), ct);

    /// The latest <paramref name="limit"/> emails, of one status or (null) any, newest first.
    public static Task<List<OutboxRow>> OutboxAsync(RecordService records, Actor actor, MessageStatus? status, int limit, CancellationToken ct = default) =>
        records.ReadAsync<Message, List<OutboxRow>>(actor, async (messages, reads) =>
            (await messages.Where(m => m.Channel == MessageChannel.Email && (status == null || m.Status == status))
                .OrderByDescending(m => m.CreatedAt).Take(limit)
                .Join(reads.Rows<Candidate>(), m => m.CandidateId, c => c.Id, (m, c) => new
                {
                    // Everything the table shows, not the bodies.
                    Message = new Message
                    {
                        Id = m.Id, Version = m.Version, CandidateId = m.CandidateId, RecipientUserId = m.RecipientUserId, Subject = m.Subject, Status = m.Status,
                        Error = m.Error, SentAt = m.SentAt, CreatedAt = m.CreatedAt,
                    },
                    c.FirstName, c.LastName,
                })
                .ToListAsync(ct))
            .Select(r => new OutboxRow(r.Message, Candidate.NameOf(r.FirstName, r.LastName))).ToList(), ct);

    public static async Task<ComposeChoices> ComposeChoicesAsync(RecordService records, Actor actor, Guid candidateId, CancellationToken ct = default) =>
        new(await records.ReadAsync<Application, List<Application>>(actor, (applications, _) =>
                applications.Include(a => a.Job).Where(a => a.CandidateId == candidateId).OrderByDescending(a => a.CreatedAt).ToListAsync(ct), ct),
            await records.ReadAsync<EmailTemplate, List<EmailTemplate>>(actor, (templates, _) =>
                templates.Where(t => t.Active).OrderBy(t => t.Name).ToListAsync(ct), ct));
}
