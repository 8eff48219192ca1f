using System.Collections;
using System.Net.Mail;
using System.Text.RegularExpressions;
using Ats.Domain.Models;
using Ats.Domain.Resources;

namespace Ats.Domain.Writes;

/// The checks a model descriptor declares: required, length, format, range, known enum values.
public static partial class FieldValidation
{
    public const int MaxListItems = 100;
    public const int MaxListItemLength = 100;

    public static void Validate(ModelDescriptor model, object row, ValidationErrors errors)
    {
        foreach (var field in model.Fields.Where(f => f.IsWritable))
            ValidateField(field, field.GetValue(row), errors);
    }

    private static void ValidateField(FieldDescriptor field, object? value, ValidationErrors errors)
    {
        if (field.IsRequired && IsMissing(value)) { errors.Add(field.Name, Messages.Required); return; }
        switch (value)
        {
            case string text:
                if (HasControlCharacters(text, field.MultiLine)) errors.Add(field.Name, Messages.ControlCharacters);
                else if (field.MaxLength is { } max && text.Length > max) errors.Add(field.Name, Messages.TooLong(max));
                else if (text.Length > 0 && !HasFormat(text, field.Format)) errors.Add(field.Name, FormatMessage(field.Format));
                break;
            case int number when field.Range is { } range && (number < range.Min || number > range.Max):
                errors.Add(field.Name, Messages.OutOfRange(range.Min, range.Max));
                break;
            case decimal amount when amount < 0:
                errors.Add(field.Name, Messages.Negative);
                break;
            case Enum member when !Enum.IsDefined(member.GetType(), member):
                errors.Add(field.Name, Messages.InvalidValue);
                break;
            case IList<string> items:
                if (items.Count > MaxListItems) errors.Add(field.Name, Messages.TooManyItems(MaxListItems));
                else if (items.Any(i => i is not null && HasControlCharacters(i, multiLine: false))) errors.Add(field.Name, Messages.ControlCharacters);
                else if (items.Any(i => string.IsNullOrWhiteSpace(i) || i.Length > MaxListItemLength)) errors.Add(field.Name, Messages.InvalidValue);
                break;
            case ICollection collection when collection.Count > MaxListItems:
                errors.Add(field.Name, Messages.TooManyItems(MaxListItems));
                break;
        }
    }

    /// NUL and the other control characters (C0, DEL, C1) have no place in text people type, and PostgreSQL refuses NUL;
    /// text over several lines keeps tab and line feed (carriage returns are normalised to line feeds before).
    public static bool HasControlCharacters(string text, bool multiLine)
    {
        foreach (var c in text)
            if ((c < '\u0020' || c is >= '\u007f' and <= '\u009f') && !(multiLine && c is '\t' or '\n')) return true;
        return false;
    }

    /// CR LF and a lone CR become LF, as browsers send a text area's value.
    public static string NormalizeLineEndings(string text) => text.Replace("\r\n", "\n").Replace('\r', '\n');

    /// The same check for text stored outside the public models (user names, token names, webhook descriptions …).
    public static void CheckText(string field, string? text, bool multiLine, ValidationErrors errors)
    {
        if (text is not null && !errors.Has(field) && HasControlCharacters(text, multiLine)) errors.Add(field, Messages.ControlCharacters);
    }

    private static bool IsMissing(object? value) => value switch
    {
        null => true,
        string s => string.IsNullOrWhiteSpace(s),
        Guid g => g == Guid.Empty,
        DateTime d => d == default,
        DateOnly d => d == default,
        _ => false,
    };

    private static bool HasFormat(string text, FieldFormat format) => format switch
    {
        FieldFormat.Email => IsEmail(text),
        FieldFormat.Url => Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp),
        FieldFormat.Slug => SlugPattern().IsMatch(text),
        FieldFormat.Currency => CurrencyPattern().IsMatch(text),
        _ => true,
    };

    private static string FormatMessage(FieldFormat format) => format switch
    {
        FieldFormat.Email => Messages.InvalidEmail,
        FieldFormat.Url => Messages.InvalidUrl,
        FieldFormat.Slug => Messages.InvalidSlug,
        FieldFormat.Currency => Messages.InvalidCurrency,
        _ => Messages.InvalidValue,
    };

    /// A plain address: one @, a dotted domain, no display name or spaces.
    public static bool IsEmail(string text) =>
        !text.Any(char.IsWhiteSpace) && MailAddress.TryCreate(text, out var address) && address.Address == text
        && address.Host.Contains('.') && !address.Host.StartsWith('.') && !address.Host.EndsWith('.');

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex CurrencyPattern();
}
