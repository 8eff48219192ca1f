using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ats.Domain.Tokens;
using Ats.Domain.Writes;
using Ats.Web.Api.Access;
using Ats.Web.Api.Operations;

namespace Ats.Web.Api.Sockets;

/// One open socket: reads request frames one at a time, answers them, and sends what the hub queues for it.
/// Everything it sends goes through one bounded queue. When events do not fit, the subscription falls behind and
/// is served from the change log once there is room again; a client whose queue stays full is closed with a reason.
/// Nobody else ever waits for it.
public sealed class ChannelConnection(WebSocket socket, BearerCredential credential, string? ip, Actor actor, ChannelSettings settings,
    LiveEventHub hub, ChannelRequests requests, BearerTokens tokens, ILogger logger, SocketPlace place)
{
    private readonly System.Threading.Channels.Channel<byte[]> _outbox = System.Threading.Channels.Channel.CreateBounded<byte[]>(
        new System.Threading.Channels.BoundedChannelOptions(settings.QueueCapacity + ControlReserve)
        {
            SingleReader = true,
            FullMode = System.Threading.Channels.BoundedChannelFullMode.Wait,
        });
    /// Cancelled a grace period after a close is requested: socket operations still pending then are aborted.
    private readonly CancellationTokenSource _abort = new();
    private CloseRequest? _close;
    /// Room kept beyond the events' share for answers and acknowledgements.
    private const int ControlReserve = 16;
    private long _fullSinceTicks, _lastSentTicks;
    private long _queuedBytes;
    private Actor _actor = actor; // replaced by each re-check
    private string _readerKey = KeyOf(actor);

    public Guid Id { get; } = Guid.NewGuid();

    /// The caller, with their current role: re-read every few seconds from the token.
    public Actor Actor => Volatile.Read(ref _actor);

    /// Who reads: connections with the same key see the same rows, so the hub reads each event once per key.
    public string ReaderKey => Volatile.Read(ref _readerKey);

    private static string KeyOf(Actor actor) =>
        $"{actor.TenantId}|{actor.UserId}|{actor.Role}|{(actor.Scopes is null ? "*" : string.Join(',', actor.Scopes.Order()))}";

    public Dictionary<string, Subscription> Subscriptions { get; } = new(StringComparer.Ordinal); // the hub's loop owns it

    public int Queued => _outbox.Reader.Count;
    public int Capacity => settings.QueueCapacity;
    public int SubscriptionLimit => settings.MaxSubscriptions;

    /// Queues an event unless the events' share of the queue is full (the hub then serves it from the log later).
    public bool TrySendEvent(byte[] frame)
    {
        if (Queued < settings.QueueCapacity && Interlocked.Read(ref _queuedBytes) + frame.Length <= settings.MaxQueuedBytes
            && _outbox.Writer.TryWrite(frame))
        {
            Interlocked.Add(ref _queuedBytes, frame.Length);
            return true;
        }
        NoteNoRoom();
        return false;
    }

    /// Events are waiting for room: the clock for <see cref="IsStuck"/> runs until the queue drains to half.
    public void NoteNoRoom() => Interlocked.CompareExchange(ref _fullSinceTicks, Environment.TickCount64, 0);

    /// True when events have waited for room and nothing was sent for longer than the client is given to read
    /// (Ats:Channel:SlowClientSeconds). A client that reads, however busy its queue, is never stuck.
    public bool IsStuck => Volatile.Read(ref _fullSinceTicks) is var since and > 0
        && Environment.TickCount64 - Math.Max(since, Volatile.Read(ref _lastSentTicks)) > settings.SlowClientSeconds * 1000L;

    /// Queues an acknowledgement or an error from the hub; these use the reserve, and a client that lets even that fill is closed.
    public void Send(byte[] frame)
    {
        if (_outbox.Writer.TryWrite(frame)) Interlocked.Add(ref _queuedBytes, frame.Length);
        else Close(WebSocketCloseStatus.PolicyViolation, OverflowReason);
    }

    public bool IsClosing => Volatile.Read(ref _close) is not null;

    public const string OverflowReason = "queue_overflow: too slow to read; reconnect and resume with since";

    /// Answers a request: waits for room, which holds back reading the client's next request (backpressure).
    private async ValueTask AnswerAsync(byte[] frame, CancellationToken ct)
    {
        try
        {
            await _outbox.Writer.WriteAsync(frame, ct);
            Interlocked.Add(ref _queuedBytes, frame.Length);
        }
        catch (System.Threading.Channels.ChannelClosedException)
        {
            // the socket is closing: nobody reads the answer
        }
    }

    /// Closes with a reason (at most 123 bytes, as the protocol allows): queued frames are dropped, the close frame is
    /// sent, and a client that does not answer it within a few seconds is cut off.
    public void Close(WebSocketCloseStatus status, string reason)
    {
        while (System.Text.Encoding.UTF8.GetByteCount(reason) > 123) reason = reason[..^1];
        if (Interlocked.CompareExchange(ref _close, new CloseRequest(status, reason), null) is not null) return;
        _outbox.Writer.TryComplete();
        _abort.CancelAfter(TimeSpan.FromSeconds(settings.CloseGraceSeconds));
    }

    public async Task RunAsync(CancellationToken stopping)
    {
        using var shutdown = stopping.Register(() => Close(WebSocketCloseStatus.EndpointUnavailable, "server_shutdown: reconnect and resume with since"));
        using var stopRecheck = new CancellationTokenSource();
        hub.Register(this);
        var sending = SendLoopAsync();
        var rechecking = RecheckLoopAsync(stopRecheck.Token);
        try
        {
            await ReceiveLoopAsync();
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            // cut off after a close without answer, or dropped by the client
        }
        finally
        {
            hub.Unregister(this);
            Close(WebSocketCloseStatus.NormalClosure, "bye");
            await stopRecheck.CancelAsync();
            await Task.WhenAll(sending, rechecking).ContinueWith(_ => { }, TaskScheduler.Default); // both end on their own; nothing to rethrow
            _abort.Dispose();
        }
    }

    private async Task ReceiveLoopAsync()
    {
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            var received = await socket.ReceiveAsync(buffer, _abort.Token);
            if (received.MessageType == WebSocketMessageType.Close) return;
            if (_close is not null) continue; // closing: read on until the client answers the close frame
            if (message.Length + received.Count > settings.MaxFrameBytes)
            {
                Close(WebSocketCloseStatus.MessageTooBig, $"frame_too_large: frames are limited to {settings.MaxFrameBytes / 1024} KiB");
                continue;
            }
            message.Write(buffer, 0, received.Count);
            if (!received.EndOfMessage) continue;

            if (received.MessageType == WebSocketMessageType.Binary)
                await AnswerAsync(ChannelFrames.Error(null, new Problem(400, "binary_frame", "Send JSON in text frames."), TraceId()), _abort.Token);
            else
                await HandleAsync(message.GetBuffer().AsMemory(0, (int)message.Length), _abort.Token);
            message.SetLength(0);
        }
    }

    private async Task HandleAsync(ReadOnlyMemory<byte> text, CancellationToken ct)
    {
        RequestFrame? frame = null;
        string? id = null;
        try
        {
            var overBudget = place.SpendRequest(); // every frame counts, well-formed or not
            frame = new RequestFrame(Parse(text));
            id = frame.Id;
            if (overBudget is not null)
            {
                await AnswerAsync(ChannelFrames.Error(id, overBudget, TraceId()), ct);
                return;
            }
            if (frame.Op != "ping" && !await StillValidAsync(ct)) return;
            switch (frame.Op)
            {
                case "subscribe": await hub.SubscribeAsync(this, requests.ParseSubscription(this, frame)).WaitAsync(ct); break;
                case "unsubscribe":
                    frame.AllowOnly();
                    await hub.UnsubscribeAsync(this, frame.RequireId()).WaitAsync(ct);
                    break;
                case "ping":
                    frame.AllowOnly();
                    await AnswerAsync(ChannelFrames.Pong(id), ct);
                    break;
                default: await AnswerAsync(await requests.HandleAsync(Actor, frame, ct), ct); break;
            }
        }
        catch (BodyException ex)
        {
            await AnswerAsync(ChannelFrames.Error(id, new Problem(ex.Status, ex.Code, ex.Message, ex.Errors), TraceId()), ct);
        }
        catch (DomainException ex)
        {
            // A stale "version" is 412, as a stale If-Match is on REST.
            await AnswerAsync(ChannelFrames.Error(id, Problems.Describe(ex, versionWasExpected: frame?.SentVersion == true), TraceId()), ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var trace = TraceId();
            logger.LogError(ex, "A channel request failed ({TraceId})", trace);
            await AnswerAsync(ChannelFrames.Error(id, new Problem(500, "internal_error", "Something went wrong on our side. Quote the trace_id when you report it."), trace), ct);
        }
    }

    private static JsonObject Parse(ReadOnlyMemory<byte> text)
    {
        try
        {
            return JsonLimits.Parse(text.Span) as JsonObject
                ?? throw RequestFrame.Bad("invalid_frame", "A frame must be a JSON object such as {\"op\":\"subscribe\",\"id\":\"s1\",\"dataType\":\"application\"}.");
        }
        catch (JsonException ex)
        {
            throw RequestFrame.Bad("invalid_json", $"The frame is not valid JSON: {ex.Message}");
        }
    }

    private async Task SendLoopAsync()
    {
        try
        {
            await foreach (var frame in _outbox.Reader.ReadAllAsync(_abort.Token))
            {
                if (_close is not null) break;
                await socket.SendAsync(frame, WebSocketMessageType.Text, endOfMessage: true, _abort.Token);
                Interlocked.Add(ref _queuedBytes, -frame.Length);
                Volatile.Write(ref _lastSentTicks, Environment.TickCount64);
                if (Queued < settings.QueueCapacity / 2) Interlocked.Exchange(ref _fullSinceTicks, 0); // reading again
            }
            if (_close is var (status, reason) && socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                await socket.CloseOutputAsync(status, reason, _abort.Token);
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            // the client stopped reading or went away: nothing more to say to it
        }
    }

    /// Every request checks the token as a REST request would (a cache hit, unless it was revoked or changed):
    /// a revoked token's socket reads and writes nothing more, even before the periodic check closes it.
    private async Task<bool> StillValidAsync(CancellationToken ct)
    {
        var (current, refusal) = await tokens.AuthenticateAsync(credential, ip, Channel.Ws, ct);
        if (current is null)
        {
            Close(WebSocketCloseStatus.PolicyViolation, $"{refusal!.Code}: {refusal.Detail}");
            return false;
        }
        Volatile.Write(ref _actor, current);
        Volatile.Write(ref _readerKey, KeyOf(current));
        return true;
    }

    /// A revoked or expired token, or a deactivated user, closes the socket; a new role applies to the next event.
    private async Task RecheckLoopAsync(CancellationToken ct)
    {
        try
        {
            while (!ct.IsCancellationRequested)
            {
                // Spread over ±25 %, so the sockets opened together do not all re-check at the same moment.
                await Task.Delay(TimeSpan.FromSeconds(settings.RecheckSeconds * (0.75 + Random.Shared.NextDouble() / 2)), ct);
                var (current, refusal) = await tokens.AuthenticateAsync(credential, ip, Channel.Ws, ct);
                if (current is null)
                {
                    Close(WebSocketCloseStatus.PolicyViolation, $"{refusal!.Code}: {refusal.Detail}");
                    return;
                }
                Volatile.Write(ref _actor, current);
                Volatile.Write(ref _readerKey, KeyOf(current));
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Re-checking a channel token failed; the socket is closed");
            Close(WebSocketCloseStatus.InternalServerError, "token_check_failed: reconnect");
        }
    }

    private sealed record CloseRequest(WebSocketCloseStatus Status, string Reason);

    private static string TraceId() => System.Diagnostics.Activity.Current?.TraceId.ToString() ?? ChannelFrames.NewTraceId();
}
