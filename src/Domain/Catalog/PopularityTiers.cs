using Microsoft.EntityFrameworkCore;
using Npgsql;
using PasKreatif.Persistence;

namespace PasKreatif.Catalog;

/// <summary>
/// The units sold of the 1,000th, 3,000th, 9,000th and 27,000th most popular goods on sale: the lower
/// bounds of the popular tiers a common word is searched in. Read once a minute, not per search: any bound
/// gives the same pages (a tier is every match selling at least that much, so when it holds a page's worth
/// of matches it holds the most popular ones), a stale bound only makes a tier larger or smaller.
/// </summary>
public sealed class PopularityTiers(TimeProvider clock)
{
    public static readonly int[] Sizes = [1_000, 3_000, 9_000, 27_000];
    static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    /// <summary>Null where fewer goods are on sale than the tier holds: that tier is then skipped.</summary>
    sealed record Bounds(int?[] UnitsSold, DateTimeOffset Until);

    Bounds? current;

    public async Task<int?[]> UnitsSoldAsync(MarketplaceDb db, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (Volatile.Read(ref current) is { } known && known.Until > now) return known.UnitsSold;
        // Every bound in one statement: the first search after a minute costs one more round trip, not four.
        var rows = await db.Database.SqlQueryRaw<BoundRow>(
            """
            SELECT s.n AS "Tier", (SELECT l."UnitsSold" FROM "Listings" l WHERE l."Status" = 'Approved'
                                   ORDER BY l."UnitsSold" DESC, l."Id" DESC OFFSET s.size LIMIT 1) AS "UnitsSold"
            FROM unnest(@sizes) WITH ORDINALITY AS s(size, n)
            """, new NpgsqlParameter("sizes", Sizes)).ToListAsync(ct);
        var read = new int?[Sizes.Length];
        foreach (var row in rows) read[row.Tier - 1] = row.UnitsSold;
        Volatile.Write(ref current, new Bounds(read, now + Lifetime));
        return read;
    }

    sealed class BoundRow
    {
        public long Tier { get; init; }
        public int? UnitsSold { get; init; }
    }
}
