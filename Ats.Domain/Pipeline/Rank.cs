using System.Text;

namespace Ats.Domain.Pipeline;

/// Fractional ranks: base-36 strings compared ordinally, read as fractions 0.xyz.
/// A new rank always fits between two neighbours, so a move writes one row and never renumbers a column.
public static class Rank
{
    private const string Digits = "0123456789abcdefghijklmnopqrstuvwxyz";
    private const int Base = 36;

    /// A rank strictly between <paramref name="lower"/> and <paramref name="upper"/>; null means open-ended.
    /// At either end of a column the rank steps by one digit, so appending grows ranks by one character per ~35 cards.
    public static string Between(string? lower, string? upper)
    {
        if (upper is null && !string.IsNullOrEmpty(lower)) return After(lower);
        if (lower is null && !string.IsNullOrEmpty(upper)) return Before(upper);
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

    private static string After(string lower)
    {
        for (var i = 0; i < lower.Length; i++)
        {
            var digit = Digits.IndexOf(lower[i]);
            if (digit < Base - 1) return lower[..i] + Digits[digit + 1];
        }
        return lower + Digits[1]; // all 'z': extend
    }

    private static string Before(string upper)
    {
        for (var i = 0; i < upper.Length; i++)
        {
            var digit = Digits.IndexOf(upper[i]);
            if (digit > 1) return upper[..i] + Digits[digit - 1];
            if (digit == 1) return upper[..i] + Digits[0] + Digits[Base / 2];
        }
        return Between("", upper); // only zeros so far: cannot happen for ranks this class made
    }

    /// True for ranks this class can make: base-36 digits, not ending in '0'.
    public static bool IsValid(string rank) => rank.Length > 0 && rank.All(c => Digits.Contains(c)) && rank[^1] != '0';

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
