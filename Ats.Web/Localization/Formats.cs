using System.Globalization;
using Ats.Domain.Common;

namespace Ats.Web.Localization;

/// Dates, times and money in the user's culture and time zone (default Europe/Berlin).
public static class Formats
{
    public const string DefaultTimeZone = TimeZones.Default;

    /// 65.000,00 € in German, €65,000.00 in English, whatever the currency.
    public static string Money(decimal amount, string? currency, CultureInfo? culture = null) =>
        Ats.Domain.Common.Money.Format(amount, currency, culture ?? CultureInfo.CurrentCulture);

    public static DateTime ToLocal(DateTime utc, string? timeZone) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), TimeZones.Find(timeZone));

    /// A wall-clock time the user picked in their time zone, as UTC. A time the clocks skip in spring (02:30 on the
    /// last Sunday of March in Berlin) does not exist: it means the same moment an hour later.
    public static DateTime ToUtc(DateTime local, string? timeZone)
    {
        var zone = TimeZones.Find(timeZone);
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local)) local = local.AddHours(1);
        return TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }

    public static string DateAndTime(DateTime utc, string? timeZone) => ToLocal(utc, timeZone).ToString("g", CultureInfo.CurrentCulture);

    public static string Date(DateOnly? date) => date?.ToString("d", CultureInfo.CurrentCulture) ?? "";
}
