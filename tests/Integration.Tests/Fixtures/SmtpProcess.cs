using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace PasKreatif.Integration.Tests.Fixtures;

/// <summary>A real SMTP server (Debian's aiosmtpd) a test starts and stops itself, on its own port and Maildir.</summary>
public sealed class SmtpProcess : IDisposable
{
    Process? process;

    public int Port { get; } = FreePort();
    public TestMailServer Mailbox { get; } = new("127.0.0.1", 0, Path.Combine(Path.GetTempPath(), $"pk-maildir-{Guid.NewGuid():N}"));

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Starts the server and polls until it accepts connections.</summary>
    public async Task StartAsync()
    {
        process = Process.Start(new ProcessStartInfo("/usr/bin/python3", ["-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{Port}", "-c", "aiosmtpd.handlers.Mailbox", Mailbox.Maildir])
            { RedirectStandardError = true, RedirectStandardOutput = true }) ?? throw new InvalidOperationException("aiosmtpd did not start");
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException) when (!process.HasExited)
            {
                await Task.Delay(100);
            }
        }
        throw new TimeoutException($"aiosmtpd did not listen on {Port}: {await process.StandardError.ReadToEndAsync()}");
    }

    public void Dispose()
    {
        var running = Interlocked.Exchange(ref process, null);
        if (running is null) return;
        if (!running.HasExited) running.Kill(entireProcessTree: true);
        running.WaitForExit();
        running.Dispose();
        if (Directory.Exists(Mailbox.Maildir)) Directory.Delete(Mailbox.Maildir, recursive: true);
    }
}
