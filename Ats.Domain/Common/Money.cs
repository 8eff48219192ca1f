using System.Globalization;

namespace Ats.Domain.Common;

public static class Money
{
    private static readonly Dictionary<string, string> Symbols = new()
    {
        ["EUR"] = "€", ["USD"] = "$", ["GBP"] = "£", ["CHF"] = "CHF", ["PLN"] = "zł",
    };

    /// 65.000,00 € in German, €65,000.00 in English, whatever the currency.
    public static string Format(decimal amount, string? currency, CultureInfo culture)
    {
        var format = (NumberFormatInfo)culture.NumberFormat.Clone();
        format.CurrencySymbol = Symbols.GetValueOrDefault(currency ?? "EUR", currency ?? "EUR");
        return amount.ToString("C", format);
    }
}
