namespace Ats.Domain.Common;

/// Time zones by IANA id; Europe/Berlin wherever a person has not chosen one or the id is unknown.
public static class TimeZones
{
    public const string Default = "Europe/Berlin";

    public static TimeZoneInfo Find(string? id) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(id ?? Default, out var zone) ? zone : TimeZoneInfo.FindSystemTimeZoneById(Default);
}
