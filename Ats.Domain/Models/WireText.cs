using System.Globalization;

namespace Ats.Domain.Models;

/// A field value as one comparable text, spelled as on the wire: for filters that are matched outside the database.
public static class WireText
{
    public static string Of(object? value) => value switch
    {
        null => "null",
        Guid id => id.ToString("D"),
        bool flag => flag ? "true" : "false",
        Enum member => FieldDescriptor.WireName(member.ToString()),
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// Ids, states, flags and numbers: values that identify or classify a row without being anyone's personal data.
    public static bool IsKey(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type == typeof(Guid) || type == typeof(bool) || type == typeof(int) || type.IsEnum;
    }
}
