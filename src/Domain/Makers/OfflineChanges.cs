using Microsoft.EntityFrameworkCore;
using PasKreatif.Catalog;
using PasKreatif.Orders;
using PasKreatif.Persistence;

namespace PasKreatif.Makers;

public enum OfflineResult { Saved, AlreadySaved, Conflict, Refused }

/// <summary>What the phone learns back: the outcome, the value now kept and the edit version to base the next change on.</summary>
public sealed record OfflineAnswer(OfflineResult Result, string Current, int Version, string? Problem = null);

/// <summary>
/// Changes a maker made in the workspace without signal (stock, price, an order's step), sent later
/// from the phone's outbox in order. Each names the value and edit version it was made over; see
/// <see cref="OfflineChange"/>. Another maker's listing or order is not found, as everywhere.
/// </summary>
public sealed class OfflineChanges(MarketplaceDb db, ListingEditor editor, MakerOrders orders, TimeProvider clock)
{
    public async Task<OfflineAnswer> SetStockAsync(int makerId, Guid actor, int listingId, int seenVersion, int seenStock, int stock, CancellationToken ct = default)
    {
        var listing = await editor.RequireAsync(makerId, listingId, ct);
        if (listing.MadeToOrder) return Refused(listing, listing.Stock, "MadeToOrderHasNoStock");
        if (!ListingDrafts.StockInRange(stock)) return Refused(listing, listing.Stock, "StockRange");
        var outcome = OfflineChange.Judge(seenVersion, seenStock, listing.EditVersion, listing.Stock, stock);
        if (outcome != OfflineOutcome.Apply) return Answer(outcome, listing, listing.Stock);
        try
        {
            db.ListingAudit.Add(listing.SetStock(stock, actor, clock.GetUtcNow()));
            await db.SaveChangesAsync(ct);
        }
        catch (ListingRuleException e) { return Refused(listing, listing.Stock, e.Code); }
        catch (DbUpdateConcurrencyException) { return await ReloadedConflictAsync(makerId, listingId, l => l.Stock, ct); }
        return new(OfflineResult.Saved, stock.ToString(System.Globalization.CultureInfo.InvariantCulture), listing.EditVersion);
    }

    public async Task<OfflineAnswer> SetPriceAsync(int makerId, int listingId, int seenVersion, decimal seenPrice, decimal price, CancellationToken ct = default)
    {
        var listing = await editor.RequireAsync(makerId, listingId, ct);
        if (!ListingDrafts.PriceInRange(price)) return Refused(listing, listing.Price.Amount, "PriceRange");
        if (listing.Status == ListingStatus.Archived) return Refused(listing, listing.Price.Amount, "Archived");
        var outcome = OfflineChange.Judge(seenVersion, Money.Of(seenPrice), listing.EditVersion, listing.Price, Money.Of(price));
        if (outcome != OfflineOutcome.Apply) return Answer(outcome, listing, listing.Price.Amount);
        try
        {
            listing.SetPrice(Money.Of(price), clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException) { return await ReloadedConflictAsync(makerId, listingId, l => l.Price.Amount, ct); }
        return new(OfflineResult.Saved, Money.Of(price).Amount.ToString("0", System.Globalization.CultureInfo.InvariantCulture), listing.EditVersion);
    }

    /// <summary>Moves the maker's part of an order from the step they saw to the next; tracking notes travel with a shipment.</summary>
    public async Task<OfflineAnswer> StepAsync(int makerId, int fulfilmentId, FulfilmentStatus seen, FulfilmentStatus to, string? trackingNote, CancellationToken ct = default)
    {
        var current = await db.Fulfilments.Where(f => f.Id == fulfilmentId && f.MakerId == makerId).Select(f => (FulfilmentStatus?)f.Status).SingleOrDefaultAsync(ct)
            ?? throw new FulfilmentNotFoundException();
        var outcome = OfflineChange.Judge(0, seen, 0, current, to);
        if (outcome == OfflineOutcome.AlreadySaved) return new(OfflineResult.AlreadySaved, current.ToString(), 0);
        if (outcome == OfflineOutcome.ChangedElsewhere) return new(OfflineResult.Conflict, current.ToString(), 0);
        try
        {
            await orders.StepAsync(makerId, fulfilmentId, to, trackingNote, ct);
        }
        catch (FulfilmentRuleException e) { return new(OfflineResult.Refused, current.ToString(), 0, e.Code); }
        return new(OfflineResult.Saved, to.ToString(), 0);
    }

    static OfflineAnswer Answer<T>(OfflineOutcome outcome, Listing listing, T current) =>
        new(outcome == OfflineOutcome.AlreadySaved ? OfflineResult.AlreadySaved : OfflineResult.Conflict, Text(current), listing.EditVersion);

    static OfflineAnswer Refused<T>(Listing listing, T current, string problem) => new(OfflineResult.Refused, Text(current), listing.EditVersion, problem);

    static string Text<T>(T value) => value is decimal d ? d.ToString("0", System.Globalization.CultureInfo.InvariantCulture) : Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "";

    // Someone saved between our read and our write: answer with what they saved.
    async Task<OfflineAnswer> ReloadedConflictAsync<T>(int makerId, int listingId, Func<Listing, T> value, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var fresh = await editor.RequireAsync(makerId, listingId, ct);
        return new(OfflineResult.Conflict, Text(value(fresh)), fresh.EditVersion);
    }
}
