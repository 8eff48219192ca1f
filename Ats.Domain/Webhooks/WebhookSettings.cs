namespace Ats.Domain.Webhooks;

/// Ats:Webhooks.
public sealed class WebhookSettings
{
    /// Lifts the SSRF guard (loopback and private networks become reachable): for tests and closed networks only.
    public bool AllowPrivateTargets { get; set; }

    /// Runs the background worker in this process (on by default; tests that drive the dispatcher themselves turn it off).
    public bool RunWorker { get; set; } = true;
}
