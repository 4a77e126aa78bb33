using PasKreatif.Catalog;

namespace PasKreatif.Domain.Tests.Catalog;

public class CatalogFacetsTests
{
    // Most-stocked first, as CatalogQueries reads them: "Kelompok 01" holds the most.
    static readonly FacetOption[] Groups = Enumerable.Range(1, 40)
        .Select(i => new FacetOption($"kelompok-{i:00}", $"Kelompok {i:00}", 100 - i)).ToArray();

    static CatalogFacets Facets(params FacetOption[] groups) => new([], groups, [], ScopeCounts.None);

    [Fact]
    public void A_long_list_offers_only_the_most_stocked_few_sorted_by_name()
    {
        var offered = Facets(Groups.Reverse().OrderByDescending(g => g.Listings).ToArray()).Offered(null, null, null).Groups;

        Assert.Equal(CatalogFacets.Shown, offered.Count);
        Assert.Equal(Groups.Take(CatalogFacets.Shown).Select(g => g.Slug), offered.Select(g => g.Slug));
    }

    [Fact]
    public void The_buyers_choice_stays_offered_even_when_it_is_not_among_the_most_stocked()
    {
        var offered = Facets(Groups).Offered(null, "kelompok-33", null).Groups;

        Assert.Equal(CatalogFacets.Shown + 1, offered.Count);
        Assert.Contains(offered, g => g.Slug == "kelompok-33");
        Assert.Equal(offered.OrderBy(g => g.Name, StringComparer.Ordinal), offered);
    }

    [Fact]
    public void A_short_list_is_offered_whole_and_an_unknown_choice_adds_nothing()
    {
        var few = Groups.Take(3).Reverse().ToArray();

        var offered = Facets(few).Offered("tidak-ada", "tidak-ada", "tidak-ada");

        Assert.Equal(["kelompok-01", "kelompok-02", "kelompok-03"], offered.Groups.Select(g => g.Slug));
        Assert.Empty(offered.Regencies);
    }

    // A category of 1,000: 300 in stock, 700 made to order, 900 for pickup, 400 delivered; priced 10,000 to 90,000.
    static readonly CatalogFacets Category = new(
        [new FacetOption("banyumas", "Banyumas", 800), new FacetOption("cilacap", "Cilacap", 200)],
        [new FacetOption("kelompok-01", "Kelompok 01", 1_000)],
        [new FacetOption("batik", "Batik", 600), new FacetOption("anyaman", "Anyaman", 400)],
        new ScopeCounts(InStock: 300, MadeToOrder: 700, Pickup: 900, Delivered: 400,
            [new PriceCount(10_000, 500), new PriceCount(50_000, 450), new PriceCount(90_000, 50)]));

    [Fact]
    public void A_filter_that_narrows_nothing_bounds_nothing()
    {
        Assert.Null(Category.MostMatching(new CatalogFilter { Category = "kerajinan-tangan", Sort = CatalogSort.PriceLow, After = "1.2" }));
    }

    [Fact]
    public void A_filter_matches_at_most_the_smallest_count_among_its_choices()
    {
        Assert.Equal(200, Category.MostMatching(new CatalogFilter { Regency = "cilacap", Availability = Availability.InStock }));
        Assert.Equal(300, Category.MostMatching(new CatalogFilter { Regency = "banyumas", Availability = Availability.InStock }));
        Assert.Equal(400, Category.MostMatching(new CatalogFilter { Programme = "anyaman", Delivery = DeliveryChoice.Pickup }));
        Assert.Equal(400, Category.MostMatching(new CatalogFilter { Group = "kelompok-01", Delivery = DeliveryChoice.Delivery }));
        Assert.Equal(700, Category.MostMatching(new CatalogFilter { Availability = Availability.MadeToOrder }));
    }

    [Theory]
    [InlineData(null, "9999", 0)]
    [InlineData("90001", null, 0)]
    [InlineData("10000", "10000", 500)]
    [InlineData("10001", "89999", 450)]
    [InlineData("90000", null, 50)]
    [InlineData(null, "50000", 950)]
    [InlineData("60000", "40000", 0)]
    public void A_price_range_matches_the_listings_priced_within_it(string? min, string? max, int expected)
    {
        var filter = new CatalogFilter { MinPrice = min is null ? null : decimal.Parse(min, System.Globalization.CultureInfo.InvariantCulture), MaxPrice = max is null ? null : decimal.Parse(max, System.Globalization.CultureInfo.InvariantCulture) };
        Assert.Equal(expected, Category.MostMatching(filter));
    }

    [Fact]
    public void A_choice_the_scope_does_not_hold_matches_none()
    {
        Assert.Equal(0, Category.MostMatching(new CatalogFilter { Regency = "kebumen" }));
        Assert.Equal(0, Category.MostMatching(new CatalogFilter { Group = "kelompok-99", Availability = Availability.InStock }));
        var handmadeOnly = Category with { Counts = Category.Counts with { InStock = 0 } };
        Assert.Equal(0, handmadeOnly.MostMatching(new CatalogFilter { Availability = Availability.InStock }));
    }

    // A category of 10,000: a common place (1,000) and a rare programme (50); half in stock, a tenth for pickup.
    static readonly CatalogFacets Large = new(
        [new FacetOption("banyumas", "Banyumas", 9_000), new FacetOption("cilacap", "Cilacap", 1_000)],
        [new FacetOption("kelompok-01", "Kelompok 01", 10_000)],
        [new FacetOption("batik", "Batik", 9_950), new FacetOption("anyaman", "Anyaman", 50)],
        new ScopeCounts(InStock: 5_000, MadeToOrder: 5_000, Pickup: 1_000, Delivered: 9_000, [new PriceCount(10_000, 10_000)]));

    [Fact]
    public void The_scopes_listings_are_counted_by_place_and_a_filter_is_expected_to_match_the_product_of_its_shares()
    {
        Assert.Equal(10_000, Large.Listings);
        Assert.Equal(1.0, Large.ExpectedShare(new CatalogFilter { Sort = CatalogSort.PriceLow }));
        Assert.Equal(0.1, Large.ExpectedShare(new CatalogFilter { Regency = "cilacap" }), 6);
        Assert.Equal(0.05, Large.ExpectedShare(new CatalogFilter { Regency = "cilacap", Availability = Availability.InStock }), 6);
        Assert.Equal(0, Large.ExpectedShare(new CatalogFilter { Regency = "kebumen" }));
        Assert.Equal(0, Facets().ExpectedShare(new CatalogFilter { Regency = "cilacap" }));
    }

    [Fact]
    public void A_common_choice_walks_the_sort_order_and_a_rare_one_is_sorted_whole()
    {
        // One card in ten is from Cilacap: 25 cards are found within about 250 of the category's, in order.
        Assert.False(Large.SortsWhole(new CatalogFilter { Regency = "cilacap" }, 24));
        // One in two hundred is Anyaman: a walk would pass 5,000 listings, so its 50 are read and sorted.
        Assert.True(Large.SortsWhole(new CatalogFilter { Programme = "anyaman" }, 24));
        // Two common choices that are rare together: about 100 expected, a walk of 2,500.
        Assert.True(Large.SortsWhole(new CatalogFilter { Regency = "cilacap", Delivery = DeliveryChoice.Pickup }, 24));
        // Many matches are never read whole, however the shares multiply.
        Assert.False(Large.SortsWhole(new CatalogFilter { Regency = "banyumas", Availability = Availability.InStock }, 24));
        Assert.False(Large.SortsWhole(new CatalogFilter { Sort = CatalogSort.Popular }, 24));
    }
}
