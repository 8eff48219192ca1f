namespace Ats.Domain.Identity;

public static class AtsClaims
{
    public const string TenantId = "ats:tenant";
    public const string DisplayName = "ats:name";
    public const string TimeZone = "ats:tz";
    /// Present while an admin must set up a second factor before anything else (see TwoFactorPolicy).
    public const string TwoFactorSetupRequired = "ats:2fa_setup";
}
