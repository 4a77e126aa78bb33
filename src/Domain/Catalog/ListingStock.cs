using Microsoft.EntityFrameworkCore;
using PasKreatif.Persistence;

namespace PasKreatif.Catalog;

/// <summary>
/// Stock taken by a checkout and given back by a cancellation or expiry, as conditional updates that
/// each know whether they cross zero, and raise what changed: a count that stays above zero shows on
/// the product page alone; selling out changes its card wherever it shows; coming back may put it on
/// lists it had left.
/// </summary>
public static class ListingStock
{
    /// <summary>Takes <paramref name="quantity"/> of an approved listing; false when there is not enough.</summary>
    public static async Task<bool> ReserveAsync(MarketplaceDb db, int listingId, int quantity, ICatalogChanges changes, CancellationToken ct)
    {
        // A few rounds: another checkout or a release may move the stock between two statements.
        for (var round = 0; round < 3; round++)
        {
            var kept = await db.Listings.Where(Listing.OnSale)
                .Where(l => l.Id == listingId && (l.MadeToOrder || l.Stock > quantity))
                .ExecuteUpdateAsync(s => s.SetProperty(l => l.Stock, l => l.MadeToOrder ? l.Stock : l.Stock - quantity), ct);
            if (kept > 0)
            {
                await changes.RaiseAsync(db, CatalogChange.StockLeft(listingId), ct);
                return true;
            }
            // The last unit: the card reads "sold out" now, wherever it shows; no list changes otherwise.
            var soldOut = await db.Listings.Where(Listing.OnSale)
                .Where(l => l.Id == listingId && !l.MadeToOrder && l.Stock == quantity)
                .ExecuteUpdateAsync(s => s.SetProperty(l => l.Stock, 0), ct);
            if (soldOut > 0)
            {
                await changes.RaiseAsync(db, CatalogChange.SoldOut(listingId), ct);
                return true;
            }
            var enough = await db.Listings.Where(Listing.OnSale).AnyAsync(l => l.Id == listingId && (l.MadeToOrder || l.Stock >= quantity), ct);
            if (!enough) return false;
        }
        return false;
    }

    /// <summary>Gives <paramref name="quantity"/> back to a listing kept in stock (made-to-order ones have none).</summary>
    public static async Task ReleaseAsync(MarketplaceDb db, int listingId, int quantity, ICatalogChanges changes, CancellationToken ct)
    {
        var inStock = db.Listings.Where(l => l.Id == listingId && !l.MadeToOrder);
        if (await Add(inStock.Where(l => l.Stock > 0), quantity, ct) > 0) await changes.RaiseAsync(db, CatalogChange.StockLeft(listingId), ct);
        else if (await Add(inStock, quantity, ct) > 0) await changes.RaiseAsync(db, CatalogChange.BackInStock(listingId), ct);
    }

    static Task<int> Add(IQueryable<Listing> listing, int quantity, CancellationToken ct) =>
        listing.ExecuteUpdateAsync(s => s.SetProperty(l => l.Stock, l => l.Stock + quantity), ct);
}
