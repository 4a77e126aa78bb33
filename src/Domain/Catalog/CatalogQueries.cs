using Microsoft.EntityFrameworkCore;
using PasKreatif.Persistence;

namespace PasKreatif.Catalog;

/// <summary>
/// The public catalogue's read side: projections of approved listings and public fields only.
/// Each method runs a fixed number of SQL commands, whatever the number of cards.
/// </summary>
public sealed class CatalogQueries(MarketplaceDb db, CatalogFacetCache facetCache)
{
    public const int PageSize = 24;

    sealed record CardRow(ListingCard Card, ListingCardKey Key);

    /// <summary>
    /// Cards with their cover photo read by one lateral join, not by a correlated subquery per column.
    /// </summary>
    static IQueryable<CardRow> Rows(IQueryable<Listing> q) => q
        .SelectMany(
            l => l.Photos.Where(p => p.RevisionId == null).OrderBy(p => p.Position).Select(p => p.Photo).Take(1).DefaultIfEmpty(),
            (l, cover) => new CardRow(
                new ListingCard(
                    l.Id, l.Slug, l.Title, l.Price, l.MadeToOrder || l.Stock > 0, l.MadeToOrder,
                    l.Maker!.DisplayName, l.Maker.Slug, l.Programme!.Name,
                    cover != null ? cover.Hash : null, cover != null ? cover.Width : 0, cover != null ? cover.Height : 0),
                new ListingCardKey(l.Id, l.Price.Amount, l.UnitsSold, l.PublishedAt ?? l.CreatedAt)));

    IQueryable<Listing> OnSale => db.Listings.AsNoTracking().Where(l => l.Status == ListingStatus.Approved);

    /// <summary>One page of a filtered, sorted list, found by keyset (seek), never by offset.</summary>
    public async Task<CatalogPage> BrowseAsync(CatalogFilter filter, int pageSize = PageSize, CancellationToken ct = default)
    {
        var query = Seek(Sorted(Filtered(filter), filter.Sort), filter.Sort, CatalogCursor.Parse(filter.After));
        var rows = await Rows(query.Take(pageSize + 1)).ToListAsync(ct);
        var next = rows.Count > pageSize
            ? new CatalogCursor(CatalogCursor.KeyOf(filter.Sort, rows[pageSize - 1].Key), rows[pageSize - 1].Key.Id).ToString()
            : null;
        return new CatalogPage(rows.Take(pageSize).Select(r => r.Card).ToList(), next);
    }

    /// <summary>The regencies, groups and programmes that have goods on sale within the given scope, most-stocked first.</summary>
    public Task<CatalogFacets> FacetsAsync(CatalogFilter scope, CancellationToken ct = default) =>
        facetCache.GetAsync(scope, () => ReadFacetsAsync(scope, ct));

    async Task<CatalogFacets> ReadFacetsAsync(CatalogFilter scope, CancellationToken ct)
    {
        var within = Filtered(new CatalogFilter { Category = scope.Category, Programme = scope.Programme, Maker = scope.Maker });
        var regencies = await CountAsync(within.Select(l => new FacetKey { Slug = l.Maker!.Regency!.Slug, Name = l.Maker.Regency.Name }), ct);
        var groups = await CountAsync(within.Select(l => new FacetKey { Slug = l.Programme!.Group!.Slug, Name = l.Programme.Group.Name }), ct);
        var programmes = await CountAsync(within.Select(l => new FacetKey { Slug = l.Programme!.Slug, Name = l.Programme.Name }), ct);
        return new CatalogFacets(regencies, groups, programmes);
    }

    /// <summary>A named shape (not an anonymous one), so one grouping query serves all three lists.</summary>
    sealed class FacetKey
    {
        public required string Slug { get; init; }
        public required string Name { get; init; }
    }

    static Task<List<FacetOption>> CountAsync(IQueryable<FacetKey> keys, CancellationToken ct) =>
        keys.GroupBy(k => new { k.Slug, k.Name }).OrderByDescending(g => g.Count()).ThenBy(g => g.Key.Name)
            .Select(g => new FacetOption(g.Key.Slug, g.Key.Name, g.Count())).ToListAsync(ct);

