using System.Globalization;
using Ats.Web.Localization;

namespace Ats.Tests.Components;

public sealed class FormatsTests
{
    [Theory]
    [InlineData("de-DE", 65000, "EUR", "65.000,00 €")]
    [InlineData("en-GB", 65000, "EUR", "€65,000.00")]
    [InlineData("de-DE", 1234.5, "CHF", "1.234,50 CHF")]
    [InlineData("en-GB", 80000, "USD", "$80,000.00")]
    public void MoneyFollowsTheUsersCultureWhateverTheCurrency(string culture, decimal amount, string currency, string expected) =>
        Assert.Equal(expected, Formats.Money(amount, currency, new CultureInfo(culture)).Replace('\u00a0', ' '));

    [Theory]
    [InlineData("2026-07-01T10:00:00Z", "Europe/Berlin", 12)] // summer time, UTC+2
    [InlineData("2026-12-01T10:00:00Z", "Europe/Berlin", 11)] // winter time, UTC+1
    [InlineData("2026-12-01T10:00:00Z", "Not/AZone", 11)]      // unknown zones fall back to Berlin
    [InlineData("2026-12-01T10:00:00Z", "America/New_York", 5)]
    public void TimesAreShownInTheUsersTimeZone(string utc, string zone, int expectedHour) =>
        Assert.Equal(expectedHour, Formats.ToLocal(DateTime.Parse(utc, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal), zone).Hour);

    [Theory]
    [InlineData("2027-01-15T17:00:00", "2027-01-15T16:00:00Z")] // winter
    [InlineData("2027-07-15T17:00:00", "2027-07-15T15:00:00Z")] // summer
    [InlineData("2027-03-28T02:30:00", "2027-03-28T01:30:00Z")] // skipped by the clocks: taken as 03:30 summer time
    [InlineData("2027-10-31T02:30:00", "2027-10-31T01:30:00Z")] // happens twice: the later (winter) one
    public void APickedTimeBecomesUtcEvenAroundTheClockChanges(string local, string utc) =>
        Assert.Equal(DateTime.Parse(utc, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal),
            Formats.ToUtc(DateTime.Parse(local, CultureInfo.InvariantCulture), "Europe/Berlin"));
}
