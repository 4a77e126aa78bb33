using Microsoft.EntityFrameworkCore;
using PasKreatif.Makers;
using PasKreatif.Organisation;
using PasKreatif.Persistence;

namespace PasKreatif.Catalog;

public sealed record ProductPhoto(string Hash, int Width, int Height, string? AltText);

/// <summary>A buyer's question with the maker's answer, made public by the maker; shown unmasked nowhere.</summary>
public sealed record AnsweredQuestion(int Id, string Question, string Answer, DateTimeOffset AnsweredAt);

/// <summary>Everything a product page shows; the maker appears only by public fields.</summary>
public sealed record ProductDetail(
    int Id, string Slug, string Title, string Description, Money Price, int Stock, bool MadeToOrder, int LeadTimeDays,
    DeliveryOptions Delivery, DateTimeOffset PublishedAt, CategoryLink Category,
    string MakerName, string MakerSlug, string ProgrammeName, string ProgrammeSlug, string ProgrammeStory, string? ProgrammeStoryEn,
    string GroupName, string RegencyName, IReadOnlyList<ProductPhoto> Photos,
    int ReviewCount, int ReviewStarTotal, IReadOnlyList<AnsweredQuestion> Answers)
{
    /// <summary>The newest public answers a product page shows.</summary>
    public const int AnswersShown = 20;

    public bool InStock => MadeToOrder || Stock > 0;
    public string Story(string culture) => culture.StartsWith("en", StringComparison.OrdinalIgnoreCase) && !string.IsNullOrEmpty(ProgrammeStoryEn) ? ProgrammeStoryEn : ProgrammeStory;
}

public sealed record ProductPage(ProductDetail Product, IReadOnlyList<ListingCard> FromMaker, IReadOnlyList<ListingCard> FromProgramme);

public sealed record ProgrammeProfile(string Slug, string Name, string Story, string? StoryEn, string GroupName, string RegencyName, int Makers, int UnitsSold, string? HeroPhotoHash)
{
    public string StoryIn(string culture) => culture.StartsWith("en", StringComparison.OrdinalIgnoreCase) && !string.IsNullOrEmpty(StoryEn) ? StoryEn : Story;
}

/// <summary>A maker as the public sees them: display name, group, regency, programmes, an approved story only.</summary>
public sealed record MakerProfile(string Slug, string DisplayName, string GroupName, string RegencyName, string? ApprovedStory, IReadOnlyList<ProgrammeLink> Programmes);

public sealed record HomePage(IReadOnlyList<ListingCard> Newest, IReadOnlyList<ListingCard> Featured, IReadOnlyList<CategoryLink> Categories, IReadOnlyList<ProgrammeLink> Programmes);

public sealed record SitemapEntry(string Path, DateTimeOffset? LastModified);

/// <summary>The public pages of the catalogue, each read in a few fixed queries.</summary>
public sealed class CatalogPages(MarketplaceDb db, CatalogQueries catalog, ShopQueries shop, CatalogMemory memory)
{
    /// <summary>At 300 programmes the full list made the home page 77 KB; the busiest dozen stay.</summary>
    public const int HomeProgrammes = 12;

    public async Task<HomePage> HomeAsync(CancellationToken ct = default)
    {
        var newest = await CatalogQueries.CardsAsync(catalog.Listings.OrderByDescending(l => l.PublishedAt).ThenByDescending(l => l.Id), 12, ct);
        // Featured: what buyers bought most, so the home page shows proven goods.
        var featured = await CatalogQueries.CardsAsync(catalog.Listings.OrderByDescending(l => l.UnitsSold).ThenByDescending(l => l.Id), 8, ct);
        return new HomePage(newest, featured, await shop.CategoriesAsync(ct), await shop.ProgrammesAsync(HomeProgrammes, ct));
    }

    public Task<CategoryLink?> CategoryAsync(string slug, CancellationToken ct = default) => shop.CategoryAsync(slug, ct);

    /// <summary>The title of the product on sale under this slug, or null: what a form about it (a question) names it by.</summary>
    public Task<string?> ProductTitleAsync(string slug, CancellationToken ct = default) =>
        catalog.Listings.Where(l => l.Slug == slug).Select(l => l.Title).SingleOrDefaultAsync(ct);

    /// <summary>A product with the cards its page shows beside it.</summary>
    public async Task<ProductPage> WithStripsAsync(ProductDetail product, CancellationToken ct = default)
    {
        // Every product of a maker in a programme shows the same strips: read once for all of them.
        var strips = await memory.Strips.GetAsync((product.MakerSlug, product.ProgrammeSlug), async () =>
        {
            IReadOnlyList<ListingCard> cards = await StripsAsync(product.MakerSlug, product.ProgrammeSlug, ct);
            return (cards, cards.Select(c => c.Id).ToArray());
        });
        var fromMaker = strips.Where(c => c.MakerSlug == product.MakerSlug && c.Id != product.Id).Take(StripCount).ToList();
        var fromProgramme = strips.Where(c => c.MakerSlug != product.MakerSlug).ToList();
        return new ProductPage(product, fromMaker, fromProgramme);
    }

