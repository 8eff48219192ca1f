namespace Ats.Domain.Data;

/// Installation-wide values the app generates once and keeps, such as the JWT signing key when none is configured.
public sealed class SystemSetting
{
    public string Name { get; set; } = "";
    public string Value { get; set; } = "";
}
