namespace Ats.Domain.Tokens;

/// Ats:Tokens: how long a personal access token may live when made over the API (or in the app without the password).
public sealed class TokenSettings
{
    public int MaxLifetimeDays { get; set; } = 90;

    public TimeSpan MaxLifetime => TimeSpan.FromDays(Math.Max(1, MaxLifetimeDays));
}
