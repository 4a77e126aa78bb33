using System.Diagnostics;
using Hangfire;
using Hangfire.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PasKreatif.Backup;
using PasKreatif.Integration.Tests.Fixtures;
using PasKreatif.Integration.Tests.Localization;

namespace PasKreatif.Integration.Tests.Reliability;

public sealed class BackupShopFactory : ShopFactory
{
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), $"pk-backup-{Guid.NewGuid():N}");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Backup:Folder", Folder);
    }
}

/// <summary>The nightly backup job dumps the database, keeps 14 days, and its dump restores with scripts/restore.sh to the same rows.</summary>
public class BackupTests(BackupShopFactory factory) : IClassFixture<BackupShopFactory>
{
    static readonly string[] MainTables = ["Offices", "Regencies", "Groups", "Programmes", "Makers", "Categories", "Listings", "ListingPhotos", "Orders", "OrderLines", "Fulfilments", "Payments", "LedgerEntries", "Payouts", "AspNetUsers", "ListingAudit"];

    [Fact]
    public async Task The_nightly_job_dumps_keeps_fourteen_days_and_the_dump_restores_with_the_same_rows()
    {
        using (var connection = factory.Services.GetRequiredService<JobStorage>().GetConnection())
            Assert.Contains(connection.GetRecurringJobs(), j => j.Id == DatabaseBackup.JobId && j.Cron == DatabaseBackup.Cron);

        Directory.CreateDirectory(factory.Folder);
        var now = DateTimeOffset.UtcNow;
        var expired = BackupNames.For(now.AddDays(-15));
        var kept = BackupNames.For(now.AddDays(-13));
        foreach (var name in new[] { expired, kept, "notes.txt" }) await File.WriteAllTextAsync(Path.Combine(factory.Folder, name), "old");

        var dump = await factory.WithScopeAsync(s => s.GetRequiredService<DatabaseBackup>().RunAsync(CancellationToken.None));

        Assert.True(new FileInfo(dump).Length > 10_000);
        Assert.Equal("PGDMP", System.Text.Encoding.ASCII.GetString((await File.ReadAllBytesAsync(dump))[..5])); // custom format
        var left = Directory.GetFiles(factory.Folder).Select(Path.GetFileName).Order().ToList();
        Assert.Equal(new[] { Path.GetFileName(dump), kept, "notes.txt" }.Order(), left);

        var restored = await TestDatabases.CreateEmptyAsync("restored");
        try
        {
            var server = new NpgsqlConnectionStringBuilder(TestDatabases.Server);
            var script = Process.Start(new ProcessStartInfo("bash",
                [Path.Combine(ResourceParityTests.RepositoryRoot(), "scripts", "restore.sh"), dump, restored, server.Host!, server.Port.ToString(), server.Username ?? "postgres"])
                { RedirectStandardError = true, RedirectStandardOutput = true })!;
            var errors = await script.StandardError.ReadToEndAsync();
            await script.WaitForExitAsync();
            Assert.True(script.ExitCode == 0, errors);

            foreach (var table in MainTables)
                Assert.Equal((table, await CountAsync(factory.Database, table)), (table, await CountAsync(restored, table)));
            await using var db = TestDatabases.Open(restored);
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        }
        finally
        {
            await TestDatabases.DropAsync(restored);
            Directory.Delete(factory.Folder, recursive: true);
        }
    }

    static async Task<long> CountAsync(string database, string table)
    {
        await using var connection = new NpgsqlConnection(TestDatabases.ConnectionString(database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT count(*) FROM \"{table}\"", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
