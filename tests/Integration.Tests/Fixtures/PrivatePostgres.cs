using System.Diagnostics;
using Npgsql;

namespace PasKreatif.Integration.Tests.Fixtures;

/// <summary>
/// A PostgreSQL cluster of one test's own (initdb + pg_ctl from Debian's PostgreSQL 15 in a temp folder,
/// as the postgres user when running as root), which the test may stop and start without touching the
/// shared test server. Its first database is a copy of the tiny-tier template, moved with pg_dump/pg_restore.
/// </summary>
public sealed class PrivatePostgres : IAsyncDisposable
{
    internal const string Bin = "/usr/lib/postgresql/15/bin";
    internal static readonly bool Root = Environment.UserName == "root";

    public string Folder { get; } = Path.Combine("/var/tmp", $"pk-own-pg-{Guid.NewGuid():N}");
    public int Port { get; } = SmtpProcess.FreePort();
    string Data => Path.Combine(Folder, "data");

    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = Port, Username = "postgres", Database = database, IncludeErrorDetail = true, Timeout = 5 }.ConnectionString;

    public async Task CreateAsync()
    {
        Directory.CreateDirectory(Folder);
        if (Root) await RunAsync("chown", "postgres:postgres", Folder);
        await AsPostgresAsync($"{Bin}/initdb", "-D", Data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8");
        await StartAsync();
    }

    public Task StartAsync() => AsPostgresAsync($"{Bin}/pg_ctl", "-D", Data, "-l", Path.Combine(Folder, "server.log"), "-w", "-t", "60",
        "-o", $"-c listen_addresses=127.0.0.1 -p {Port} -k {Folder} -c fsync=off", "start");

    /// <summary>A fast stop: open sessions are ended, as when the server goes down under load.</summary>
    public Task StopAsync() => AsPostgresAsync($"{Bin}/pg_ctl", "-D", Data, "-m", "fast", "-w", "stop");

    /// <summary>A copy of the tiny-tier template from the shared server, restored here under <paramref name="name"/>.</summary>
    public async Task<string> CopyTemplateAsync(string name)
    {
        var source = await TestDatabases.CreateFromTemplateAsync("copy-for-own-pg");
        try
        {
            var server = new NpgsqlConnectionStringBuilder(TestDatabases.Server);
            var dump = Path.Combine(Folder, "template.dump");
            await RunAsync($"{Bin}/pg_dump", "--format=custom", "--no-owner", $"--file={dump}", $"--host={server.Host}", $"--port={server.Port}", $"--username={server.Username ?? "postgres"}", $"--dbname={source}");
            await RunAsync($"{Bin}/createdb", "--host=127.0.0.1", $"--port={Port}", "--username=postgres", name);
            await RunAsync($"{Bin}/pg_restore", "--no-owner", "--exit-on-error", "--host=127.0.0.1", $"--port={Port}", "--username=postgres", $"--dbname={name}", dump);
            return name;
        }
        finally
        {
            await TestDatabases.DropAsync(source);
        }
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        try { await AsPostgresAsync($"{Bin}/pg_ctl", "-D", Data, "-m", "immediate", "-w", "stop"); }
        catch (InvalidOperationException) { } // already stopped
        Directory.Delete(Folder, recursive: true);
    }

    internal static Task AsPostgresAsync(string program, params string[] args) =>
        Root ? RunAsync("runuser", ["-u", "postgres", "--", program, .. args]) : RunAsync(program, args);

    internal static async Task RunAsync(string program, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(program, args) { RedirectStandardError = true, RedirectStandardOutput = true })
            ?? throw new InvalidOperationException($"{program} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{program} {string.Join(' ', args)} failed ({process.ExitCode}): {await errors} {await output}");
    }
}
