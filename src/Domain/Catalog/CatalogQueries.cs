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
        var (facets, narrowing) = await ScopeOfAsync(filter, ct);
        if (facets?.MostMatching(narrowing) == 0) return new CatalogPage([], null);
        var whole = facets?.SortsWhole(narrowing, pageSize) ?? false;
        var query = Seek(Sorted(Filtered(filter), filter.Sort, whole), filter.Sort, CatalogCursor.Parse(filter.After));
        var rows = await Rows(query.Take(pageSize + 1)).ToListAsync(ct);
        var next = rows.Count > pageSize
            ? new CatalogCursor(CatalogCursor.KeyOf(filter.Sort, rows[pageSize - 1].Key), rows[pageSize - 1].Key.Id).ToString()
            : null;
        return new CatalogPage(rows.Take(pageSize).Select(r => r.Card).ToList(), next);
    }

    /// <summary>
    /// The filter choices of the list's scope (its category, maker or programme), which its page has just read, and the
    /// filter's choices that narrow it. A programme page's own programme narrows nothing: counting it would sort the
    /// page whole instead of walking its index.
    /// </summary>
    async Task<(CatalogFacets? Facets, CatalogFilter Narrowing)> ScopeOfAsync(CatalogFilter f, CancellationToken ct)
    {
        if (Blank(f.Category) is not null) return (await FacetsAsync(new CatalogFilter { Category = f.Category }, ct), f);
        if (Blank(f.Maker) is not null) return (await FacetsAsync(new CatalogFilter { Maker = f.Maker }, ct), f);
        if (Blank(f.Programme) is not null) return (await FacetsAsync(new CatalogFilter { Programme = f.Programme }, ct), f with { Programme = null });
        return (null, f);
    }

    /// <summary>The regencies, groups and programmes that have goods on sale within the given scope, most-stocked first.</summary>
    public Task<CatalogFacets> FacetsAsync(CatalogFilter scope, CancellationToken ct = default) =>
        facetCache.GetAsync(scope, () => ReadFacetsAsync(scope, ct));

    /// <summary>
    /// One grouping over the scope's listings by place and programme (a programme is in one group), summed here into
    /// the three lists and the stock and delivery counts: three groupings read a category's hundred thousand rows three
    /// times at a million listings. A category's is read from its index alone; prices are a second grouping, by the
    /// scope's price index.
    /// </summary>
    async Task<CatalogFacets> ReadFacetsAsync(CatalogFilter scope, CancellationToken ct)
    {
        var within = Filtered(new CatalogFilter { Category = scope.Category, Programme = scope.Programme, Maker = scope.Maker });
        // Grouped by ids first, named after: grouping by six names sorted a category's rows on disk.
        var grouped = within.GroupBy(l => new { l.Maker!.RegencyId, l.ProgrammeId }).Select(g => new
        {
            g.Key.RegencyId, g.Key.ProgrammeId, Listings = g.Count(),
            InStock = g.Count(l => !l.MadeToOrder && l.Stock > 0), MadeToOrder = g.Count(l => l.MadeToOrder),
            Pickup = g.Count(l => (l.Delivery & DeliveryOptions.Pickup) != DeliveryOptions.None),
            Delivered = g.Count(l => (l.Delivery & (DeliveryOptions.LocalDelivery | DeliveryOptions.Shipping)) != DeliveryOptions.None),
        });
        var rows = await (
            from c in grouped
            join r in db.Set<Regency>() on c.RegencyId equals r.Id
            join p in db.Set<Programme>() on c.ProgrammeId equals p.Id
            select new FacetRow
            {
                RegencySlug = r.Slug, RegencyName = r.Name, GroupSlug = p.Group!.Slug, GroupName = p.Group.Name,
                ProgrammeSlug = p.Slug, ProgrammeName = p.Name, Listings = c.Listings,
                InStock = c.InStock, MadeToOrder = c.MadeToOrder, Pickup = c.Pickup, Delivered = c.Delivered,
            }).ToListAsync(ct);
        var prices = await within.GroupBy(l => l.Price.Amount).OrderBy(g => g.Key).Select(g => new PriceCount(g.Key, g.Count())).ToListAsync(ct);
        var counts = new ScopeCounts(rows.Sum(r => r.InStock), rows.Sum(r => r.MadeToOrder), rows.Sum(r => r.Pickup), rows.Sum(r => r.Delivered), prices);
        return new CatalogFacets(
            Sum(rows, r => (r.RegencySlug, r.RegencyName)), Sum(rows, r => (r.GroupSlug, r.GroupName)), Sum(rows, r => (r.ProgrammeSlug, r.ProgrammeName)), counts);
    }

    sealed class FacetRow
    {
        public required string RegencySlug { get; init; }
        public required string RegencyName { get; init; }
        public required string GroupSlug { get; init; }
        public required string GroupName { get; init; }
        public required string ProgrammeSlug { get; init; }
        public required string ProgrammeName { get; init; }
        public int Listings { get; init; }
        public int InStock { get; init; }
        public int MadeToOrder { get; init; }
        public int Pickup { get; init; }
        public int Delivered { get; init; }
    }

    /// <summary>Most-stocked first, then by name.</summary>
    static List<FacetOption> Sum(List<FacetRow> rows, Func<FacetRow, (string Slug, string Name)> key) =>
        rows.GroupBy(key).Select(g => new FacetOption(g.Key.Slug, g.Key.Name, g.Sum(r => r.Listings)))
            .OrderByDescending(o => o.Listings).ThenBy(o => o.Name, StringComparer.Ordinal).ToList();

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

    /// <param name="whole">Sort by the same keys as expressions no index holds, so the database reads the few matches by
    /// the chosen filter's index and sorts them, instead of walking a sort index and skipping nearly every row.</param>
    static IOrderedQueryable<Listing> Sorted(IQueryable<Listing> q, CatalogSort sort, bool whole) => (sort, whole) switch
    {
        (CatalogSort.PriceLow, false) => q.OrderBy(l => l.Price.Amount).ThenBy(l => l.Id),
        (CatalogSort.PriceLow, true) => q.OrderBy(l => l.Price.Amount + 0m).ThenBy(l => l.Id),
        (CatalogSort.PriceHigh, false) => q.OrderByDescending(l => l.Price.Amount).ThenByDescending(l => l.Id),
        (CatalogSort.PriceHigh, true) => q.OrderByDescending(l => l.Price.Amount + 0m).ThenByDescending(l => l.Id),
        (CatalogSort.Popular, false) => q.OrderByDescending(l => l.UnitsSold).ThenByDescending(l => l.Id),
        (CatalogSort.Popular, true) => q.OrderByDescending(l => l.UnitsSold + 0).ThenByDescending(l => l.Id),
        (_, false) => q.OrderByDescending(l => l.PublishedAt).ThenByDescending(l => l.Id),
        (_, true) => q.OrderByDescending(l => l.PublishedAt ?? l.CreatedAt).ThenByDescending(l => l.Id),
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
        (await Rows(ordered.TakeFixed(count)).ToListAsync(ct)).Select(r => r.Card).ToList();

    internal IQueryable<Listing> Listings => OnSale;
}
