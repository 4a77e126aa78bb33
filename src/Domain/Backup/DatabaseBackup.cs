using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace PasKreatif.Backup;

/// <summary>Backup:Folder (none: no backup job), Backup:KeepDays, Backup:PgDump (the pg_dump matching the server).</summary>
public sealed class BackupOptions : ISettingGroup
{
    public const string Section = "Backup";

    public string? Folder { get; init; }
    public int KeepDays { get; init; } = 14;
    /// <summary>Blank: Debian's PostgreSQL 15 pg_dump when installed, else the one on PATH.</summary>
    public string PgDump { get; init; } = "";

    public bool IsOn => !string.IsNullOrWhiteSpace(Folder);

    public string PgDumpOrDefault => PgDump is { Length: > 0 } dump ? dump
        : File.Exists("/usr/lib/postgresql/15/bin/pg_dump") ? "/usr/lib/postgresql/15/bin/pg_dump" : "pg_dump";

    public IEnumerable<string?> Problems(string section) => [Settings.AtLeast($"{section}:{nameof(KeepDays)}", KeepDays, 1)];
}

/// <summary>Dump names carry their UTC time, so what to keep is decided from the name, not from file dates a copy may change.</summary>
public static class BackupNames
{
    public const string Prefix = "paskreatif-";
    public const string Extension = ".dump";
    const string Format = "yyyyMMdd-HHmmss";

    public static string For(DateTimeOffset at) => Prefix + at.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture) + Extension;

    public static DateTimeOffset? TakenAt(string fileName) =>
        fileName.StartsWith(Prefix, StringComparison.Ordinal) && fileName.EndsWith(Extension, StringComparison.Ordinal)
        && DateTime.TryParseExact(fileName[Prefix.Length..^Extension.Length], Format, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)
            ? new DateTimeOffset(at, TimeSpan.Zero) : null;

    /// <summary>Dumps older than the kept days; files that are not dumps are never touched.</summary>
    public static IEnumerable<string> Expired(IEnumerable<string> fileNames, DateTimeOffset now, int keepDays) =>
        fileNames.Where(f => TakenAt(f) is { } at && at < now.AddDays(-keepDays));
}

/// <summary>The nightly backup: pg_dump in custom format into the configured folder, keeping the last 14 days.</summary>
public sealed class DatabaseBackup(IConfiguration configuration, BackupOptions options, TimeProvider clock, ILogger<DatabaseBackup> log)
{
    public const string JobId = "nightly-backup";
    public const string Cron = "30 2 * * *"; // 02.30 WIB, when the shop is quietest

    public async Task<string> RunAsync(CancellationToken ct)
    {
        var folder = options.IsOn ? options.Folder! : throw new InvalidOperationException("Backup:Folder is not set.");
        Directory.CreateDirectory(folder);
        var target = Path.Combine(folder, BackupNames.For(clock.GetUtcNow()));
        var partial = target + ".partial";
        await DumpAsync(options.PgDumpOrDefault, partial, ct);
        // Only a finished dump gets the name retention and restore look for.
        File.Move(partial, target, overwrite: true);
        foreach (var old in BackupNames.Expired(Directory.GetFiles(folder).Select(Path.GetFileName).OfType<string>(), clock.GetUtcNow(), options.KeepDays))
            File.Delete(Path.Combine(folder, old));
        log.BackupWritten(target);
        return target;
    }

    async Task DumpAsync(string pgDump, string file, CancellationToken ct)
    {
        var db = new NpgsqlConnectionStringBuilder(DomainServices.ConnectionString(configuration));
        var start = new ProcessStartInfo(pgDump) { RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "--format=custom", "--no-owner", $"--file={file}", $"--host={db.Host}", $"--port={db.Port}", $"--username={db.Username}", $"--dbname={db.Database}" })
            start.ArgumentList.Add(arg);
        if (!string.IsNullOrEmpty(db.Password)) start.Environment["PGPASSWORD"] = db.Password;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{pgDump} did not start.");
        var errors = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0)
        {
            File.Delete(file);
            throw new InvalidOperationException($"pg_dump failed ({process.ExitCode}): {await errors}");
        }
    }
}
