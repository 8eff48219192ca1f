using Ats.Domain.Mail;
using Ats.Domain.Writes;
using Microsoft.EntityFrameworkCore;

namespace Ats.Domain.Offers;

/// The mail that carries a sent offer's letter. Queued by the rules, inside the write that sends the offer, so the
/// offer is never marked sent without its letter and never the letter without the offer.
internal static class OfferLetterMail
{
    /// The letter goes to the candidate as a PDF attachment, made by the outbox when it sends the mail.
    public static async Task QueueAsync(Offer row, WriteContext context, CancellationToken ct)
    {
        var application = await context.Db.Applications.AsNoTracking().FirstOrDefaultAsync(a => a.Id == row.ApplicationId, ct);
        var candidate = application is null ? null : await context.Db.Candidates.AsNoTracking().FirstOrDefaultAsync(c => c.Id == application.CandidateId, ct);
        if (application is null || candidate is null) return; // a bad reference: validation refuses the write next
        var values = await MailValuesLoader.LoadAsync(context.Db, context.Actor, candidate, application, context.Now, ct);
        var (subject, body) = candidate.Language == "en"
            ? ($"Your offer: {values.JobTitle}", $"Dear {candidate.FullName},\n\nplease find attached our offer for the position of {values.JobTitle}. We look forward to hearing from you.\n\n{values.RecruiterSignature}")
            : ($"Ihr Angebot: {values.JobTitle}", $"Guten Tag {candidate.FullName},\n\nanbei erhalten Sie unser Angebot für die Position {values.JobTitle}. Wir freuen uns auf Ihre Rückmeldung.\n\n{values.RecruiterSignature}");
        QueuedMail.Add(context, new Message { CandidateId = candidate.Id, ApplicationId = application.Id, OfferId = row.Id, Subject = subject, Body = body });
    }
}
