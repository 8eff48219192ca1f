using System.Globalization;

namespace Ats.Tests.Support;

/// Sets the current (UI) culture for the duration of a test: using var _ = Culture.German();
public sealed class Culture : IDisposable
{
    private readonly CultureInfo _culture = CultureInfo.CurrentCulture, _uiCulture = CultureInfo.CurrentUICulture;

    private Culture(string name) => CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(name);

    public static Culture German() => new("de-DE");
    public static Culture English() => new("en-GB");

    public void Dispose() => (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (_culture, _uiCulture);
}
