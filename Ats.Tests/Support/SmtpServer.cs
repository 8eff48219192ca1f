using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MimeKit;

namespace Ats.Tests.Support;

/// A real SMTP server on loopback (Debian's python3-aiosmtpd) that stores every mail it accepts in a maildir.
public sealed class SmtpServer : IAsyncDisposable
{
    private readonly string _maildir = Path.Combine(Path.GetTempPath(), $"ats-maildir-{Guid.NewGuid():N}");
    private Process? _process;

    public int Port { get; } = FreePort();

    public async Task StartAsync()
    {
        _process = Process.Start(new ProcessStartInfo("/usr/bin/python3",
            ["-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{Port}", "-c", "aiosmtpd.handlers.Mailbox", _maildir])
        { RedirectStandardError = true, RedirectStandardOutput = true })!;
        // Ready when it accepts a connection (waits for a state, not for a time).
        for (var attempt = 0; attempt < 200; attempt++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException) when (!_process.HasExited)
            {
                await Task.Delay(50);
            }
        }
        throw new InvalidOperationException("The SMTP server did not start: " + await _process.StandardError.ReadToEndAsync());
    }

    public async Task StopAsync()
    {
        if (_process is null) return;
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        _process = null;
    }

    /// The mails received so far, oldest first.
    public IReadOnlyList<MimeMessage> Received()
    {
        var folder = Path.Combine(_maildir, "new");
        return Directory.Exists(folder)
            ? Directory.GetFiles(folder).Select(f => (File: f, Time: File.GetLastWriteTimeUtc(f))).OrderBy(f => f.Time)
                .Select(f => MimeMessage.Load(f.File)).ToList()
            : [];
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        if (Directory.Exists(_maildir)) Directory.Delete(_maildir, recursive: true);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
