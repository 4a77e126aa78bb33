using Microsoft.EntityFrameworkCore;
using PasKreatif.Catalog;
using PasKreatif.Persistence;
using PasKreatif.Questions;

namespace PasKreatif.Shopfront;

/// <summary>
/// A product page as the public sees it: the listing, what it shows of trust (its rating and public answers) and the
/// cards beside it. It joins the catalogue and the questions, so it sits above both.
/// </summary>
public sealed class ProductPages(MarketplaceDb db, CatalogPages catalog)
{
    /// <summary>The product on sale under this slug, or null.</summary>
    public async Task<ProductPage?> ProductAsync(string slug, CancellationToken ct = default) =>
        await ProductBySlug(db, slug, ct) is { } product ? await catalog.WithStripsAsync(product, ct) : null;

    // Built and translated once: building this LINQ tree on every first visit cost more shop CPU than its SQL costs the database.
    static readonly Func<MarketplaceDb, string, CancellationToken, Task<ProductDetail?>> ProductBySlug = EF.CompileAsyncQuery(
        (MarketplaceDb db, string slug, CancellationToken ct) => db.Set<Listing>().AsNoTracking()
            .Where(Listing.OnSale).Where(l => l.Slug == slug)
            .Select(l => new ProductDetail(
                l.Id, l.Slug, l.Title, l.Description, l.Price, l.Stock, l.MadeToOrder, l.LeadTimeDays, l.Delivery,
                l.PublishedAt ?? l.CreatedAt, new CategoryLink(l.Category!.Slug, l.Category.NameId, l.Category.NameEn),
                l.Maker!.DisplayName, l.Maker.Slug, l.Programme!.Name, l.Programme.Slug, l.Programme.Story, l.Programme.StoryEn,
                l.Programme.Group!.Name, l.Maker.Regency!.Name,
                l.Photos.Where(p => p.RevisionId == null).OrderBy(p => p.Position)
                    .Select(p => new ProductPhoto(p.Photo!.Hash, p.Photo.Width, p.Photo.Height, p.AltText)).ToList(),
                // What the page shows of trust, in the same statement: its own round trip cost a seventh of the page's CPU.
                l.ReviewCount, l.ReviewStarTotal,
                db.Set<Question>().Where(q => q.ListingId == l.Id && q.AnswerIsPublic && q.Answer != null)
                    .OrderByDescending(q => q.AnsweredAt).ThenByDescending(q => q.Id).Take(ProductDetail.AnswersShown)
                    .Select(q => new AnsweredQuestion(q.Id, q.Text, q.Answer!, q.AnsweredAt!.Value)).ToList()))
            // One statement, photos joined: a split query's second round trip cost more than the repeated listing columns.
            .AsSingleQuery()
            .SingleOrDefault());
}
