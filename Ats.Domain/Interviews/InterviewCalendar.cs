using Ats.Domain.Data;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace Ats.Domain.Interviews;

/// Someone on a calendar entry.
public sealed record CalendarPerson(string Name, string Email);

/// The RFC 5545 entry of an interview, written with Ical.Net: one UID per interview for its whole life, a SEQUENCE that
/// grows with every change, METHOD:REQUEST to invite or update and METHOD:CANCEL to call it off.
public static class InterviewCalendar
{
    public const string Request = "REQUEST", Cancel = "CANCEL";

    public static string Uid(Guid interviewId) => $"{interviewId:N}@ats";

    /// In the reader's time zone, named, so anyone can convert it: "2026-12-01 14:00 (Europe/Berlin)".
    public static string When(DateTime startsAtUtc, string? timeZone)
    {
        var zone = Common.TimeZones.Find(timeZone);
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(startsAtUtc, DateTimeKind.Utc), zone);
        return $"{local.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture)} ({zone.Id})";
    }

    public static string Ics(Interview interview, string method, string summary, string? description, CalendarPerson organizer,
        IEnumerable<CalendarPerson> attendees)
    {
        var entry = new CalendarEvent
        {
            Uid = Uid(interview.Id),
            Sequence = interview.Sequence,
            DtStamp = new CalDateTime(DateTime.UtcNow, "UTC", true),
            DtStart = new CalDateTime(DateTime.SpecifyKind(interview.StartsAt, DateTimeKind.Utc), "UTC", true),
            DtEnd = new CalDateTime(DateTime.SpecifyKind(interview.StartsAt.AddMinutes(interview.DurationMinutes), DateTimeKind.Utc), "UTC", true),
            Summary = summary,
            Description = description,
            Location = interview.MeetingLink ?? interview.Room,
            Status = method == Cancel ? "CANCELLED" : "CONFIRMED",
            Organizer = new Organizer($"mailto:{organizer.Email}") { CommonName = OneLine(organizer.Name) },
        };
        foreach (var person in attendees)
            entry.Attendees.Add(new Attendee($"mailto:{person.Email}")
            {
                CommonName = OneLine(person.Name), Role = "REQ-PARTICIPANT", ParticipationStatus = "NEEDS-ACTION", Rsvp = method == Request,
            });
        var calendar = new Ical.Net.Calendar { Method = method, ProductId = "-//Ats//Interviews//EN" };
        calendar.Events.Add(entry);
        return new CalendarSerializer().SerializeToString(calendar)!;
    }

    /// A name as a calendar parameter: no line breaks or other control characters, which would end the line.
    private static string OneLine(string text) => string.Concat(text.Select(c => char.IsControl(c) ? ' ' : c)).Trim();

    /// What an interviewer's copy says: who, for which job, when and where (the candidate's note and greeting are theirs).
    public static (string Subject, string Body) ForInterviewer(Interview interview, string language, string method, string jobTitle,
        string candidateName, string when)
    {
        var where = interview.MeetingLink ?? interview.Room;
        var english = language == "en";
        var subject = method == Cancel
            ? (english ? $"Cancelled: interview with {candidateName}" : $"Abgesagt: Gespräch mit {candidateName}")
            : (english ? $"{(interview.Sequence > 0 ? "Updated: " : "")}Interview with {candidateName} ({jobTitle}), {when}"
                       : $"{(interview.Sequence > 0 ? "Geändert: " : "")}Gespräch mit {candidateName} ({jobTitle}), {when}");
        var body = method == Cancel
            ? (english ? $"The interview with {candidateName} on {when} is cancelled." : $"Das Gespräch mit {candidateName} am {when} ist abgesagt.")
            : (english ? $"You interview {candidateName} for {jobTitle}:\n\n- When: {when}\n- Duration: {interview.DurationMinutes} minutes{(where is null ? "" : $"\n- Where: {where}")}\n\nAfterwards, your scorecard is waiting under \"My scorecards\"."
                       : $"Sie führen das Gespräch mit {candidateName} zur Stelle {jobTitle}:\n\n- Wann: {when}\n- Dauer: {interview.DurationMinutes} Minuten{(where is null ? "" : $"\n- Wo: {where}")}\n\nDanach wartet Ihre Bewertung unter „Meine Bewertungen“.");
        return (subject, body);
    }

    /// What the invite says in the candidate's language.
    public static (string Subject, string Body) Invitation(Interview interview, string language, string method, string jobTitle,
        string candidateName, string when, string? signature)
    {
        var where = interview.MeetingLink ?? interview.Room;
        var kind = SnakeCase<InterviewKind>.Name(interview.Kind);
        if (language == "en")
            return method == Cancel
                ? ($"Cancelled: interview for {jobTitle}", $"Dear {candidateName},\n\nunfortunately we have to cancel the interview on {when}. We will be in touch.\n\n{signature}")
                : ($"{(interview.Sequence > 0 ? "Updated: " : "")}Interview for {jobTitle}, {when}",
                   $"Dear {candidateName},\n\nwe look forward to meeting you ({kind.Replace('_', ' ')} interview):\n\n- When: {when}\n- Duration: {interview.DurationMinutes} minutes{(where is null ? "" : $"\n- Where: {where}")}\n\n{interview.InviteNote}\n\nThe calendar entry is attached.\n\n{signature}");
        return method == Cancel
            ? ($"Abgesagt: Gespräch zur Stelle {jobTitle}", $"Guten Tag {candidateName},\n\nleider müssen wir das Gespräch am {when} absagen. Wir melden uns bei Ihnen.\n\n{signature}")
            : ($"{(interview.Sequence > 0 ? "Geändert: " : "")}Gespräch zur Stelle {jobTitle}, {when}",
               $"Guten Tag {candidateName},\n\nwir freuen uns auf das Gespräch mit Ihnen:\n\n- Wann: {when}\n- Dauer: {interview.DurationMinutes} Minuten{(where is null ? "" : $"\n- Wo: {where}")}\n\n{interview.InviteNote}\n\nDer Kalendereintrag ist angehängt.\n\n{signature}");
    }
}
