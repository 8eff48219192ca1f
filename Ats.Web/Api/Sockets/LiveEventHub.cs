using System.Collections.Concurrent;
using Ats.Domain.Audit;
using Ats.Domain.Data;
using Ats.Domain.Events;
using Ats.Domain.Models;
using Ats.Domain.Writes;
using Ats.Web.Api.Operations;
using Microsoft.EntityFrameworkCore;

namespace Ats.Web.Api.Sockets;

/// Serves every subscription from the change log, in event_id order. One loop owns all cursors: it reads what was
/// committed since its position (woken by the change feed, and once a second for writes of other app instances),
/// reads each changed row once per kind of reader under that reader's access rules, and queues the event frames.
/// A subscription that resumes with "since" is served from the log in pages until it has caught up, then goes live.
public sealed class LiveEventHub(IDbContextFactory<AtsDbContext> dbFactory, ChangeFeed feed, IServiceProvider services,
    ILogger<LiveEventHub> logger) : BackgroundService
{
    private const int LiveBatch = 1000, CatchUpPage = 200;
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<Guid, ChannelConnection> _connections = new();
    private readonly ConcurrentQueue<Func<Task>> _commands = new();
    private readonly Domain.Common.WakeSignal _wake = new();
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _position;

    /// Open sockets, not counting those being closed.
    public int ConnectionCount => _connections.Values.Count(c => !c.IsClosing);

    public void Register(ChannelConnection connection) => _connections[connection.Id] = connection;

    public void Unregister(ChannelConnection connection)
    {
        _connections.TryRemove(connection.Id, out _);
        Enqueue(() => connection.Subscriptions.Clear());
    }

    /// Answered from the loop, so "subscribed" comes before the subscription's first event. The connection waits for
    /// the answer before it reads the next request, so one client cannot pile up work for the loop.
    public Task SubscribeAsync(ChannelConnection connection, Subscription subscription) =>
        RunOnLoopAsync(connection, subscription.Id, () => StartAsync(connection, subscription));

    /// Answered from the loop, so no event of it follows "unsubscribed".
    public Task UnsubscribeAsync(ChannelConnection connection, string id) => RunOnLoopAsync(connection, id, () =>
    {
        if (connection.Subscriptions.Remove(id)) connection.Send(ChannelFrames.Unsubscribed(id));
        else connection.Send(ChannelFrames.Error(id, new Problem(404, "unknown_subscription", $"There is no subscription '{id}' on this socket."), ChannelFrames.NewTraceId()));
        return Task.CompletedTask;
    });

    private void Enqueue(Action command) => _ = RunOnLoopAsync(null, null, () =>
    {
        command();
        return Task.CompletedTask;
    });

    /// Runs <paramref name="command"/> on the loop; if it fails, the request it answers gets a 500 error frame.
    private Task RunOnLoopAsync(ChannelConnection? connection, string? requestId, Func<Task> command)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _commands.Enqueue(async () =>
        {
            try
            {
                if (connection?.IsClosing != true) await command();
            }
            catch (Exception ex)
            {
                var trace = ChannelFrames.NewTraceId();
                logger.LogError(ex, "A channel command failed ({TraceId})", trace);
                connection?.Send(ChannelFrames.Error(requestId, new Problem(500, "internal_error", "Something went wrong on our side. Quote the trace_id when you report it."), trace));
            }
            finally
            {
                done.TrySetResult();
            }
        });
        _wake.Nudge();
        return done.Task;
    }

    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(stop)) _position = await ChangeLog.LatestIdAsync(db, stop);
        using var subscription = feed.Subscribe(change => { if (change.EventId > 0) _wake.Nudge(); });
        _started.TrySetResult();
        while (!stop.IsCancellationRequested)
        {
            TimeSpan? again = null;
            try
            {
                while (_commands.TryDequeue(out var command)) await command();
                foreach (var stuck in _connections.Values.Where(c => c.IsStuck))
                    stuck.Close(System.Net.WebSockets.WebSocketCloseStatus.PolicyViolation, ChannelConnection.OverflowReason);
                await DispatchNewAsync(stop);
                again = await CatchUpAsync(stop);
            }
            catch (Exception ex) when (!stop.IsCancellationRequested)
            {
                logger.LogError(ex, "Serving live events failed; trying again");
            }
            if (again == TimeSpan.Zero && _commands.IsEmpty) continue;
            try
            {
                await _wake.WaitAsync(again ?? Poll, stop);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    /// What was committed since the last round goes to every subscription that has caught up, in event_id order.
    private async Task DispatchNewAsync(CancellationToken ct)
    {
        while (true)
        {
            List<ChangeLogEntry> entries;
            await using (var db = await dbFactory.CreateDbContextAsync(ct)) entries = await ChangeLog.ReadAfterAsync(db, _position, LiveBatch, ct);
            if (entries.Count == 0) return;
            var from = _position;
            var live = Subscriptions().Where(s => s.Cursor >= from).ToList();
            _position = entries[^1].Id;
            await DeliverAsync(entries, live, _position, ct);
            if (entries.Count < LiveBatch) return;
        }
    }

    /// A page of the log for each subscription that is behind (it resumed from an earlier event, or its socket had no
    /// room). One whose socket is still busy waits, so a replay never overflows its own queue. Returns when to come back:
    /// at once while pages are being served, shortly while sockets are busy, else at the next poll.
    private static readonly TimeSpan BusyRetry = TimeSpan.FromMilliseconds(50);

    private async Task<TimeSpan?> CatchUpAsync(CancellationToken ct)
    {
        TimeSpan? again = null;
        foreach (var subscription in Subscriptions().Where(s => s.Cursor < _position).ToList())
        {
            if (subscription.Connection.Queued > subscription.Connection.Capacity / 2)
            {
                subscription.Connection.NoteNoRoom();
                again = Sooner(again, BusyRetry);
                continue;
            }
            var (tenant, model, cursor, position) = (subscription.Connection.Actor.TenantId, subscription.Model.Name, subscription.Cursor, _position);
            List<ChangeLogEntry> page;
            await using (var db = await dbFactory.CreateDbContextAsync(ct))
                page = await db.ChangeLog.AsNoTracking()
                    .Where(e => e.Id > cursor && e.Id <= position && e.TenantId == tenant && e.Model == model)
                    .OrderBy(e => e.Id).Take(CatchUpPage).ToListAsync(ct);
            await DeliverAsync(page, [subscription], page.Count < CatchUpPage ? position : page[^1].Id, ct);
            if (subscription.Cursor < _position) again = Sooner(again, subscription.Cursor > cursor ? TimeSpan.Zero : BusyRetry);
        }
        return again;
    }

    private static TimeSpan Sooner(TimeSpan? a, TimeSpan b) => a is { } value && value < b ? value : b;

    private IEnumerable<Subscription> Subscriptions() => _connections.Values.SelectMany(c => c.Subscriptions.Values);

    /// Who hears what is decided on the log (see <see cref="Subscription.Hears"/>); the data is each changed row read
    /// once per kind of reader, under that reader's access rules and scopes now: a row they may not read now is not sent.
    /// Afterwards each subscription has been served up to <paramref name="upTo"/>, except one whose socket had no room
    /// or whose reader could not be read for: it stays at the last event it got and is served from the log later.
    private async Task DeliverAsync(IReadOnlyList<ChangeLogEntry> entries, IReadOnlyList<Subscription> subscriptions, long upTo, CancellationToken ct)
    {
        // A failure leaves every cursor where it got to, below the hub's position: the log serves the rest next round.
        try
        {
            await DeliverEntriesAsync(entries, subscriptions, ct);
            foreach (var subscription in subscriptions.Where(s => !s.Stalled)) subscription.Cursor = Math.Max(subscription.Cursor, upTo);
        }
        finally
        {
            foreach (var subscription in subscriptions) subscription.Stalled = false;
        }
    }

    private async Task DeliverEntriesAsync(IReadOnlyList<ChangeLogEntry> entries, IReadOnlyList<Subscription> subscriptions, CancellationToken ct)
    {
        if (entries.Count == 0 || subscriptions.Count == 0) return;
        foreach (var tenantEntries in entries.GroupBy(e => e.TenantId))
        foreach (var modelEntries in tenantEntries.GroupBy(e => e.Model))
        {
            var interested = subscriptions.Where(s => s.Model.Name == modelEntries.Key && s.Connection.Actor.TenantId == tenantEntries.Key).ToList();
            if (interested.Count == 0) continue;
            var operations = ModelCatalogOperations.Operations(services, modelEntries.Key)!;
            foreach (var reader in interested.GroupBy(s => s.Connection.ReaderKey))
                await DeliverToReaderAsync(operations, modelEntries.ToList(), reader.ToList(), ct);
        }
    }

    private static async Task DeliverToReaderAsync(IModelOperations operations, List<ChangeLogEntry> entries, List<Subscription> subscriptions,
        CancellationToken ct)
    {
        var actor = subscriptions[0].Connection.Actor;
        var ids = entries.Where(e => e.Action != AuditAction.Delete).Select(e => e.RecordId).Distinct().ToList();
        Dictionary<Guid, Domain.Common.TenantEntity> rows;
        try
        {
            rows = ids.Count == 0 ? [] : (await operations.ReadableAsync(actor, ids, ct)).ToDictionary(r => r.Id);
        }
        catch (DomainException)
        {
            // The user's role changed (or they were deactivated) since the socket last checked its token: hold these
            // events until the check has the new role (or closes the socket), so none is lost.
            foreach (var subscription in subscriptions) subscription.Stalled = true;
            return;
        }
        var reader = actor.UserId ?? Guid.Empty;
        var data = new Dictionary<Guid, byte[]>();
        foreach (var entry in entries)
        {
            var row = entry.Action == AuditAction.Delete ? null : rows.GetValueOrDefault(entry.RecordId);
            // Clients tend to name their subscriptions alike ("s1"): one frame serves all of those.
            var frames = new Dictionary<(string, Heard), byte[]>();
            foreach (var subscription in subscriptions)
            {
                if (subscription.Stalled || entry.Id <= subscription.Cursor) continue;
                var heard = subscription.Hears(entry, reader, row);
                if (heard == Heard.Nothing)
                {
                    subscription.Cursor = entry.Id;
                    continue;
                }
                if (!frames.TryGetValue((subscription.Id, heard), out var frame))
                {
                    // A delete or a leave names only the id: the row is no longer theirs to see.
                    var json = heard == Heard.Leave || row is null ? IdOnly(entry.RecordId)
                        : data.TryGetValue(entry.RecordId, out var wire) ? wire : data[entry.RecordId] = Wire(operations.Model, row);
                    frames[(subscription.Id, heard)] = frame = ChannelFrames.Event(subscription.Id, entry, json, leave: heard == Heard.Leave);
                }
                if (!subscription.Connection.TrySendEvent(frame))
                {
                    subscription.Stalled = true;
                    continue;
                }
                subscription.Cursor = entry.Id;
            }
        }
    }

    private static byte[] Wire(ModelDescriptor model, object row)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(1024);
        using (var writer = new System.Text.Json.Utf8JsonWriter(buffer)) model.WriteWire(writer, row);
        return buffer.WrittenSpan.ToArray();
    }

    private static byte[] IdOnly(Guid id) => System.Text.Encoding.UTF8.GetBytes($"{{\"id\":\"{id:D}\"}}");

    /// Waits until the loop knows its starting position (a socket opened at start-up waits for it).
    public Task Started => _started.Task;

    private async Task StartAsync(ChannelConnection connection, Subscription subscription)
    {
        if (connection.Subscriptions.ContainsKey(subscription.Id))
        {
            connection.Send(ChannelFrames.Error(subscription.Id, new Problem(409, "duplicate_subscription",
                $"This socket already has a subscription '{subscription.Id}'; unsubscribe it first or pick another id."), ChannelFrames.NewTraceId()));
            return;
        }
        if (connection.Subscriptions.Count >= connection.SubscriptionLimit)
        {
            connection.Send(ChannelFrames.Error(subscription.Id, new Problem(429, "too_many_subscriptions",
                $"A socket holds at most {connection.SubscriptionLimit} subscriptions."), ChannelFrames.NewTraceId()));
            return;
        }
        if (subscription.Since is { } since)
        {
            await using var db = await dbFactory.CreateDbContextAsync();
            var oldest = await ChangeLog.OldestIdAsync(db, CancellationToken.None);
            var latest = Math.Max(_position, await ChangeLog.LatestIdAsync(db, CancellationToken.None));
            if (since > latest)
            {
                connection.Send(ChannelFrames.Error(subscription.Id, new Problem(400, "invalid_since",
                    $"No event {since} has happened yet: send an event_id you received."), ChannelFrames.NewTraceId()));
                return;
            }
            // Events after "since" were pruned: a resume would have a gap, so say so and let the client read afresh.
            if (since < latest && (oldest ?? latest + 1) > since + 1)
            {
                connection.Send(ChannelFrames.Error(subscription.Id, new Problem(410, "since_expired",
                    $"Events after {since} are no longer kept (at least {ChangeLog.Retention.TotalHours / 2:0} hours are). List the data afresh and subscribe without since."),
                    ChannelFrames.NewTraceId()));
                return;
            }
            subscription.Cursor = since;
        }
        else
        {
            subscription.Cursor = _position;
        }
        connection.Subscriptions[subscription.Id] = subscription;
        connection.Send(ChannelFrames.Subscribed(subscription.Id, subscription.Since ?? _position));
    }
}
