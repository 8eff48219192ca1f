using System.Text;

namespace Ats.Domain.Pipeline;

/// Fractional ranks: base-36 strings compared ordinally, read as fractions 0.xyz.
/// A new rank always fits between two neighbours, so a move writes one row and never renumbers a column.
public static class Rank
{
    private const string Digits = "0123456789abcdefghijklmnopqrstuvwxyz";
    private const int Base = 36;

    /// A rank strictly between <paramref name="lower"/> and <paramref name="upper"/>; null means open-ended.
    public static string Between(string? lower, string? upper)
    {
        lower ??= "";
        if (upper is not null && string.CompareOrdinal(lower, upper) >= 0)
            throw new ArgumentException($"Rank '{lower}' is not below '{upper}'.");

        var result = new StringBuilder();
        for (var i = 0; ; i++)
        {
            var low = i < lower.Length ? Digits.IndexOf(lower[i]) : 0;
            var high = upper is not null && i < upper.Length ? Digits.IndexOf(upper[i]) : Base;
            if (high - low > 1)
            {
                result.Append(Digits[(low + high) / 2]);
                return result.ToString();
            }
            result.Append(Digits[low]);
            // Once we are strictly below the upper bound's prefix, any longer suffix stays below it.
            if (high - low == 1) upper = null;
        }
    }

    /// <paramref name="count"/> evenly spread ranks of equal length, ascending, none ending in '0'.
    public static IReadOnlyList<string> Spread(int count)
    {
        var width = 1;
        while (Math.Pow(Base, width) <= count + 1) width++;
        var step = Math.Pow(Base, width) / (count + 1);
        var ranks = new string[count];
        for (var i = 0; i < count; i++)
        {
            var value = (long)(step * (i + 1));
            if (value % Base == 0) value++; // a trailing zero would leave no room directly below the rank
            var chars = new char[width];
            for (var w = width - 1; w >= 0; w--) { chars[w] = Digits[(int)(value % Base)]; value /= Base; }
            ranks[i] = new string(chars);
        }
        return ranks;
    }
}
