using Ats.Domain.Interviews;
using Ats.Domain.Jobs;
using Ats.Domain.Mail;
using Ats.Domain.Offers;
using Ats.Domain.Pipeline;
using Ats.Domain.Scorecards;

namespace Ats.Web.Components.Shared;

/// English display texts for enum values; they are localisation keys like every other UI string.
public static class Labels
{
    public static string Of(Stage stage) => stage switch
    {
        Stage.New => "New",
        Stage.Review => "Review",
        Stage.Screening => "Screening",
        Stage.Interview => "Interview",
        Stage.Offer => "Offer",
        Stage.Hired => "Hired",
        Stage.Rejected => "Rejected",
        Stage.TalentPool => "Talent pool",
        _ => stage.ToString(),
    };

    public static string Of(JobStatus status) => status switch
    {
        JobStatus.Draft => "Draft",
        JobStatus.Open => "Open",
        JobStatus.Paused => "Paused",
        JobStatus.Closed => "Closed",
        _ => status.ToString(),
    };

    public static string Of(EmploymentType type) => type switch
    {
        EmploymentType.FullTime => "Full time",
        EmploymentType.PartTime => "Part time",
        EmploymentType.Contract => "Contract",
        EmploymentType.Internship => "Internship",
        EmploymentType.Temporary => "Temporary",
        _ => type.ToString(),
    };

    public static string Of(WorkplaceType type) => type switch
    {
        WorkplaceType.Onsite => "On site",
        WorkplaceType.Hybrid => "Hybrid",
        WorkplaceType.Remote => "Remote",
        _ => type.ToString(),
    };

    public static string Of(MessageStatus status) => status switch
    {
        MessageStatus.Draft => "Draft",
        MessageStatus.Queued => "Queued",
        MessageStatus.Sent => "Sent",
        MessageStatus.Failed => "Failed",
        _ => status.ToString(),
    };

    public static string Of(InterviewKind kind) => kind switch
    {
        InterviewKind.Phone => "Phone interview",
        InterviewKind.Video => "Video interview",
        InterviewKind.Onsite => "On-site interview",
        InterviewKind.TakeHome => "Take-home assignment",
        _ => kind.ToString(),
    };

    public static string Of(InterviewStatus status) => status switch
    {
        InterviewStatus.Scheduled => "Scheduled",
        InterviewStatus.Completed => "Completed",
        InterviewStatus.Cancelled => "Cancelled",
        InterviewStatus.NoShow => "No-show",
        _ => status.ToString(),
    };

    public static string Of(Recommendation recommendation) => recommendation switch
    {
        Recommendation.StrongYes => "Strong yes",
        Recommendation.Yes => "Yes",
        Recommendation.No => "No",
        Recommendation.StrongNo => "Strong no",
        _ => recommendation.ToString(),
    };

    public static string Of(OfferStatus status) => status switch
    {
        OfferStatus.Draft => "Offer drafted",
        OfferStatus.Sent => "Offer sent",
        OfferStatus.Accepted => "Offer accepted",
        OfferStatus.Declined => "Offer declined",
        OfferStatus.Withdrawn => "Offer withdrawn",
        _ => status.ToString(),
    };

    public static string Role(string role) => role switch
    {
        "admin" => "Administrator",
        "recruiter" => "Recruiter",
        "hiring_manager" => "Hiring manager",
        _ => role,
    };

    public static string Model(string model) => model switch
    {
        "job" => "Job",
        "candidate" => "Candidate",
        "application" => "Application",
        "application_note" => "Note",
        "email_template" => "Email template",
        "evaluation" => "Scorecard",
        "interview" => "Interview",
        "message" => "Message",
        "offer" => "Offer",
        "source" => "Source",
        "task" => "Task",
        "user" => "User",
        "invitation" => "Invitation",
        "token" => "Access token",
        "organisation" => "Organisation",
        _ => model,
    };

    public static string Channel(string channel) => channel switch
    {
        "ui" => "Web app",
        "api" => "REST API",
        "ws" => "WebSocket",
        "mcp" => "MCP",
        "v1" => "Automation API",
        "system" => "System",
        _ => channel,
    };
}
