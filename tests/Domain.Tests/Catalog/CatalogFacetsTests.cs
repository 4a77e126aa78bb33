using PasKreatif.Catalog;

namespace PasKreatif.Domain.Tests.Catalog;

public class CatalogFacetsTests
{
    // Most-stocked first, as CatalogQueries reads them: "Kelompok 01" holds the most.
    static readonly FacetOption[] Groups = Enumerable.Range(1, 40)
        .Select(i => new FacetOption($"kelompok-{i:00}", $"Kelompok {i:00}", 100 - i)).ToArray();

    static CatalogFacets Facets(params FacetOption[] groups) => new([], groups, []);

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
}
