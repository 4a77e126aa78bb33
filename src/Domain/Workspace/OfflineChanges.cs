using Microsoft.EntityFrameworkCore;
using PasKreatif.Catalog;
using PasKreatif.Orders;
using PasKreatif.Persistence;

namespace PasKreatif.Workspace;

public enum OfflineResult { Saved, AlreadySaved, Conflict, Refused }

/// <summary>What the phone learns back: the outcome, the value now kept and the edit version to base the next change on.</summary>
public sealed record OfflineAnswer(OfflineResult Result, string Current, int Version, string? Problem = null);

/// <summary>What the phone learns back about an edit of the whole form: the form as the shop has it now, its edit version, and what to show.</summary>
/// <param name="Conflicts">The fields changed on both sides, on a conflict.</param>
/// <param name="Errors">The form's own refusals, each naming its field.</param>
/// <param name="Merged">The maker's changes over the shop's form now: what "keep mine" sends again.</param>
public sealed record OfflineEditAnswer(OfflineResult Result, ListingDraft Current, int Version, IReadOnlyList<string> Conflicts, IReadOnlyList<InputError> Errors,
    string? Problem = null, ListingDraft? Merged = null);

/// <summary>
/// Changes a maker made in the workspace without signal (stock, price, an order's step), sent later
/// from the phone's outbox in order. Each names the value and edit version it was made over; see
/// <see cref="OfflineChange"/>. Another maker's listing or order is not found, as everywhere.
/// </summary>
public sealed class OfflineChanges(MarketplaceDb db, ListingEditor editor, MakerOrders orders, TimeProvider clock, ICatalogChanges catalog)
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
            await catalog.RaiseAsync(db, CatalogChange.OfListing(listing), ct);
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
            await catalog.RaiseAsync(db, CatalogChange.OfListing(listing), ct);
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException) { return await ReloadedConflictAsync(makerId, listingId, l => l.Price.Amount, ct); }
        return new(OfflineResult.Saved, Money.Of(price).Amount.ToString("0", System.Globalization.CultureInfo.InvariantCulture), listing.EditVersion);
    }

    /// <summary>
    /// The listing's form edited offline, saved through the editor's own path (revision rules, checks) under the
    /// phone's key: the same key sent again is answered as saved and changes nothing, whatever happened since.
    /// </summary>
    public async Task<OfflineEditAnswer> EditAsync(int makerId, Guid actor, Guid key, int listingId, int seenVersion, ListingDraft seen, ListingDraft wanted, CancellationToken ct = default)
    {
        var listing = await editor.RequireAsync(makerId, listingId, ct);
        var current = OfflineEdit.Shown(listing);
        if (await db.OfflineEditReceipts.AnyAsync(r => r.MakerId == makerId && r.Key == key, ct))
            return new(OfflineResult.AlreadySaved, current, listing.EditVersion, [], []);
        if (listing.Status == ListingStatus.Archived) return new(OfflineResult.Refused, current, listing.EditVersion, [], [], "Archived");
        var judged = OfflineEdit.Judge(seenVersion, seen, listing.EditVersion, current, wanted);
        if (judged.Outcome == OfflineOutcome.AlreadySaved) return new(OfflineResult.AlreadySaved, current, listing.EditVersion, [], []);
        if (judged.Outcome == OfflineOutcome.ChangedElsewhere) return new(OfflineResult.Conflict, current, listing.EditVersion, judged.Conflicts, [], Merged: judged.Merged);
        var receipt = db.OfflineEditReceipts.Add(OfflineEditReceipt.For(makerId, key, listingId, clock.GetUtcNow()));
        try
        {
            await editor.UpdateAsync(makerId, listingId, actor, judged.Merged, ct);
        }
        catch (ListingDraftException e) { receipt.State = EntityState.Detached; return new(OfflineResult.Refused, current, listing.EditVersion, [], e.Errors, Merged: judged.Merged); }
        catch (ListingRuleException e) { receipt.State = EntityState.Detached; return new(OfflineResult.Refused, current, listing.EditVersion, [], [], e.Code); }
        catch (DbUpdateConcurrencyException)
        {
            // Someone saved between our read and our write: judged again over what they saved.
            db.ChangeTracker.Clear();
            var fresh = await editor.RequireAsync(makerId, listingId, ct);
            var again = OfflineEdit.Judge(seenVersion, seen, -1, OfflineEdit.Shown(fresh), wanted);
            return new(OfflineResult.Conflict, OfflineEdit.Shown(fresh), fresh.EditVersion, again.Conflicts, [], Merged: again.Merged);
        }
        catch (DbUpdateException e) when (e.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            // The same edit arrived twice at once: the other send saved it.
            db.ChangeTracker.Clear();
            var fresh = await editor.RequireAsync(makerId, listingId, ct);
            return new(OfflineResult.AlreadySaved, OfflineEdit.Shown(fresh), fresh.EditVersion, [], []);
        }
        return new(OfflineResult.Saved, OfflineEdit.Shown(listing), listing.EditVersion, [], []);
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
