using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using PasKreatif.Catalog;

namespace PasKreatif.Storefront.Pages.Shop;

/// <summary>A filtered, sorted, keyset-paged list of cards: the shared part of category, programme and maker pages.</summary>
public abstract class CatalogListModel(CatalogQueries catalog) : PageModel
{
    public static readonly IReadOnlyDictionary<string, CatalogSort> Sorts = new Dictionary<string, CatalogSort>
    {
        ["terbaru"] = CatalogSort.Newest, ["termurah"] = CatalogSort.PriceLow, ["termahal"] = CatalogSort.PriceHigh, ["terlaris"] = CatalogSort.Popular,
    };

    [BindProperty(SupportsGet = true, Name = "harga-min")] public string? MinPrice { get; set; }
    [BindProperty(SupportsGet = true, Name = "harga-maks")] public string? MaxPrice { get; set; }
    [BindProperty(SupportsGet = true, Name = "kabupaten")] public string? Regency { get; set; }
    [BindProperty(SupportsGet = true, Name = "kelompok")] public string? Group { get; set; }
    [BindProperty(SupportsGet = true, Name = "program")] public string? Programme { get; set; }
    [BindProperty(SupportsGet = true, Name = "stok")] public string? Stock { get; set; }
    [BindProperty(SupportsGet = true, Name = "kirim")] public string? Delivery { get; set; }
    [BindProperty(SupportsGet = true, Name = "urut")] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true, Name = "setelah")] public string? After { get; set; }

    public CatalogPage Results { get; private set; } = new([], null);
    public CatalogFacets Facets { get; private set; } = new([], [], [], ScopeCounts.None);
    /// <summary>Resource keys of inputs that could not be used, each shown to the buyer.</summary>
    public List<string> Problems { get; } = [];
    /// <summary>Which facets the page offers: a programme page needs no programme filter.</summary>
    public bool OffersProgrammeFilter { get; protected set; } = true;

    protected async Task LoadListAsync(CatalogFilter scope, CancellationToken ct)
    {
        var min = ParsePrice(MinPrice, "PriceMinInvalid");
        var max = ParsePrice(MaxPrice, "PriceMaxInvalid");
        if (min is not null && max is not null && min > max)
        {
            Problems.Add("PriceRangeSwapped");
            (min, max) = (max, min);
            (MinPrice, MaxPrice) = (MaxPrice, MinPrice);
        }
        var sort = CatalogSort.Newest;
        if (!string.IsNullOrEmpty(Sort) && !Sorts.TryGetValue(Sort, out sort)) Problems.Add("SortUnknown");
        var filter = scope with
        {
            Regency = Blank(Regency), Group = Blank(Group), Programme = scope.Programme ?? Blank(Programme),
            MinPrice = min, MaxPrice = max, Sort = sort, After = Blank(After),
            Availability = Stock switch { "ada" => Availability.InStock, "pesanan" => Availability.MadeToOrder, _ => Availability.Any },
            Delivery = Delivery switch { "ambil" => DeliveryChoice.Pickup, "antar" => DeliveryChoice.Delivery, _ => DeliveryChoice.Any },
        };
        Facets = (await catalog.FacetsAsync(scope, ct)).Offered(filter.Regency, filter.Group, filter.Programme);
        Results = await catalog.BrowseAsync(filter, ct: ct);
    }

    /// <summary>The same list from the next keyset position, every filter kept.</summary>
    public string? NextPageUrl => Results.NextCursor is { } cursor ? WithQuery("setelah", cursor) : null;

    public string FirstPageUrl => WithQuery("setelah", null);

    string WithQuery(string key, string? value)
    {
        var query = Request.Query.Where(q => q.Key != key).SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v))).ToList();
        if (value is not null) query.Add(new(key, value));
        return QueryHelpers.AddQueryString(Request.Path, query);
    }

    decimal? ParsePrice(string? input, string problem)
    {
        if (string.IsNullOrWhiteSpace(input)) return null;
        // Buyers type "25.000", "Rp 25.000" or "25000": the shop's one rupiah reader decides.
        if (Money.TryParse(input, out var value) == MoneyProblem.None) return value.Amount;
        Problems.Add(problem);
        return null;
    }

    static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
