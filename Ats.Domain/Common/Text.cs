using System.Globalization;
using System.Text;

namespace Ats.Domain.Common;

public static class Text
{
    /// Trimmed, without blanks or case-insensitive duplicates, in the order given (tags, skills, keywords).
    public static List<string> CleanList(IEnumerable<string> items) =>
        items.Select(i => i?.Trim() ?? "").Where(i => i.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    /// Lower case without accents ("Özdemir" → "ozdemir"): a byte-wise sort then matches the dictionary order people expect.
    public static string SortKey(string value)
    {
        var decomposed = value.Trim().ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var key = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) key.Append(c == 'ß' ? "ss" : c.ToString());
        return key.ToString().Normalize(NormalizationForm.FormC);
    }
}
