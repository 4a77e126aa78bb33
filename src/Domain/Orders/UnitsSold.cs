using Microsoft.EntityFrameworkCore;
using PasKreatif.Catalog;
using PasKreatif.Persistence;

namespace PasKreatif.Orders;

/// <summary>Units sold per listing follow payments (+) and refunds and cancellations of paid units (−), never below zero.</summary>
public static class UnitsSold
{
    /// <summary>
    /// Raised as product-page changes: the "popular" order, featured goods and programme totals on cached lists
    /// may lag until the catalogue cache's 10-minute expiry, which is fine for a popularity measure.
    /// </summary>
    public static async Task AddAsync(MarketplaceDb db, IEnumerable<(int ListingId, int Units)> changes, ICatalogChanges catalog, CancellationToken ct)
    {
        var written = new List<int>();
        // The checkout's lock order (by listing id), so no two writers wait in a circle.
        foreach (var change in changes.GroupBy(c => c.ListingId).Select(g => (ListingId: g.Key, Units: g.Sum(c => c.Units))).Where(c => c.Units != 0).OrderBy(c => c.ListingId))
        {
            var units = change.Units;
            if (await db.Listings.Where(l => l.Id == change.ListingId)
                .ExecuteUpdateAsync(s => s.SetProperty(l => l.UnitsSold, l => l.UnitsSold + units > 0 ? l.UnitsSold + units : 0), ct) > 0)
                written.Add(change.ListingId);
        }
        if (written.Count > 0) await catalog.RaiseAsync(db, CatalogChange.UnitsSold(written), ct);
    }
}
