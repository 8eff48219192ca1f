namespace Ats.Web.Api.Sockets;

/// Ats:Channel: limits of the WebSocket channel /xapi2/ch.
public sealed class ChannelSettings
{
    /// A frame larger than this closes the socket (1009): the same limit as a REST body.
    public int MaxFrameBytes { get; set; } = Xapi.JsonBody.MaxBytes;
    /// Frames waiting for a slow reader; on overflow the socket is closed (1008) and the client resumes with "since".
    public int QueueCapacity { get; set; } = 1024;
    public int MaxSubscriptions { get; set; } = 100;
    /// How often an open socket re-checks its token (revoked, expired, user deactivated or given another role).
    public int RecheckSeconds { get; set; } = 5;
    /// WebSocket pings; a client that answers none within twice this is dropped.
    public int KeepAliveSeconds { get; set; } = 15;
    /// Browser origins allowed besides the app's own (the Origin header of other clients is absent and not checked).
    public string[] AllowedOrigins { get; set; } = [];
}
