using Ats.Domain.Common;

namespace Ats.Domain.Mail;

public enum MessageChannel { Email, Note }
public enum MessageStatus { Draft, Queued, Sent, Failed }

/// Outbound mail to a candidate, or a recorded conversation (channel note).
public sealed class Message : TenantEntity
{
    public Guid CandidateId { get; set; }
    public Guid? ApplicationId { get; set; }
    public MessageChannel Channel { get; set; } = MessageChannel.Email;
    public string? Subject { get; set; }
    public string Body { get; set; } = "";
    public MessageStatus Status { get; set; } = MessageStatus.Draft;
    public Guid? TemplateId { get; set; }
    public DateTime? SentAt { get; set; }
    public DateTime? ReadAt { get; set; }
    public string? Error { get; set; }
    /// The offer whose letter goes with this mail as a PDF (made when it is sent).
    public Guid? OfferId { get; set; }
    /// The interview this mail invites to, updates or cancels.
    public Guid? InterviewId { get; set; }
    /// Set when the mail goes to a colleague (an interviewer) rather than the candidate.
    public Guid? RecipientUserId { get; set; }
    /// The calendar entry attached as invite.ics (RFC 5545), as it was when the mail was queued. Not on the wire.
    public string? CalendarIcs { get; set; }
    /// Outbox bookkeeping, not on the wire: how often sending failed, and when to try again.
    public int Attempts { get; set; }
    public DateTime? NextAttemptAt { get; set; }
}
