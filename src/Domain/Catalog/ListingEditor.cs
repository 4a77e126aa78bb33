using Microsoft.EntityFrameworkCore;
using PasKreatif.Makers;
using PasKreatif.Persistence;

namespace PasKreatif.Catalog;

/// <summary>
/// A maker's own listings: create, edit, submit, pause, resume, archive, stock and gallery. Every
/// read is narrowed to the signed-in maker (another maker's id finds nothing), and every state
/// change goes through <see cref="ListingLifecycle"/>, whose audit entry is stored with it.
/// </summary>
public sealed class ListingEditor(MarketplaceDb db, TimeProvider clock, ICatalogChanges catalog)
{
    /// <summary>The listing with its gallery and revisions, or null when it is not this maker's.</summary>
    public Task<Listing?> OwnAsync(int makerId, int listingId, CancellationToken ct = default) =>
        db.Listings.Where(l => l.Id == listingId && l.MakerId == makerId)
            .Include(l => l.Photos).ThenInclude(p => p.Photo)
            .Include(l => l.Revisions).ThenInclude(r => r.Photos).ThenInclude(p => p.Photo)
            .Include(l => l.Category).Include(l => l.Programme)
            .AsSplitQuery().SingleOrDefaultAsync(ct);

    /// <summary>The categories in their order, named in the maker's language.</summary>
    public async Task<IReadOnlyList<(int Id, string Name)>> CategoriesAsync(bool english, CancellationToken ct = default) =>
        (await db.Categories.OrderBy(c => c.Id).Select(c => new { c.Id, c.NameId, c.NameEn }).ToListAsync(ct))
            .Select(c => (c.Id, english ? c.NameEn : c.NameId)).ToList();

    public async Task<IReadOnlyList<(int Id, string Name)>> ProgrammesAsync(int makerId, CancellationToken ct = default) =>
        (await db.MakerProgrammes.Where(mp => mp.MakerId == makerId).Select(mp => new { mp.ProgrammeId, mp.Programme!.Name }).ToListAsync(ct))
            .Select(p => (p.ProgrammeId, p.Name)).ToList();

    public Task<Listing> CreateAsync(int makerId, Guid actor, ListingDraft draft, CancellationToken ct = default) => CreateAsync(makerId, actor, draft, null, ct);

    /// <summary>A new draft; one drafted offline keeps the phone's key, unique per maker, so a resend cannot make a second.</summary>
    public async Task<Listing> CreateAsync(int makerId, Guid actor, ListingDraft draft, Guid? offlineKey, CancellationToken ct = default)
    {
        await CheckAsync(makerId, draft, ct);
        var now = clock.GetUtcNow();
        var listing = new Listing
        {
            MakerId = makerId, Slug = Guid.NewGuid().ToString("N"), Status = ListingStatus.Draft, CreatedAt = now, UpdatedAt = now, OfflineKey = offlineKey,
        };
        Apply(listing, draft);
        listing.Title = PlainText.Clean(draft.Title);
        listing.Description = PlainText.Clean(draft.Description);
        listing.CategoryId = draft.CategoryId;
        listing.Stock = draft.MadeToOrder ? 0 : draft.Stock;
        db.Listings.Add(listing);
        await catalog.RaiseAsync(db, CatalogChange.NewDraft, ct);
        await db.SaveChangesAsync(ct);
        listing.Slug = $"{Slugs.From(listing.Title)}-{listing.Id}";
        db.ListingAudit.Add(new ListingAuditEntry { ListingId = listing.Id, Action = AuditAction.Created, ActorId = actor, At = now });
        await catalog.RaiseAsync(db, CatalogChange.OfListing(listing), ct);
        await db.SaveChangesAsync(ct);
        return listing;
    }

    /// <summary>
    /// Price, weight, delivery and stock change at once; words change in place before approval and
    /// by a revision afterwards, so the approved version stays on sale until the mentor decides.
    /// </summary>
    public async Task UpdateAsync(int makerId, int listingId, Guid actor, ListingDraft draft, CancellationToken ct = default)
    {
        var listing = await RequireAsync(makerId, listingId, ct);
        if (listing.Status == ListingStatus.Archived) throw new ListingRuleException("Archived");
        await CheckAsync(makerId, draft, ct);
        if (listing.ProgrammeId != draft.ProgrammeId && !listing.EditsInPlace()) throw new ListingRuleException("ProgrammeFixed");
        var now = clock.GetUtcNow();
        var title = PlainText.Clean(draft.Title);
        var description = PlainText.Clean(draft.Description);
        Apply(listing, draft);
        var stock = draft.MadeToOrder ? 0 : draft.Stock;
        if (stock != listing.Stock) db.ListingAudit.Add(listing.SetStock(stock, actor, now));
        if (listing.EditsInPlace())
        {
            listing.Title = title;
            listing.Description = description;
            listing.CategoryId = draft.CategoryId;
        }
        else
        {
            var open = OpenRevision(listing);
            var wordsChanged = title != (open?.Title ?? listing.Title) || description != (open?.Description ?? listing.Description)
                || draft.CategoryId != (open?.CategoryId ?? listing.CategoryId);
            if (wordsChanged)
            {
                if (open is null) listing.Revise(title, description, draft.CategoryId, now);
                else if (open.Status == RevisionStatus.Submitted) throw new ListingRuleException("RevisionPending");
                else (open.Title, open.Description, open.CategoryId) = (title, description, draft.CategoryId);
            }
        }
        listing.UpdatedAt = now;
        await catalog.RaiseAsync(db, CatalogChange.OfListing(listing), ct);
        await db.SaveChangesAsync(ct);
    }

