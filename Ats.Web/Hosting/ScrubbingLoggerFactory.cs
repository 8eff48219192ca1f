using System.Collections;
using System.Text.RegularExpressions;

namespace Ats.Web.Hosting;

/// Every logger of the app passes through here, whatever provider or level an operator configures: query strings
/// (the socket's ?token=, ?ticket=), bearer headers, PATs and JWTs are cut out of the message and its values before
/// any provider sees them. ASP.NET Core's "Request starting/finished" lines carry the query string; they lose it.
public sealed class ScrubbingLoggerFactory(ILoggerFactory inner) : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName) => new ScrubbingLogger(inner.CreateLogger(categoryName));

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    public void Dispose() => inner.Dispose();

    private sealed class ScrubbingLogger(ILogger inner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!inner.IsEnabled(logLevel)) return;
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? pairs.Select(p => new KeyValuePair<string, object?>(p.Key, LogScrubber.Value(p.Key, p.Value))).ToArray()
                : [];
            inner.Log(logLevel, eventId, new ScrubbedState(values, LogScrubber.Text(formatter(state, exception))), exception,
                static (s, _) => s.Message);
        }
    }

    /// The structured values for providers that write them (JSON console, OpenTelemetry), and the message for the rest.
    private sealed class ScrubbedState(KeyValuePair<string, object?>[] values, string message) : IReadOnlyList<KeyValuePair<string, object?>>
    {
        public string Message => message;
        public KeyValuePair<string, object?> this[int index] => values[index];
        public int Count => values.Length;
        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object?>>)values).GetEnumerator();
        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
        public override string ToString() => message;
    }
}

/// What must never reach a log, as patterns.
public static partial class LogScrubber
{
    private const string Redacted = "[redacted]";

    public static object? Value(string key, object? value) => value switch
    {
        _ when key == "QueryString" => "",
        string text => Text(text),
        Uri or QueryString or PathString => Text(value.ToString() ?? ""),
        _ => value,
    };

    public static string Text(string text)
    {
        text = QueryPart().Replace(text, "");
        text = Bearer().Replace(text, "Bearer " + Redacted);
        text = Secret().Replace(text, Redacted);
        return Jwt().Replace(text, Redacted);
    }

    /// A query string after a path or host: "/xapi2/ch?token=…" becomes "/xapi2/ch".
    [GeneratedRegex(@"(?<=[\w/])\?[\w.~%-]+=[^\s""'<>]*")]
    private static partial Regex QueryPart();

    [GeneratedRegex(@"\bBearer\s+[^\s""',;]+", RegexOptions.IgnoreCase)]
    private static partial Regex Bearer();

    /// Personal access tokens and socket tickets, wherever they appear (a name=value pair, a body, a header).
    [GeneratedRegex(@"\b(pat|tkt)_[A-Za-z0-9_-]+|\b(token|ticket|access_token)=[^&\s""'<>]+", RegexOptions.IgnoreCase)]
    private static partial Regex Secret();

    [GeneratedRegex(@"\beyJ[\w-]+\.[\w-]+\.[\w-]*")]
    private static partial Regex Jwt();
}
