using Microsoft.EntityFrameworkCore;
using PasKreatif.Persistence;

namespace PasKreatif.Catalog;

/// <summary>
/// The photos of a maker's listing, in the order the maker chose. Before approval the gallery
/// changes in place; afterwards it changes in the open revision, starting as a copy of the public one.
/// </summary>
public sealed class ListingGallery(MarketplaceDb db, ListingEditor editor, TimeProvider clock, ICatalogChanges catalog)
{
    /// <summary>The photos the maker is working on: the listing's own, or the open revision's.</summary>
    // A revision without photos of its own keeps the public ones (approval leaves them), so those are shown.
    public static List<ListingPhoto> Working(Listing listing) =>
        (!listing.EditsInPlace() && ListingEditor.OpenRevision(listing) is { Photos.Count: > 0 } open ? open.Photos
            : listing.Photos.Where(p => p.RevisionId is null))
        .OrderBy(p => p.Position).ThenBy(p => p.Id).ToList();

    /// <summary>Throws when the listing cannot take one more photo now (archived, in review, or full).</summary>
    public async Task EnsureRoomAsync(int makerId, int listingId, CancellationToken ct = default)
    {
        var listing = await editor.RequireAsync(makerId, listingId, ct);
        Editable(listing);
        if (Working(listing).Count >= ListingDrafts.MaxPhotos) throw new ListingRuleException("TooManyPhotos");
    }

    public async Task AddAsync(int makerId, int listingId, int photoId, CancellationToken ct = default)
    {
        var listing = await editor.RequireAsync(makerId, listingId, ct);
        var gallery = await WorkingForChangeAsync(listing, ct);
        if (gallery.Any(p => p.PhotoId == photoId)) return; // the same picture sent twice shows once
        if (gallery.Count >= ListingDrafts.MaxPhotos) throw new ListingRuleException("TooManyPhotos");
        var photo = new ListingPhoto { ListingId = listing.Id, PhotoId = photoId, Position = gallery.Count == 0 ? 0 : gallery.Max(p => p.Position) + 1 };
        if (listing.EditsInPlace()) listing.Photos.Add(photo);
        else ListingEditor.OpenRevision(listing)!.Photos.Add(photo);
        listing.UpdatedAt = clock.GetUtcNow();
        await catalog.RaiseAsync(db, CatalogChange.OfListing(listing), ct);
        await db.SaveChangesAsync(ct);
    }

    public async Task RemoveAsync(int makerId, int listingId, int photoId, CancellationToken ct = default)
    {
        var listing = await editor.RequireAsync(makerId, listingId, ct);
        var gallery = await WorkingForChangeAsync(listing, ct);
        var photo = gallery.FirstOrDefault(p => p.PhotoId == photoId) ?? throw new ListingNotFoundException();
        // A revision left without photos would mean "keep the public ones": a listing on sale keeps at least one.
        if (!listing.EditsInPlace() && gallery.Count == 1) throw new ListingRuleException("LastLivePhoto");
        db.ListingPhotos.Remove(photo);
        listing.UpdatedAt = clock.GetUtcNow();
        await catalog.RaiseAsync(db, CatalogChange.OfListing(listing), ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Moves a photo one place earlier (-1) or later (+1); the first photo is the card's.</summary>
    public async Task MoveAsync(int makerId, int listingId, int photoId, int step, CancellationToken ct = default)
    {
        var listing = await editor.RequireAsync(makerId, listingId, ct);
        var gallery = await WorkingForChangeAsync(listing, ct);
        var index = gallery.FindIndex(p => p.PhotoId == photoId);
        if (index < 0) throw new ListingNotFoundException();
        var other = index + Math.Sign(step);
        if (other < 0 || other >= gallery.Count) return;
        (gallery[index], gallery[other]) = (gallery[other], gallery[index]);
        for (var i = 0; i < gallery.Count; i++) gallery[i].Position = i;
        listing.UpdatedAt = clock.GetUtcNow();
        await catalog.RaiseAsync(db, CatalogChange.OfListing(listing), ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Makes a photo the cover (the first, shown on the card); the others keep their order behind it.</summary>
    public async Task CoverAsync(int makerId, int listingId, int photoId, CancellationToken ct = default)
    {
        var listing = await editor.RequireAsync(makerId, listingId, ct);
        var gallery = await WorkingForChangeAsync(listing, ct);
        var photo = gallery.FirstOrDefault(p => p.PhotoId == photoId) ?? throw new ListingNotFoundException();
        if (gallery[0] == photo) return;
        gallery.Remove(photo);
        gallery.Insert(0, photo);
        for (var i = 0; i < gallery.Count; i++) gallery[i].Position = i;
        listing.UpdatedAt = clock.GetUtcNow();
        await catalog.RaiseAsync(db, CatalogChange.OfListing(listing), ct);
        await db.SaveChangesAsync(ct);
    }

    static void Editable(Listing listing)
    {
        if (listing.Status == ListingStatus.Archived) throw new ListingRuleException("Archived");
        if (!listing.EditsInPlace() && ListingEditor.OpenRevision(listing)?.Status == RevisionStatus.Submitted)
            throw new ListingRuleException("RevisionPending");
    }

    /// <summary>The gallery to change; for a listing on sale, a revision is opened with a copy of the public photos.</summary>
    async Task<List<ListingPhoto>> WorkingForChangeAsync(Listing listing, CancellationToken ct)
    {
        Editable(listing);
        if (listing.EditsInPlace() || ListingEditor.OpenRevision(listing) is { Photos.Count: > 0 }) return Working(listing);
        var revision = ListingEditor.OpenRevision(listing) ?? listing.Revise(listing.Title, listing.Description, listing.CategoryId, clock.GetUtcNow());
        if (revision.Id == 0)
        {
            await catalog.RaiseAsync(db, CatalogChange.OfListing(listing), ct);
            await db.SaveChangesAsync(ct);
        }
        foreach (var p in listing.Photos.Where(p => p.RevisionId is null).OrderBy(p => p.Position))
            revision.Photos.Add(new ListingPhoto { ListingId = listing.Id, PhotoId = p.PhotoId, Position = p.Position, AltText = p.AltText });
        return revision.Photos.OrderBy(p => p.Position).ToList();
    }
}