    /// <summary>Cards a product page shows beside it: from its maker, and from its programme's other makers.</summary>
    public const int StripCount = 4;

    /// <summary>
    /// The maker's best sellers (one more than shown, since the page leaves its own product out) and the programme's
    /// other makers' best sellers, in one statement: UNION ALL of two short walks of a (scope, units sold) index,
    /// the slugs turned into ids by scalar subqueries.
    /// </summary>
    async Task<List<ListingCard>> StripsAsync(string makerSlug, string programmeSlug, CancellationToken ct)
    {
        var makerId = db.Makers.Where(m => m.Slug == makerSlug).Select(m => m.Id);
        var programmeId = db.Programmes.Where(p => p.Slug == programmeSlug).Select(p => p.Id);
        return await CatalogQueries.CardsAsync(
            catalog.Listings.Where(l => l.MakerId == makerId.FirstOrDefault())
                .OrderByDescending(l => l.UnitsSold).ThenByDescending(l => l.Id).TakeFixed(StripCount + 1)
                .Concat(catalog.Listings.Where(l => l.ProgrammeId == programmeId.FirstOrDefault() && l.MakerId != makerId.FirstOrDefault())
                    .OrderByDescending(l => l.UnitsSold).ThenByDescending(l => l.Id).TakeFixed(StripCount))
                .OrderByDescending(l => l.UnitsSold).ThenByDescending(l => l.Id), 2 * StripCount + 1, ct);
    }

    public Task<ProgrammeProfile?> ProgrammeAsync(string slug, CancellationToken ct = default) =>
        db.Programmes.AsNoTracking().Where(p => p.Slug == slug)
            .Select(p => new ProgrammeProfile(p.Slug, p.Name, p.Story, p.StoryEn, p.Group!.Name, p.Group.Regency!.Name,
                db.Set<MakerProgramme>().Count(m => m.ProgrammeId == p.Id),
                db.Set<Listing>().Where(l => l.ProgrammeId == p.Id).Sum(l => l.UnitsSold),
                // The hero is the first photo of the programme's best-selling work on sale: goods, never faces.
                db.Set<ListingPhoto>().Where(ph => ph.RevisionId == null && ph.Position == 0 && db.Set<Listing>().Where(Listing.OnSale).Any(l => l.Id == ph.ListingId && l.ProgrammeId == p.Id))
                    .OrderByDescending(ph => db.Set<Listing>().Where(l => l.Id == ph.ListingId).Select(l => l.UnitsSold).First()).ThenBy(ph => ph.ListingId)
                    .Select(ph => ph.Photo!.Hash).FirstOrDefault()))
            .SingleOrDefaultAsync(ct);

    public Task<MakerProfile?> MakerAsync(string slug, CancellationToken ct = default) =>
        db.Makers.AsNoTracking().Where(m => m.Slug == slug)
            .Select(m => new MakerProfile(m.Slug, m.DisplayName, m.HomeGroup!.Name, m.Regency!.Name,
                m.Story.Status == StoryStatus.Approved ? m.Story.Published : null,
                m.Programmes.OrderBy(p => p.Programme!.Name)
                    .Select(p => new ProgrammeLink(p.Programme!.Slug, p.Programme.Name, p.Programme.Group!.Name, p.Programme.Group.Regency!.Name)).ToList()))
            .AsSplitQuery()
            .SingleOrDefaultAsync(ct);

    /// <summary>Every public catalogue address, for /sitemap.xml.</summary>
    public async Task<IReadOnlyList<SitemapEntry>> SitemapAsync(CancellationToken ct = default)
    {
        var entries = new List<SitemapEntry> { new("/", null) };
        entries.AddRange((await db.Categories.AsNoTracking().OrderBy(c => c.Position).Select(c => c.Slug).ToListAsync(ct)).Select(s => new SitemapEntry("/kategori/" + s, null)));
        entries.AddRange((await db.Programmes.AsNoTracking().OrderBy(p => p.Id).Select(p => p.Slug).ToListAsync(ct)).Select(s => new SitemapEntry("/program/" + s, null)));
        entries.AddRange((await db.Makers.AsNoTracking().Where(m => db.Set<Listing>().Where(Listing.OnSale).Any(l => l.MakerId == m.Id))
            .OrderBy(m => m.Id).Select(m => m.Slug).ToListAsync(ct)).Select(s => new SitemapEntry("/pembuat/" + s, null)));
        entries.AddRange((await catalog.Listings.OrderBy(l => l.Id).Select(l => new { l.Slug, l.UpdatedAt }).ToListAsync(ct))
            .Select(l => new SitemapEntry(ShopPaths.Product(l.Slug), l.UpdatedAt)));
        return entries;
    }
}
