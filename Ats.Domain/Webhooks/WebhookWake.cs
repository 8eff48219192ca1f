using Ats.Domain.Common;

namespace Ats.Domain.Webhooks;

/// The webhook worker's wake-up, shared with those who queue deliveries outside a commit (re-activation, redelivery).
public sealed class WebhookWake : WakeSignal;
