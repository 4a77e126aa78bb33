using Microsoft.EntityFrameworkCore;
using PasKreatif.Catalog;
using PasKreatif.Media;
using PasKreatif.Persistence;

namespace PasKreatif.Demo;

/// <summary>A listing as the order generator needs it.</summary>
sealed record DemoListing(int Id, int MakerIndex, string Title, Money Price, string CategorySlug, bool Perishable, int WeightGrams, DateTimeOffset PublishedAt);

sealed class DemoListings(MarketplaceDb db, PhotoPipeline photos, DemoBuild build)
{
    readonly BulkCopy<Listing> listingRows = new(db);
    readonly BulkCopy<ListingPhoto> photoRows = new(db);
    readonly BulkCopy<ListingAuditEntry> auditRows = new(db);
    readonly List<Listing> listings = [];
    readonly List<ListingPhoto> listingPhotos = [];
    readonly List<ListingAuditEntry> audit = [];

    /// <summary>Makes the listings and gives them ids; they are written by <see cref="WriteAsync"/> once their sales are known.</summary>
    public async Task AddAsync(CancellationToken ct)
    {
        var categories = await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Slug, ct);
        var pictures = await AddPicturesAsync(ct);
        var programmes = DemoCatalogue.Programmes.ToDictionary(p => p.Name);
        var pending = new List<(Listing Listing, int MakerIndex, string Category)>();

        for (var i = 0; i < build.Tier.Listings; i++)
        {
            var makerIndex = i % build.Makers.Count;
            var (maker, group, _) = build.Makers[makerIndex];
            var programme = build.Pick(group.Programmes);
            var category = categories[build.Pick(programmes[programme.Name].Categories)];
            var product = build.Pick(DemoCatalogue.Products[category.Slug]);
            var variant = build.Pick(DemoCatalogue.Variants);
            var title = variant.Length == 0 ? product.Name : $"{product.Name} {variant}";
            var madeToOrder = category.UsuallyMadeToOrder || (!category.OneOfAKind && !category.Perishable && build.Random.Next(10) < 3);
            var created = build.Anchor.AddDays(-build.Random.Next(30, 480)).AddMinutes(build.Random.Next(0, 1440));
            var listing = new Listing
            {
                MakerId = maker.Id, ProgrammeId = programme.Id, CategoryId = category.Id,
                Slug = $"{Slugs.From(title)}-{i + 1}", Title = title,
                Description = DemoText.Description(build, product.Name, programme.Name),
                Price = RoundPrice(product.MinPrice + (decimal)build.Random.NextDouble() * (product.MaxPrice - product.MinPrice)),
                MadeToOrder = madeToOrder,
                Stock = category.OneOfAKind ? 1 : madeToOrder ? 0 : build.Random.Next(0, 40),
                LeadTimeDays = madeToOrder ? LeadTime(category.Slug) : 0,
                WeightGrams = product.WeightGrams,
                Delivery = DeliveryFor(category),
                Status = StatusRoll(),
                CreatedAt = created, UpdatedAt = created,
            };
            if (listing.Status is not (ListingStatus.Draft))
                listing.SubmittedAt = created.AddHours(2);
            if (listing.Status is ListingStatus.Approved or ListingStatus.Paused or ListingStatus.Archived)
                listing.PublishedAt = created.AddDays(1);
            if (listing.Status == ListingStatus.Rejected)
                listing.RejectionReason = "Foto kurang jelas. Mohon unggah foto dengan cahaya yang lebih terang.";

            var pool = pictures.TryGetValue(product.Name, out var own) ? own : pictures[category.Slug];
            var photoCount = 1 + build.Random.Next(Math.Min(4, pool.Count));
            for (var p = 0; p < photoCount; p++)
                listing.Photos.Add(new ListingPhoto { PhotoId = pool[(i + p) % pool.Count], Position = p, AltText = title });

            pending.Add((listing, makerIndex, category.Slug));
            listings.Add(listing);
        }

        await listingRows.AssignIdsAsync(listings, ct);
        foreach (var listing in listings)
            foreach (var photo in listing.Photos)
            {
                photo.ListingId = listing.Id;
                listingPhotos.Add(photo);
            }
        await photoRows.AssignIdsAsync(listingPhotos, ct);

