using Ats.Domain.Common;
using Ats.Domain.Data;
using Ats.Domain.Writes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Ats.Domain.Mail;

/// Sends queued mail. A message is written (queued) in the same transaction as the action that caused it; this sends
/// it afterwards, retries with growing pauses while the server is unreachable, and gives up as failed with the
/// server's words. Status changes go through the one write path as the system, so they are audited and announced.
public sealed class MailOutbox(IDbContextFactory<AtsDbContext> dbFactory, RecordService records, IMailTransport transport,
    MailSettings settings, TimeProvider clock, ILogger<MailOutbox> logger)
{
    /// Pauses after the 1st, 2nd … failed attempt; after the last one the message is failed.
    public static readonly IReadOnlyList<TimeSpan> Backoff =
        [TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2)];

    private const int Batch = 20;

    /// Sends what is due now; returns how many messages were handed to the transport.
    public async Task<int> SendDueAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        List<(Message Message, string To, Guid TenantId)> due;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            // Across organisations: the outbox is the server's own work.
            due = (await db.Messages.IgnoreQueryFilters()
                    .Where(m => m.Channel == MessageChannel.Email && m.Status == MessageStatus.Queued && (m.NextAttemptAt == null || m.NextAttemptAt <= now))
                    .OrderBy(m => m.NextAttemptAt ?? m.CreatedAt).Take(Batch)
                    .Select(m => new
                    {
                        Message = m,
                        To = m.RecipientUserId != null
                            ? db.Users.Where(u => u.Id == m.RecipientUserId).Select(u => u.Email!).First()
                            : db.Candidates.IgnoreQueryFilters().Where(c => c.Id == m.CandidateId).Select(c => c.Email).First(),
                    })
                    .ToListAsync(ct))
                .Select(r => (r.Message, r.To, r.Message.TenantId)).ToList();
        }

        var sent = 0;
        foreach (var (message, to, tenantId) in due)
        {
            var system = Actor.System(tenantId);
            try
            {
                var mail = new ComposedMail(message.Subject ?? "", message.Body, Markdown.ToSafeHtml(message.Body));
                if (await AttachmentsAsync(message, tenantId, ct) is not { } attachments)
                {
                    // Its letter is no longer on offer: the mail must not leave.
                    await records.UpdateAsync<Message>(system, message.Id, null, m => (m.Status, m.Error) = (MessageStatus.Failed, Resources.Messages.OfferNoLongerOut), ct);
                    continue;
                }
                await transport.SendAsync(MailTransports.ToMime(mail, settings.From, to, message.Id, attachments), ct);
                await records.UpdateAsync<Message>(system, message.Id, null, m =>
                {
                    (m.Status, m.SentAt, m.Error, m.NextAttemptAt) = (MessageStatus.Sent, clock.GetUtcNow().UtcDateTime, null, null);
                    m.Attempts++;
                }, ct);
                sent++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException && ex is not DomainException)
            {
                // The server's own words for the recruiter; the log gets the message id only (no addresses).
                logger.LogWarning("Sending message {MessageId} failed (attempt {Attempt})", message.Id, message.Attempts + 1);
                await records.UpdateAsync<Message>(system, message.Id, null, m =>
                {
                    // The attempt number also makes each failure a visible change, so it is saved and audited.
                    (m.Attempts, m.Status, m.NextAttemptAt, m.Error) = AfterFailure(m.Attempts, ex);
                }, ct);
            }
        }
        return sent + await SendAccountMailAsync(now, ct);
    }

    private (int Attempts, MessageStatus Status, DateTime? NextAttemptAt, string Error) AfterFailure(int attempts, Exception ex)
    {
        attempts++;
        var words = ex.Message.Length > 1000 ? ex.Message[..1000] : ex.Message;
        var error = $"Attempt {attempts} of {Backoff.Count + 1}: {words}";
        return attempts > Backoff.Count
            ? (attempts, MessageStatus.Failed, null, error)
            : (attempts, MessageStatus.Queued, clock.GetUtcNow().UtcDateTime + Backoff[attempts - 1], error);
    }

    /// Mail about an account (reset links, invitations, notices to an address's owner): sent like the rest, then its
    /// body is blanked (a link is a key).
    private async Task<int> SendAccountMailAsync(DateTime now, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var due = await db.AccountMails
            .Where(m => m.Status == MessageStatus.Queued && (m.NextAttemptAt == null || m.NextAttemptAt <= now))
            .OrderBy(m => m.NextAttemptAt ?? m.CreatedAt).Take(Batch)
            .Select(m => new { Mail = m, To = m.To ?? db.Users.Where(u => u.Id == m.UserId).Select(u => u.Email).FirstOrDefault() })
            .ToListAsync(ct);
        var sent = 0;
        foreach (var (mail, to) in due.Select(d => (d.Mail, d.To)))
        {
            try
            {
                if (to is null) throw new InvalidOperationException("The account has no address any more.");
                var composed = new ComposedMail(mail.Subject, Markdown.Unescape(mail.Body), Markdown.ToSafeHtml(mail.Body));
                await transport.SendAsync(MailTransports.ToMime(composed, settings.From, to, mail.Id), ct);
                (mail.Status, mail.SentAt, mail.Body, mail.Error, mail.NextAttemptAt) = (MessageStatus.Sent, clock.GetUtcNow().UtcDateTime, "", null, null);
                mail.Attempts++;
                sent++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning("Sending account mail {MailId} failed (attempt {Attempt})", mail.Id, mail.Attempts + 1);
                (mail.Attempts, mail.Status, mail.NextAttemptAt, mail.Error) = AfterFailure(mail.Attempts, ex);
                if (mail.Status == MessageStatus.Failed) mail.Body = "";
            }
            await db.SaveChangesAsync(ct);
        }
        return sent;
    }

    /// The offer letter is drawn when the mail leaves (the terms of a sent offer cannot change), or null when the offer
    /// was withdrawn meanwhile; a calendar entry was written when the mail was queued, as it stood then.
    private async Task<List<MailAttachment>?> AttachmentsAsync(Message message, Guid tenantId, CancellationToken ct)
    {
        var attachments = new List<MailAttachment>();
        if (message.CalendarIcs is { } ics)
        {
            var method = ics.Contains("\r\nMETHOD:CANCEL\r\n", StringComparison.Ordinal) ? "CANCEL" : "REQUEST";
            attachments.Add(new MailAttachment("invite.ics", $"text/calendar; method={method}; charset=utf-8", System.Text.Encoding.UTF8.GetBytes(ics)));
        }
        if (message.OfferId is { } offerId)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            db.TenantId = tenantId;
            if (await db.Offers.Where(o => o.Id == offerId).Select(o => (Offers.OfferStatus?)o.Status).FirstOrDefaultAsync(ct) is not
                (Offers.OfferStatus.Sent or Offers.OfferStatus.Accepted or Offers.OfferStatus.Declined)) return null;
            if (await Offers.OfferLetter.LoadAsync(db, offerId, clock.GetUtcNow().UtcDateTime, ct) is { } letter)
                attachments.Add(new MailAttachment(letter.FileName, "application/pdf", Offers.OfferLetterPdf.Render(letter)));
        }
        return attachments;
    }
}