    public async Task SetStockAsync(int makerId, int listingId, Guid actor, int stock, CancellationToken ct = default)
    {
        var listing = await RequireAsync(makerId, listingId, ct);
        if (listing.MadeToOrder) throw new ListingRuleException("MadeToOrderHasNoStock");
        db.ListingAudit.Add(listing.SetStock(stock, actor, clock.GetUtcNow()));
        await catalog.RaiseAsync(db, CatalogChange.OfListing(listing), ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Sends the listing, or its open revision, to the group's mentors.</summary>
    public async Task SubmitAsync(int makerId, int listingId, Guid actor, CancellationToken ct = default)
    {
        var listing = await RequireAsync(makerId, listingId, ct);
        var now = clock.GetUtcNow();
        if (listing.EditsInPlace())
        {
            if (!listing.Photos.Any(p => p.RevisionId is null)) throw new ListingRuleException("NeedsPhoto");
            db.ListingAudit.Add(listing.Submit(actor, now));
        }
        else
        {
            var open = OpenRevision(listing);
            if (open is null || open.Status == RevisionStatus.Submitted) throw new ListingRuleException("NothingToSubmit");
            db.ListingAudit.Add(listing.SubmitRevision(open, actor, now));
        }
        await catalog.RaiseAsync(db, CatalogChange.OfListing(listing), ct);
        await db.SaveChangesAsync(ct);
    }

    public Task PauseAsync(int makerId, int listingId, Guid actor, CancellationToken ct = default) =>
        StepAsync(makerId, listingId, (l, now) => l.Pause(actor, now), ct);

    public Task ResumeAsync(int makerId, int listingId, Guid actor, CancellationToken ct = default) =>
        StepAsync(makerId, listingId, (l, now) => l.Resume(actor, now), ct);

    public Task ArchiveAsync(int makerId, int listingId, Guid actor, CancellationToken ct = default) =>
        StepAsync(makerId, listingId, (l, now) => l.Archive(actor, now), ct);

    /// <summary>The revision words and photos wait in: the latest one, unless it was approved already.</summary>
    public static ListingRevision? OpenRevision(Listing listing) =>
        listing.Revisions.OrderByDescending(r => r.Id).FirstOrDefault() is { Status: not RevisionStatus.Approved } latest ? latest : null;

    internal async Task<Listing> RequireAsync(int makerId, int listingId, CancellationToken ct) =>
        await OwnAsync(makerId, listingId, ct) ?? throw new ListingNotFoundException();

    async Task StepAsync(int makerId, int listingId, Func<Listing, DateTimeOffset, ListingAuditEntry> step, CancellationToken ct)
    {
        var listing = await RequireAsync(makerId, listingId, ct);
        db.ListingAudit.Add(step(listing, clock.GetUtcNow()));
        await catalog.RaiseAsync(db, CatalogChange.OfListing(listing), ct);
        await db.SaveChangesAsync(ct);
    }

    async Task CheckAsync(int makerId, ListingDraft draft, CancellationToken ct)
    {
        var errors = ListingDrafts.Check(draft).ToList();
        if (!await db.Categories.AnyAsync(c => c.Id == draft.CategoryId, ct)) errors.Add(new(nameof(draft.CategoryId), "CategoryRequired"));
        if (!await db.MakerProgrammes.AnyAsync(mp => mp.MakerId == makerId && mp.ProgrammeId == draft.ProgrammeId, ct))
            errors.Add(new(nameof(draft.ProgrammeId), "ProgrammeRequired"));
        if (errors.Count > 0) throw new ListingDraftException(errors);
    }

    static void Apply(Listing listing, ListingDraft d)
    {
        listing.ProgrammeId = d.ProgrammeId;
        listing.Price = Money.Of(d.Price);
        listing.MadeToOrder = d.MadeToOrder;
        listing.LeadTimeDays = d.LeadTimeDays;
        listing.WeightGrams = d.WeightGrams;
        listing.Delivery = d.Delivery;
    }
}

/// <summary>No such listing for this maker: shown as 404, so another maker's listing is not revealed.</summary>
public sealed class ListingNotFoundException() : Exception("Listing not found for this maker.");
