namespace Ats.Domain.Identity;

public static class AtsClaims
{
    public const string TenantId = "ats:tenant";
    public const string DisplayName = "ats:name";
    public const string TimeZone = "ats:tz";
}
