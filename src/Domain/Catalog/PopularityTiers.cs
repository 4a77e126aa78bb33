using Microsoft.EntityFrameworkCore;
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
        var read = new int?[Sizes.Length];
        for (var i = 0; i < Sizes.Length; i++)
        {
            var offset = Sizes[i];
            read[i] = await db.Listings.Where(l => l.Status == ListingStatus.Approved)
                .OrderByDescending(l => l.UnitsSold).ThenByDescending(l => l.Id)
                .Skip(offset).Select(l => (int?)l.UnitsSold).FirstOrDefaultAsync(ct);
        }
        Volatile.Write(ref current, new Bounds(read, now + Lifetime));
        return read;
    }
}
