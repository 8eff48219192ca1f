namespace Ats.Web.Api.Sockets;

/// Ats:Channel: limits of the WebSocket channel /xapi2/ch.
public sealed class ChannelSettings
{
    /// A frame larger than this closes the socket (1009): the same limit as a REST body.
    public int MaxFrameBytes { get; set; } = Operations.JsonBody.MaxBytes;
    /// Event frames waiting for a reader. Beyond that a subscription falls behind and is served from the log later.
    public int QueueCapacity { get; set; } = 1024;
    /// The same limit in bytes, so a queue of large rows stays small too.
    public long MaxQueuedBytes { get; set; } = 16 * 1024 * 1024;
    /// A client that takes nothing for this long while events wait is closed (1008, queue_overflow); it resumes with "since".
    public int SlowClientSeconds { get; set; } = 30;
    public int MaxSubscriptions { get; set; } = 100;
    /// Sockets open at once per token and per client address; one more is refused with 429 too_many_sockets.
    public int MaxSocketsPerToken { get; set; } = 20;
    public int MaxSocketsPerIp { get; set; } = 100;
    /// How often an open socket re-checks its token (revoked, expired, user deactivated or given another role).
    public int RecheckSeconds { get; set; } = 5;
    /// After a close frame, how long the client has to answer it (and a stuck send to finish) before it is cut off.
    public int CloseGraceSeconds { get; set; } = 5;
    /// WebSocket pings; a client that answers none within twice this is dropped.
    public int KeepAliveSeconds { get; set; } = 15;
    /// Browser origins allowed besides the app's own (the Origin header of other clients is absent and not checked).
    public string[] AllowedOrigins { get; set; } = [];
}
