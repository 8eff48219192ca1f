using Ats.Domain.Common;

namespace Ats.Domain.Interviews;

public enum InterviewKind { Phone, Video, Onsite, TakeHome }
public enum InterviewStatus { Scheduled, Completed, Cancelled, NoShow }

public sealed class Interview : TenantEntity
{
    public Guid ApplicationId { get; set; }
    public InterviewKind Kind { get; set; }
    public DateTime StartsAt { get; set; }
    public int DurationMinutes { get; set; }
    public List<Guid> InterviewerIds { get; set; } = [];
    public string? MeetingLink { get; set; }
    public string? Room { get; set; }
    public InterviewStatus Status { get; set; } = InterviewStatus.Scheduled;
    public string? InviteNote { get; set; }
    /// RFC 5545 SEQUENCE of the calendar entry: raised whenever the invite changes. Not on the wire.
    public int Sequence { get; set; }
    /// When interviewers still without a scorecard were reminded (once, a day after). Not on the wire.
    public DateTime? RemindedAt { get; set; }
}
