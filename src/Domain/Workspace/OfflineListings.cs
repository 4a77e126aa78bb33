using Microsoft.EntityFrameworkCore;
using PasKreatif.Catalog;
using PasKreatif.Media;
using PasKreatif.Persistence;

namespace PasKreatif.Workspace;

/// <summary>What the phone learns about a listing or photo it drafted offline: the outcome, the listing, and why not.</summary>
public sealed record OfflineDraftAnswer(OfflineResult Result, int? ListingId, IReadOnlyList<InputError> Errors, string? Problem = null);

/// <summary>
/// New listings and photos a maker made without signal, sent later by the phone's outbox, each under the phone's
/// key (see <see cref="OfflineListing"/>): the listing is made once, by the database's unique key per maker; each
/// photo is uploaded once, under an id made from its key.
/// </summary>
public sealed class OfflineListings(MarketplaceDb db, ListingEditor editor, PhotoUploads uploads)
{
    public async Task<OfflineDraftAnswer> CreateAsync(int makerId, Guid actor, Guid key, ListingDraft draft, CancellationToken ct = default)
    {
        if (await FindAsync(makerId, key, ct) is { } made) return new(OfflineResult.AlreadySaved, made, []);
        try
        {
            var listing = await editor.CreateAsync(makerId, actor, draft, key, ct);
            return new(OfflineResult.Saved, listing.Id, []);
        }
        catch (ListingDraftException e) { return new(OfflineResult.Refused, null, e.Errors); }
        catch (DbUpdateException e) when (e.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            // The same draft arrived twice at once: the other send made it.
            db.ChangeTracker.Clear();
            return new(OfflineResult.AlreadySaved, await FindAsync(makerId, key, ct) ?? throw new InvalidOperationException("The listing of a duplicate key vanished."), []);
        }
    }

    /// <summary>
    /// One photo for a listing, named by the listing's id or, for one drafted offline too, by that draft's key.
    /// The header is checked now, as for every upload; the job does the rest.
    /// </summary>
    public async Task<OfflineDraftAnswer> AddPhotoAsync(int makerId, Guid key, int? listingId, Guid? listingKey, byte[] content, CancellationToken ct = default)
    {
        var id = listingId ?? (OfflineListing.IsKey(listingKey) ? await FindAsync(makerId, listingKey!.Value, ct) : null);
        if (id is null) throw new ListingNotFoundException();
        var uploadId = OfflineListing.UploadId(makerId, key);
        if (await db.PhotoUploads.AnyAsync(u => u.Id == uploadId, ct)) return new(OfflineResult.AlreadySaved, id, []);
        try
        {
            await uploads.StartAsync(makerId, id.Value, content, uploadId, ct);
        }
        catch (PhotoRefusedException e) { return new(OfflineResult.Refused, id, [], "Photo." + e.Problem); }
        catch (ListingRuleException e) { return new(OfflineResult.Refused, id, [], "Rule." + e.Code); }
        catch (DbUpdateException e) when (e.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            db.ChangeTracker.Clear();
            return new(OfflineResult.AlreadySaved, id, []);
        }
        return new(OfflineResult.Saved, id, []);
    }

    Task<int?> FindAsync(int makerId, Guid key, CancellationToken ct) =>
        db.Listings.Where(l => l.MakerId == makerId && l.OfflineKey == key).Select(l => (int?)l.Id).SingleOrDefaultAsync(ct);
}
