using System.Globalization;

namespace PasKreatif.Catalog;

public enum CatalogSort { Newest, PriceLow, PriceHigh, Popular }

public enum Availability { Any, InStock, MadeToOrder }

public enum DeliveryChoice { Any, Pickup, Delivery }

/// <summary>What a buyer narrows a catalogue list by; every field optional.</summary>
public sealed record CatalogFilter
{
    public string? Category { get; init; }
    public string? Programme { get; init; }
    public string? Maker { get; init; }
    public string? Regency { get; init; }
    public string? Group { get; init; }
    public decimal? MinPrice { get; init; }
    public decimal? MaxPrice { get; init; }
    public Availability Availability { get; init; }
    public DeliveryChoice Delivery { get; init; }
    public CatalogSort Sort { get; init; }
    /// <summary>The keyset cursor of the last card of the previous page; null for the first page.</summary>
    public string? After { get; init; }
}

/// <summary>One page of cards, and the cursor of the next page when there is one.</summary>
public sealed record CatalogPage(IReadOnlyList<ListingCard> Cards, string? NextCursor);

/// <summary>A filter choice and how many listings on sale it holds within the scope.</summary>
public sealed record FacetOption(string Slug, string Name, int Listings = 0);

/// <summary>
/// The choices a filter form can offer: only places and groups that have goods on sale, each list
/// with the most-stocked first.
/// </summary>
public sealed record CatalogFacets(
    IReadOnlyList<FacetOption> Regencies, IReadOnlyList<FacetOption> Groups, IReadOnlyList<FacetOption> Programmes, ScopeCounts Counts)
{
    /// <summary>A list page must not grow with the catalogue (150 groups would make a select no phone can use).</summary>
    public const int Shown = 12;

    /// <summary>The most-stocked <see cref="Shown"/> of each list, plus the buyer's current choice, by name.</summary>
    public CatalogFacets Offered(string? regency, string? group, string? programme) =>
        this with { Regencies = Top(Regencies, regency), Groups = Top(Groups, group), Programmes = Top(Programmes, programme) };

    /// <summary>
    /// At most how many of the scope's listings the filter matches: the smallest count among its choices (a place, a
    /// group, a programme, stock, delivery, a price range); 0 when the scope holds none of one choice. Null when the
    /// filter narrows nothing. Counts of goods selling out lag (a sell-out clears no facets), so this only ever errs high.
    /// </summary>
    public int? MostMatching(CatalogFilter f)
    {
        int? most = null;
        foreach (var count in ChoiceCounts(f)) most = Math.Min(most ?? int.MaxValue, count);
        return most;
    }

    /// <summary>The scope's listings on sale: each is in one place.</summary>
    public int Listings => Regencies.Sum(r => r.Listings);

    /// <summary>
    /// The share of the scope's listings the filter is expected to match, its choices taken as independent;
    /// 1 when it narrows nothing.
    /// </summary>
    public double ExpectedShare(CatalogFilter f)
    {
        var listings = Listings;
        if (listings == 0) return 0;
        var share = 1.0;
        foreach (var count in ChoiceCounts(f)) share *= Math.Min(count, listings) / (double)listings;
        return share;
    }

    /// <summary>
    /// A filter that matches at most this many listings, and whose page would be found only after walking more
    /// than this many of the scope's listings in sort order, is read whole and sorted.
    /// </summary>
    public const int ReadWholeBelow = 2_000;

    /// <summary>
    /// Whether a page is best read by sorting all the filter's few matches rather than walking the scope's sort
    /// index. Walking a category for a filter it rarely holds read a hundred thousand rows for a page that had none
    /// at a million listings; sorting a common place's matches read all that place's goods in every category
    /// (15 ms) for a page that a walk of 250 rows finds (3 ms).
    /// </summary>
    public bool SortsWhole(CatalogFilter f, int pageSize) =>
        MostMatching(f) is int most && most <= ReadWholeBelow && (pageSize + 1) / Math.Max(ExpectedShare(f), 1e-9) > ReadWholeBelow;

    IEnumerable<int> ChoiceCounts(CatalogFilter f)
    {
        int Held(IReadOnlyList<FacetOption> options, string slug) => options.FirstOrDefault(o => o.Slug == slug)?.Listings ?? 0;
        if (!string.IsNullOrEmpty(f.Regency)) yield return Held(Regencies, f.Regency);
        if (!string.IsNullOrEmpty(f.Group)) yield return Held(Groups, f.Group);
        if (!string.IsNullOrEmpty(f.Programme)) yield return Held(Programmes, f.Programme);
        if (f.Availability == Availability.InStock) yield return Counts.InStock;
        if (f.Availability == Availability.MadeToOrder) yield return Counts.MadeToOrder;
        if (f.Delivery == DeliveryChoice.Pickup) yield return Counts.Pickup;
        if (f.Delivery == DeliveryChoice.Delivery) yield return Counts.Delivered;
        if (f.MinPrice is not null || f.MaxPrice is not null) yield return Counts.Priced(f.MinPrice, f.MaxPrice);
    }

    static List<FacetOption> Top(IReadOnlyList<FacetOption> all, string? chosen) =>
        all.Take(Shown).Concat(all.Skip(Shown).Where(o => o.Slug == chosen))
            .OrderBy(o => o.Name, StringComparer.Ordinal).ToList();
}

/// <summary>How many of a list scope's listings on sale hold each stock and delivery choice, and each price.</summary>
public sealed record ScopeCounts(int InStock, int MadeToOrder, int Pickup, int Delivered, IReadOnlyList<PriceCount> Prices)
{
    public static readonly ScopeCounts None = new(0, 0, 0, 0, []);

    /// <summary>Listings priced within the bounds (either may be open).</summary>
    public int Priced(decimal? min, decimal? max) =>
        Prices.Where(p => (min is null || p.Price >= min) && (max is null || p.Price <= max)).Sum(p => p.Listings);
}

/// <summary>How many listings of a scope are on sale at one price.</summary>
public sealed record PriceCount(decimal Price, int Listings);

/// <summary>
/// A keyset position: the sort key of the last card shown and its id, as "key.id".
/// Keyset paging makes page 500 as cheap as page 1: the database seeks, never skips.
/// </summary>
public readonly record struct CatalogCursor(long Key, int Id)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Key}.{Id}");

    public static CatalogCursor? Parse(string? text)
    {
        if (string.IsNullOrEmpty(text)) return null;
        var dot = text.IndexOf('.');
        if (dot <= 0) return null;
        return long.TryParse(text.AsSpan(0, dot), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var key)
               && int.TryParse(text.AsSpan(dot + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? new CatalogCursor(key, id) : null;
    }

    /// <summary>The sort key a card carries for the given order.</summary>
    public static long KeyOf(CatalogSort sort, ListingCardKey card) => sort switch
    {
        CatalogSort.PriceLow or CatalogSort.PriceHigh => (long)card.Price,
        CatalogSort.Popular => card.UnitsSold,
        _ => card.PublishedAt.UtcTicks,
    };
}

/// <summary>The sort keys of a card, read with it so the next cursor needs no second query.</summary>
public sealed record ListingCardKey(int Id, decimal Price, int UnitsSold, DateTimeOffset PublishedAt);
