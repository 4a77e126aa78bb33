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

public sealed record FacetOption(string Slug, string Name);

/// <summary>The choices a filter form offers: only places and groups that have goods on sale.</summary>
public sealed record CatalogFacets(IReadOnlyList<FacetOption> Regencies, IReadOnlyList<FacetOption> Groups, IReadOnlyList<FacetOption> Programmes);

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
