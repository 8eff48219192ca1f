namespace Ats.Domain.Identity;

/// The three roles. A user holds exactly one, stored as an Identity role so that cookies carry it as a claim.
public static class Roles
{
    public const string Admin = "admin";
    public const string Recruiter = "recruiter";
    public const string HiringManager = "hiring_manager";

    public static readonly IReadOnlyList<string> All = [Admin, Recruiter, HiringManager];

    public static bool IsKnown(string? role) => role is not null && All.Contains(role);
}
