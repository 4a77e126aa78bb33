using Microsoft.EntityFrameworkCore;
using PasKreatif.Makers;
using PasKreatif.Organisation;
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

    IQueryable<Listing> OnSale => db.Listings.AsNoTracking().Where(Listing.OnSale);

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

    /// <remarks>
    /// Every filter is always in the expression, switched off by a null parameter: one LINQ shape for every
    /// combination, compiled by EF once, where a shape per combination (a thousand of them) cost a compilation
    /// on nearly every first visit. EF.Parameter keeps EF from folding the null checks into the shape; EF then drops
    /// the switched-off predicates from the SQL by the parameters' nullness, so PostgreSQL sees only the filters in use.
    /// </remarks>
    IQueryable<Listing> Filtered(CatalogFilter f)
    {
        var category = Blank(f.Category);
        var programme = Blank(f.Programme);
        var maker = Blank(f.Maker);
        var regency = Blank(f.Regency);
        var group = Blank(f.Group);
        var min = f.MinPrice;
        var max = f.MaxPrice;
        bool? inStock = f.Availability == Availability.InStock ? true : null;
        bool? madeToOrder = f.Availability == Availability.MadeToOrder ? true : null;
        bool? pickup = f.Delivery == DeliveryChoice.Pickup ? true : null;
        bool? delivered = f.Delivery == DeliveryChoice.Delivery ? true : null;
        // Slugs become ids in a scalar subquery (an InitPlan), so the planner can seek the scope's index.
        return OnSale
            .Where(l => EF.Parameter(category) == null || l.CategoryId == db.Set<Category>().Where(c => c.Slug == category).Select(c => c.Id).FirstOrDefault())
            .Where(l => EF.Parameter(programme) == null || l.ProgrammeId == db.Set<Programme>().Where(p => p.Slug == programme).Select(p => p.Id).FirstOrDefault())
            .Where(l => EF.Parameter(maker) == null || l.MakerId == db.Set<Maker>().Where(m => m.Slug == maker).Select(m => m.Id).FirstOrDefault())
            // Subqueries, not navigations: a navigation's join would stay in the SQL when its filter is off.
            .Where(l => EF.Parameter(regency) == null || db.Set<Maker>().Where(m => m.Regency!.Slug == regency).Select(m => m.Id).Contains(l.MakerId))
            .Where(l => EF.Parameter(group) == null || db.Set<Programme>().Where(p => p.Group!.Slug == group).Select(p => p.Id).Contains(l.ProgrammeId))
            .Where(l => EF.Parameter(min) == null || l.Price.Amount >= min)
            .Where(l => EF.Parameter(max) == null || l.Price.Amount <= max)
            .Where(l => EF.Parameter(inStock) == null || (!l.MadeToOrder && l.Stock > 0))
            .Where(l => EF.Parameter(madeToOrder) == null || l.MadeToOrder)
            .Where(l => EF.Parameter(pickup) == null || (l.Delivery & DeliveryOptions.Pickup) != DeliveryOptions.None)
            .Where(l => EF.Parameter(delivered) == null || (l.Delivery & (DeliveryOptions.LocalDelivery | DeliveryOptions.Shipping)) != DeliveryOptions.None);
    }

    static string? Blank(string? value) => string.IsNullOrEmpty(value) ? null : value;

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
