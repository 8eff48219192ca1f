using Ats.Domain.Common;

namespace Ats.Domain.Jobs;

public enum JobStatus { Draft, Open, Paused, Closed }
public enum EmploymentType { FullTime, PartTime, Contract, Internship, Temporary }
public enum WorkplaceType { Onsite, Hybrid, Remote }

/// An open role. Its hiring team (hiring managers and interviewers) decides what a hiring manager may see.
public sealed class Job : TenantEntity
{
    public string Title { get; set; } = "";
    public string? Department { get; set; }
    public string? Location { get; set; }
    public EmploymentType? EmploymentType { get; set; }
    public JobStatus Status { get; set; } = JobStatus.Draft;
    public string? Slug { get; set; }
    public string? Description { get; set; }
    public FitProfile FitProfile { get; set; } = new();
    public List<Guid> HiringManagerIds { get; set; } = [];
    public List<Guid> InterviewerIds { get; set; } = [];
    /// Offer salaries are hidden from the hiring team unless an admin allows it for this job.
    public bool HiringManagersSeeSalaries { get; set; }
    public string? ExternalId { get; set; }
    public string? ClientName { get; set; }
    public string? Industry { get; set; }
    public string? JobCode { get; set; }
    public WorkplaceType? WorkplaceType { get; set; }
    public string? Address { get; set; }
    public string? City { get; set; }
    public string? StateName { get; set; }
    public string? ZipCode { get; set; }
    public string? Country { get; set; }
    public string? Duration { get; set; }
    public DateOnly? StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public DateOnly? PostingDate { get; set; }
    public string? PayFrequency { get; set; }
    public decimal? MinPayRate { get; set; }
    public decimal? MaxPayRate { get; set; }
    public string? PayRateCurrency { get; set; }
    public string? RecruiterName { get; set; }
    public string? RecruiterEmail { get; set; }
    public string? RecruiterWorkPhoneNo { get; set; }

    public bool HasOnTeam(Guid userId) => HiringManagerIds.Contains(userId) || InterviewerIds.Contains(userId);
}
