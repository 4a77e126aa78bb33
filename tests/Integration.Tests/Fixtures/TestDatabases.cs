using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using PasKreatif.Demo;
using PasKreatif.Media;
using PasKreatif.Persistence;

namespace PasKreatif.Integration.Tests.Fixtures;

/// <summary>
/// The private PostgreSQL server that ./test.sh starts. A template database (migrated, with the
/// tiny demo tier and Hangfire's schema) is built once per test process; each test class copies it.
/// </summary>
public static class TestDatabases
{
    public const string ServerVariable = "PASKREATIF_TEST_PG";
    static readonly SemaphoreSlim Gate = new(1, 1);
    /// <summary>Databases copied from the template: their money is checked when they are dropped.</summary>
    static readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> Copies = new();
    static string? template;
    static int counter;

    public static string Server => Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } server
        ? server
        : throw new InvalidOperationException($"{ServerVariable} is not set: run the tests with ./test.sh, which starts a private PostgreSQL server.");

    /// <summary>Media written while building the template: the demo photo pool.</summary>
    public static string MediaRoot { get; } = Path.Combine(Path.GetTempPath(), $"pk-media-{Environment.ProcessId}");

    public static string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder(Server) { Database = database, IncludeErrorDetail = true }.ConnectionString;

    /// <summary>An empty database, for tests of migrations and loading.</summary>
    public static async Task<string> CreateEmptyAsync(string purpose)
    {
        var name = NewName(purpose);
        await ExecuteAsync($"CREATE DATABASE \"{name}\"");
        return name;
    }

    /// <summary>A copy of the template: migrated, with the tiny demo tier. Its money is checked when dropped, unless a test breaks it on purpose.</summary>
    public static async Task<string> CreateFromTemplateAsync(string purpose, bool checkMoneyOnDrop = true)
    {
        var source = await TemplateAsync();
        var name = NewName(purpose);
        await ExecuteAsync($"CREATE DATABASE \"{name}\" TEMPLATE \"{source}\"");
        if (checkMoneyOnDrop) Copies[name] = true;
        return name;
    }

    /// <summary>
    /// Drops a database; one copied from the template first has its money checked
    /// (<see cref="LedgerInvariant"/>), so every test class that used one ends with the check, and a
    /// broken invariant fails that class (reported as its cleanup failure).
    /// </summary>
    public static async Task DropAsync(string database)
    {
        try
        {
            if (Copies.TryRemove(database, out _)) await LedgerInvariant.AssertHoldsAsync(ConnectionString(database));
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
        }
    }

    public static MarketplaceDb Open(string database) =>
        new(new DbContextOptionsBuilder<MarketplaceDb>().UseNpgsql(ConnectionString(database)).Options);

    /// <summary>The tests' demo data counts back from a fixed day, so every run sees the same rows.</summary>
    public static readonly DateOnly DemoAnchor = new(2026, 11, 1);

    public static DemoDataLoader DemoLoader(MarketplaceDb db, string mediaRoot) =>
        DemoLoader(db, mediaRoot, new DemoOptions { AnchorDate = DemoAnchor }, TimeProvider.System);

    public static DemoDataLoader DemoLoader(MarketplaceDb db, string mediaRoot, DemoOptions options, TimeProvider clock) =>
        new(db, new PhotoPipeline(new FileSystemMediaStore(new MediaOptions { Root = mediaRoot })),
            Options.Create(options), clock, NullLogger<DemoDataLoader>.Instance);

    static async Task<string> TemplateAsync()
    {
        if (template is not null) return template;
        await Gate.WaitAsync();
        try
        {
            if (template is not null) return template;
            var name = NewName("template");
            await ExecuteAsync($"CREATE DATABASE \"{name}\"");
            await using (var db = Open(name))
            {
                await db.Database.MigrateAsync();
                await DemoLoader(db, MediaRoot).LoadAsync(DemoTier.Tiny);
            }
            await using (var connection = new NpgsqlConnection(ConnectionString(name)))
            {
                await connection.OpenAsync();
                Hangfire.PostgreSql.PostgreSqlObjectsInstaller.Install(connection);
            }
            NpgsqlConnection.ClearAllPools(); // a template must have no open connections
            return template = name;
        }
        finally
        {
            Gate.Release();
        }
    }

    static string NewName(string purpose) =>
        $"pk_{Environment.ProcessId}_{Interlocked.Increment(ref counter)}_{new string(purpose.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).Take(24).ToArray())}";

    static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
