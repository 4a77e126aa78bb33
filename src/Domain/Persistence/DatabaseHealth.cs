using Microsoft.EntityFrameworkCore;

namespace PasKreatif.Persistence;

public sealed record DatabaseState(bool Reachable, int PendingMigrations, string? Error);

public static class DatabaseHealth
{
    public static async Task<DatabaseState> CheckAsync(MarketplaceDb db, CancellationToken ct = default)
    {
        try
        {
            var pending = (await db.Database.GetPendingMigrationsAsync(ct)).Count();
            return new DatabaseState(true, pending, null);
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or InvalidOperationException or TimeoutException)
        {
            return new DatabaseState(false, 0, e.GetType().Name);
        }
    }
}