    IQueryable<Listing> Filtered(CatalogFilter f)
    {
        var q = OnSale;
        // Slugs become ids in a scalar subquery (an InitPlan), so the planner can seek the scope's index.
        if (!string.IsNullOrEmpty(f.Category)) q = q.Where(l => l.CategoryId == db.Categories.Where(c => c.Slug == f.Category).Select(c => c.Id).FirstOrDefault());
        if (!string.IsNullOrEmpty(f.Programme)) q = q.Where(l => l.ProgrammeId == db.Programmes.Where(p => p.Slug == f.Programme).Select(p => p.Id).FirstOrDefault());
        if (!string.IsNullOrEmpty(f.Maker)) q = q.Where(l => l.MakerId == db.Makers.Where(m => m.Slug == f.Maker).Select(m => m.Id).FirstOrDefault());
        if (!string.IsNullOrEmpty(f.Regency)) q = q.Where(l => l.Maker!.Regency!.Slug == f.Regency);
        if (!string.IsNullOrEmpty(f.Group)) q = q.Where(l => l.Programme!.Group!.Slug == f.Group);
        if (f.MinPrice is { } min) q = q.Where(l => l.Price.Amount >= min);
        if (f.MaxPrice is { } max) q = q.Where(l => l.Price.Amount <= max);
        q = f.Availability switch
        {
            Availability.InStock => q.Where(l => !l.MadeToOrder && l.Stock > 0),
            Availability.MadeToOrder => q.Where(l => l.MadeToOrder),
            _ => q,
        };
        q = f.Delivery switch
        {
            DeliveryChoice.Pickup => q.Where(l => (l.Delivery & DeliveryOptions.Pickup) != DeliveryOptions.None),
            DeliveryChoice.Delivery => q.Where(l => (l.Delivery & (DeliveryOptions.LocalDelivery | DeliveryOptions.Shipping)) != DeliveryOptions.None),
            _ => q,
        };
        return q;
    }

    static IOrderedQueryable<Listing> Sorted(IQueryable<Listing> q, CatalogSort sort) => sort switch
    {
        CatalogSort.PriceLow => q.OrderBy(l => l.Price.Amount).ThenBy(l => l.Id),
        CatalogSort.PriceHigh => q.OrderByDescending(l => l.Price.Amount).ThenByDescending(l => l.Id),
        CatalogSort.Popular => q.OrderByDescending(l => l.UnitsSold).ThenByDescending(l => l.Id),
        _ => q.OrderByDescending(l => l.PublishedAt).ThenByDescending(l => l.Id),
    };

    /// <summary>The first bound repeats the leading key alone: that is what the index can seek to.</summary>
    static IQueryable<Listing> Seek(IQueryable<Listing> q, CatalogSort sort, CatalogCursor? cursor)
    {
        if (cursor is not { } c) return q;
        var id = c.Id;
        switch (sort)
        {
            case CatalogSort.PriceLow:
                decimal low = c.Key;
                return q.Where(l => l.Price.Amount >= low && (l.Price.Amount > low || (l.Price.Amount == low && l.Id > id)));
            case CatalogSort.PriceHigh:
                decimal high = c.Key;
                return q.Where(l => l.Price.Amount <= high && (l.Price.Amount < high || (l.Price.Amount == high && l.Id < id)));
            case CatalogSort.Popular:
                var sold = (int)Math.Clamp(c.Key, int.MinValue, int.MaxValue);
                return q.Where(l => l.UnitsSold <= sold && (l.UnitsSold < sold || (l.UnitsSold == sold && l.Id < id)));
            default:
                if (c.Key < DateTimeOffset.MinValue.UtcTicks || c.Key > DateTimeOffset.MaxValue.UtcTicks) return q.Where(l => false);
                var at = new DateTimeOffset(c.Key, TimeSpan.Zero);
                return q.Where(l => l.PublishedAt <= at && (l.PublishedAt < at || (l.PublishedAt == at && l.Id < id)));
        }
    }

    /// <summary>Cards in a fixed order for home-page rows and "more from" strips.</summary>
    internal static async Task<List<ListingCard>> CardsAsync(IQueryable<Listing> ordered, int count, CancellationToken ct) =>
        (await Rows(ordered.Take(count)).ToListAsync(ct)).Select(r => r.Card).ToList();

    internal IQueryable<Listing> Listings => OnSale;
}
