using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using PasKreatif.Media;

namespace PasKreatif.Integration.Tests.Fixtures;

/// <summary>
/// npm's s3rver, a local S3-compatible server, on a free port of 127.0.0.1 with a "media" bucket;
/// ./test.sh installs it into tools/s3rver. Started per test class, stopped by its own PID.
/// </summary>
public sealed class TestS3Server : IAsyncLifetime
{
    public const string Bucket = "media";
    Process? process;
    readonly string folder = Path.Combine(Path.GetTempPath(), $"pk-s3-{Environment.ProcessId}-{Guid.NewGuid():N}");

    public string ServiceUrl { get; private set; } = "";

    public S3MediaOptions Options => new() { ServiceUrl = ServiceUrl, Bucket = Bucket, AccessKey = "S3RVER", SecretKey = "S3RVER" };

    public async Task InitializeAsync()
    {
        var script = Path.Combine(RepositoryRoot(), "tools", "s3rver", "node_modules", "s3rver", "bin", "s3rver.js");
        if (!File.Exists(script))
            throw new FileNotFoundException("s3rver is not installed: run `npm ci --prefix tools/s3rver` (./test.sh does).", script);
        var port = FreePort();
        Directory.CreateDirectory(folder);
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { script, "-d", folder, "-a", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--silent", "--configure-bucket", Bucket })
            start.ArgumentList.Add(arg);
        process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        ServiceUrl = $"http://127.0.0.1:{port}";
        using var http = new HttpClient();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            if (process.HasExited) throw new InvalidOperationException($"s3rver exited with {process.ExitCode}");
            try
            {
                // The bucket answers once s3rver has configured it.
                if ((await http.GetAsync($"{ServiceUrl}/{Bucket}")).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
            }
            if (DateTime.UtcNow > deadline) throw new TimeoutException("s3rver did not answer within 30 s");
            await Task.Delay(100);
        }
    }

    public Task DisposeAsync()
    {
        if (process is { HasExited: false })
        {
            process.Kill();
            process.WaitForExit(10_000);
        }
        process?.Dispose();
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        return Task.CompletedTask;
    }

    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Marketplace.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("Marketplace.sln not found above " + AppContext.BaseDirectory);
    }
}
