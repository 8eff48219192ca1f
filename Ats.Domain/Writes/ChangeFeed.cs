using System.Collections.Immutable;
using Ats.Domain.Audit;
using Microsoft.Extensions.Logging;

namespace Ats.Domain.Writes;

/// Published after a write has committed. Carries no field values: consumers read the row under their own access rules.
/// <paramref name="EventId"/> is the change log's id (0 for changes outside the public models, such as a user's role).
public sealed record ChangeEvent(Guid TenantId, string Model, Guid RecordId, AuditAction Action, int Version,
    IReadOnlyList<string> ChangedFields, Guid? ActorId, Channel Channel, DateTime At, long EventId = 0);

/// The in-process change feed (singleton). Open boards, the WebSocket channel and outbox writers subscribe;
/// at scale a Redis backplane relays it between nodes.
public sealed class ChangeFeed(ILogger<ChangeFeed> logger)
{
    private ImmutableArray<Action<ChangeEvent>> _subscribers = [];

    public IDisposable Subscribe(Action<ChangeEvent> handler)
    {
        ImmutableInterlocked.Update(ref _subscribers, s => s.Add(handler));
        return new Subscription(() => ImmutableInterlocked.Update(ref _subscribers, s => s.Remove(handler)));
    }

    public void Publish(ChangeEvent change)
    {
        foreach (var handler in _subscribers)
        {
            // One broken subscriber must not stop the others, nor fail the write that already committed.
            try { handler(change); }
            catch (Exception ex) { logger.LogError(ex, "Change feed subscriber failed for {Model} {Action}", change.Model, change.Action); }
        }
    }

    private sealed class Subscription(Action dispose) : IDisposable
    {
        private int _disposed;
        public void Dispose() { if (Interlocked.Exchange(ref _disposed, 1) == 0) dispose(); }
    }
}
