using Microsoft.EntityFrameworkCore;
using PasKreatif.Catalog;
using PasKreatif.Persistence;

namespace PasKreatif.Orders;

/// <summary>Units sold per listing follow payments (+) and refunds and cancellations of paid units (−), never below zero.</summary>
public static class UnitsSold
{
    /// <summary>
    /// Listing-only writes: the "popular" order, featured goods and programme totals on cached lists may
    /// lag until the catalogue cache's 10-minute expiry, which is fine for a popularity measure.
    /// </summary>
    public static async Task AddAsync(MarketplaceDb db, IEnumerable<(int ListingId, int Units)> changes, CancellationToken ct)
    {
        // The checkout's lock order (by listing id), so no two writers wait in a circle.
        foreach (var change in changes.GroupBy(c => c.ListingId).Select(g => (ListingId: g.Key, Units: g.Sum(c => c.Units))).Where(c => c.Units != 0).OrderBy(c => c.ListingId))
        {
            var units = change.Units;
            await ListingOnlyWrite.RunAsync(change.ListingId, () => db.Listings.Where(l => l.Id == change.ListingId)
                .ExecuteUpdateAsync(s => s.SetProperty(l => l.UnitsSold, l => l.UnitsSold + units > 0 ? l.UnitsSold + units : 0), ct));
        }
    }
}
