using System.Diagnostics;
using System.Net;
using PasKreatif.Integration.Tests.Localization;

namespace PasKreatif.Integration.Tests.Fixtures;

/// <summary>The real shop as a child process (the built PasKreatif.Storefront.dll) on its own database and port, to be killed with SIGKILL.</summary>
public sealed class ShopProcess(string connectionString, IReadOnlyDictionary<string, string>? settings = null) : IDisposable
{
    Process? process;
    readonly List<string> output = [];

    /// <summary>Every line the shop wrote to stdout and stderr so far.</summary>
    public IReadOnlyList<string> Output
    {
        get { lock (output) return output.ToList(); }
    }

    public int Port { get; } = SmtpProcess.FreePort();
    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");

    static string Dll()
    {
        // The same configuration the tests were built in (Debug or Release).
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";
        var dll = Path.Combine(ResourceParityTests.RepositoryRoot(), "src", "Storefront", "bin", configuration, "net10.0", "PasKreatif.Storefront.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("Build src/Storefront first.", dll);
    }

    /// <summary>Starts the shop and polls /health until it answers 200.</summary>
    public async Task StartAsync()
    {
        var root = ResourceParityTests.RepositoryRoot();
        var start = new ProcessStartInfo("dotnet", [Dll(), "--urls", BaseAddress.ToString().TrimEnd('/'), "--contentRoot", Path.Combine(root, "src", "Storefront")])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        start.Environment["ConnectionStrings__Marketplace"] = connectionString;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["Jobs__RunServer"] = "false";
        start.Environment["Database__MigrateOnStart"] = "false";
        start.Environment["Demo__Tier"] = "";
        start.Environment["Media__Root"] = TestDatabases.MediaRoot;
        start.Environment["Mail__PickupFolder"] = Path.Combine(Path.GetTempPath(), $"pk-mail-process-{Port}");
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) start.Environment[key] = value;
        process = Process.Start(start) ?? throw new InvalidOperationException("The shop did not start.");
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            try
            {
                if ((await http.GetAsync("/health")).StatusCode == HttpStatusCode.OK) return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { }
            await Task.Delay(200);
        }
        throw new TimeoutException($"The shop on {BaseAddress} did not become healthy (exited: {process.HasExited}).");
    }

    void Keep(string? line)
    {
        if (line is null) return;
        lock (output) output.Add(line);
    }

    /// <summary>SIGKILL: no shutdown, no finally blocks, exactly as when the machine loses the process.</summary>
    public void Kill()
    {
        var running = Interlocked.Exchange(ref process, null);
        if (running is null) return;
        running.Kill(entireProcessTree: true);
        running.WaitForExit();
        running.Dispose();
    }

    public ShopClient Client() =>
        new(new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() }) { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) });

    public void Dispose() => Kill();
}