        foreach (var (listing, makerIndex, category) in pending)
        {
            var mentor = build.MentorOfGroup[build.Makers[makerIndex].Group.Id];
            if (listing.SubmittedAt is { } submitted)
                audit.Add(new ListingAuditEntry { ListingId = listing.Id, Action = AuditAction.Submitted, ActorId = build.Makers[makerIndex].Maker.PersonId, At = submitted });
            if (listing.PublishedAt is { } published)
                audit.Add(new ListingAuditEntry { ListingId = listing.Id, Action = AuditAction.Approved, ActorId = mentor, At = published });
            if (listing.Status == ListingStatus.Rejected)
                audit.Add(new ListingAuditEntry { ListingId = listing.Id, Action = AuditAction.Rejected, ActorId = mentor, At = listing.SubmittedAt!.Value.AddDays(1), Reason = listing.RejectionReason });
            if (listing.Status == ListingStatus.Approved)
                build.Listings.Add(new DemoListing(listing.Id, makerIndex, listing.Title, listing.Price, category,
                    categories[category].Perishable, listing.WeightGrams, listing.PublishedAt!.Value));
        }
        await auditRows.AssignIdsAsync(audit, ct);
    }

    /// <summary>
    /// Writes listings, photos and audit by binary COPY (EF's row-by-row inserts took most of the bench tier's minutes),
    /// with the units each listing sold already counted, so no UPDATE rewrites the listings afterwards.
    /// </summary>
    public async Task WriteAsync(IReadOnlyDictionary<int, int> unitsSold, CancellationToken ct)
    {
        foreach (var listing in listings)
            listing.UnitsSold = unitsSold.GetValueOrDefault(listing.Id);
        await listingRows.WriteAsync(listings, ct);
        await photoRows.WriteAsync(listingPhotos, ct);
        await auditRows.WriteAsync(audit, ct);
    }

    /// <summary>The photo pool: each picture goes through the real pipeline once, shared by many listings.</summary>
    async Task<Dictionary<string, List<int>>> AddPicturesAsync(CancellationToken ct)
    {
        var byKey = new Dictionary<string, List<int>>();
        using var pictures = DemoPictures.Open(build.Artwork);
        var slugs = DemoCatalogue.Products.Keys.ToArray();
        for (var j = 0; j < build.Tier.Pictures; j++)
        {
            var category = slugs[j % slugs.Length];
            var products = DemoCatalogue.Products[category];
            var product = products[j / slugs.Length % products.Length];
            var stored = await photos.StoreAsync(pictures.Draw(category, product.Name, j), ct);
            var photo = await db.Photos.FirstOrDefaultAsync(p => p.Hash == stored.Hash, ct);
            if (photo is null)
            {
                photo = new Photo { Hash = stored.Hash, Width = stored.Width, Height = stored.Height, OriginalKey = stored.OriginalKey, CreatedAt = build.Anchor.AddYears(-1) };
                db.Photos.Add(photo);
                await db.SaveChangesAsync(ct);
            }
            foreach (var key in new[] { category, product.Name })
            {
                if (!byKey.TryGetValue(key, out var ids)) byKey[key] = ids = [];
                if (!ids.Contains(photo.Id)) ids.Add(photo.Id);
            }
        }
        return byKey;
    }

    ListingStatus StatusRoll() => build.Random.Next(100) switch
    {
        < 88 => ListingStatus.Approved,
        < 92 => ListingStatus.Submitted,
        < 94 => ListingStatus.Draft,
        < 96 => ListingStatus.Rejected,
        < 98 => ListingStatus.Paused,
        _ => ListingStatus.Archived,
    };

    int LeadTime(string category) => category switch
    {
        StandardCategories.Cakes => build.Random.Next(1, 4),
        StandardCategories.Sewing => build.Random.Next(3, 8),
        StandardCategories.Hampers => build.Random.Next(2, 6),
        StandardCategories.Welding => build.Random.Next(7, 15),
        _ => build.Random.Next(2, 6),
    };

    DeliveryOptions DeliveryFor(Category category)
    {
        if (category.Perishable) return DeliveryOptions.Pickup | DeliveryOptions.LocalDelivery;
        var options = DeliveryOptions.Pickup | DeliveryOptions.Shipping;
        if (build.Random.Next(3) > 0) options |= DeliveryOptions.LocalDelivery;
        return options;
    }

    static Money RoundPrice(decimal price) =>
        Money.Of(price >= 100_000 ? Math.Round(price / 5_000) * 5_000 : Math.Round(price / 500) * 500);
}
