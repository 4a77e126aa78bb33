using Microsoft.EntityFrameworkCore;
using PasKreatif.Persistence;

namespace PasKreatif.Catalog;

/// <summary>What a product card shows: only public fields, never a maker's private data.</summary>
public sealed record ListingCard(
    int Id, string Slug, string Title, Money Price, bool InStock, bool MadeToOrder,
    string MakerName, string MakerSlug, string ProgrammeName, string? PhotoHash, int PhotoWidth, int PhotoHeight);

public sealed record CategoryLink(string Slug, string NameId, string NameEn)
{
    public string Name(string culture) => culture.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? NameEn : NameId;
}

public sealed record ProgrammeLink(string Slug, string Name, string GroupName, string RegencyName);

/// <summary>The public shop's read side.</summary>
public sealed class ShopQueries(MarketplaceDb db)
{
    public Task<List<ListingCard>> NewestAsync(int count, CancellationToken ct = default) =>
        Cards(db.Listings.Where(l => l.Status == ListingStatus.Approved)
                .OrderByDescending(l => l.PublishedAt).ThenByDescending(l => l.Id).Take(count))
            .ToListAsync(ct);

    public Task<List<CategoryLink>> CategoriesAsync(CancellationToken ct = default) =>
        db.Categories.OrderBy(c => c.Position).Select(c => new CategoryLink(c.Slug, c.NameId, c.NameEn)).ToListAsync(ct);

    public Task<List<ProgrammeLink>> ProgrammesAsync(CancellationToken ct = default) =>
        db.Programmes.OrderBy(p => p.Name).ThenBy(p => p.Id)
            .Select(p => new ProgrammeLink(p.Slug, p.Name, p.Group!.Name, p.Group.Regency!.Name))
            .ToListAsync(ct);

    static IQueryable<ListingCard> Cards(IQueryable<Listing> listings) =>
        listings.Select(l => new ListingCard(
            l.Id, l.Slug, l.Title, l.Price, l.MadeToOrder || l.Stock > 0, l.MadeToOrder,
            l.Maker!.DisplayName, l.Maker.Slug, l.Programme!.Name,
            l.Photos.Where(p => p.RevisionId == null).OrderBy(p => p.Position).Select(p => p.Photo!.Hash).FirstOrDefault(),
            l.Photos.Where(p => p.RevisionId == null).OrderBy(p => p.Position).Select(p => p.Photo!.Width).FirstOrDefault(),
            l.Photos.Where(p => p.RevisionId == null).OrderBy(p => p.Position).Select(p => p.Photo!.Height).FirstOrDefault()));
}
