using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Ats.Tests.Sockets;

/// A real WebSocket client on /xapi2/ch: sends frames, reads them in order.
public sealed class SocketClient : IAsyncDisposable
{
    /// A bound on every wait, so a broken server fails the test instead of hanging it; never the thing tested.
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly ClientWebSocket _socket;
    private readonly Queue<JsonObject> _skipped = new();

    private SocketClient(ClientWebSocket socket) => _socket = socket;

    public WebSocketState State => _socket.State;
    public WebSocketCloseStatus? CloseStatus => _socket.CloseStatus;
    public string? CloseReason => _socket.CloseStatusDescription;

    /// <paramref name="tinyReceiveBuffer"/>: the client's TCP receive buffer is a few kB instead of growing to megabytes,
    /// so a client that does not read backs up to the server quickly, as a slow one across the internet would.
    public static async Task<SocketClient> ConnectAsync(string baseUrl, string token, string? origin = null, bool tinyReceiveBuffer = false)
    {
        var socket = new ClientWebSocket();
        if (origin is not null) socket.Options.SetRequestHeader("Origin", origin);
        var url = baseUrl.Replace("http://", "ws://") + "/xapi2/ch?token=" + Uri.EscapeDataString(token);
        using var timeout = new CancellationTokenSource(Patience);
        if (tinyReceiveBuffer)
        {
            using var invoker = new HttpMessageInvoker(new SocketsHttpHandler
            {
                ConnectCallback = async (context, ct) =>
                {
                    var tcp = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp)
                    {
                        ReceiveBufferSize = 4096,
                    };
                    await tcp.ConnectAsync(context.DnsEndPoint, ct);
                    return new System.Net.Sockets.NetworkStream(tcp, ownsSocket: true);
                },
            });
            await socket.ConnectAsync(new Uri(url), invoker, timeout.Token);
        }
        else
        {
            await socket.ConnectAsync(new Uri(url), timeout.Token);
        }
        return new SocketClient(socket);
    }

    /// Opens the socket with a single-use ticket (POST /xapi2/ch/ticket) instead of a token in the URL.
    public static async Task<SocketClient> ConnectWithTicketAsync(string baseUrl, string ticket, string? origin = null)
    {
        var socket = new ClientWebSocket();
        if (origin is not null) socket.Options.SetRequestHeader("Origin", origin);
        using var timeout = new CancellationTokenSource(Patience);
        await socket.ConnectAsync(new Uri(baseUrl.Replace("http://", "ws://") + "/xapi2/ch?ticket=" + Uri.EscapeDataString(ticket)), timeout.Token);
        return new SocketClient(socket);
    }

    public Task SendAsync(object frame) => SendTextAsync(JsonSerializer.Serialize(frame));

    public async Task SendTextAsync(string text)
    {
        using var timeout = new CancellationTokenSource(Patience);
        await _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, timeout.Token);
    }

    public async Task SendBinaryAsync(byte[] bytes)
    {
        using var timeout = new CancellationTokenSource(Patience);
        await _socket.SendAsync(bytes, WebSocketMessageType.Binary, true, timeout.Token);
    }

    /// The next frame; null when the server closed the socket.
    public async Task<JsonObject?> ReceiveAsync()
    {
        if (_skipped.TryDequeue(out var earlier)) return earlier;
        using var timeout = new CancellationTokenSource(Patience);
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            var received = await _socket.ReceiveAsync(buffer, timeout.Token);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", timeout.Token); // answer, as clients should
                return null;
            }
            message.Write(buffer, 0, received.Count);
            if (received.EndOfMessage) return JsonNode.Parse(message.ToArray())!.AsObject();
        }
    }

    /// The next frame answering <paramref name="id"/> (events of other subscriptions are kept for later reads).
    public async Task<JsonObject> AnswerAsync(string id)
    {
        var kept = new List<JsonObject>();
        try
        {
            while (true)
            {
                var frame = await ReceiveAsync() ?? throw new InvalidOperationException($"Closed before answering {id}: {CloseReason}");
                if ((string?)frame["id"] == id && (string?)frame["op"] != "event") return frame;
                kept.Add(frame);
            }
        }
        finally
        {
            foreach (var frame in kept) _skipped.Enqueue(frame);
        }
    }

    /// Sends a request and returns its answer ("result" or "error").
    public async Task<JsonObject> RequestAsync(object frame, string id)
    {
        await SendAsync(frame);
        return await AnswerAsync(id);
    }

    public async Task<JsonObject> SubscribeAsync(string id, string dataType, object? filter = null, string? since = null)
    {
        var frame = new Dictionary<string, object> { ["op"] = "subscribe", ["id"] = id, ["dataType"] = dataType };
        if (filter is not null) frame["filter"] = filter;
        if (since is not null) frame["since"] = since;
        var answer = await RequestAsync(frame, id);
        Assert.True((string?)answer["op"] == "subscribed", answer.ToJsonString());
        return answer;
    }

    /// The next event frame (answers to requests in between are an error: tests ask for those explicitly).
    public async Task<JsonObject> EventAsync()
    {
        var frame = await ReceiveAsync() ?? throw new InvalidOperationException($"Closed: {CloseStatus} {CloseReason}");
        Assert.True((string?)frame["op"] == "event", frame.ToJsonString());
        return frame;
    }

    /// Waits until the server closes the socket.
    public async Task WaitClosedAsync()
    {
        while (await ReceiveAsync() is not null)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", timeout.Token);
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
            {
            }
        }
        _socket.Dispose();
    }
}
