using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PasKreatif.Persistence;

public sealed class DatabaseOptions : ISettingGroup
{
    public const string Section = "Database";

    /// <summary>Apply pending migrations when the site starts (./run.sh sets it).</summary>
    public bool MigrateOnStart { get; init; }

    public IEnumerable<string?> Problems(string section) => [];
}

public static class DatabaseStartup
{
    /// <summary>Migrates and ensures reference rows, when configured to.</summary>
    public static async Task PrepareAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MarketplaceDb>();
        var log = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("PasKreatif.Database");
        if (scope.ServiceProvider.GetRequiredService<IOptions<DatabaseOptions>>().Value.MigrateOnStart)
        {
            log.ApplyingMigrations();
            // Npgsql's migrator reads the history table before creating it and logs that as a failure on a new database.
            await db.Database.ExecuteSqlRawAsync(db.GetService<IHistoryRepository>().GetCreateIfNotExistsScript(), ct);
            await db.Database.MigrateAsync(ct);
            await ReferenceData.EnsureAsync(db, ct);
        }
    }
}
