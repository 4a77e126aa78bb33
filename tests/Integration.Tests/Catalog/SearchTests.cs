using AngleSharp.Html.Dom;
using PasKreatif.Catalog;
using PasKreatif.Integration.Tests.Fixtures;

namespace PasKreatif.Integration.Tests.Catalog;

/// <summary>The listings the search cases need, added to this class's own database.</summary>
public sealed class SearchFactory : CatalogFactory
{
    Task? seeded;

    public Task SeedAsync() => seeded ??= SeedOnceAsync();

    async Task SeedOnceAsync()
    {
        await AddListingAsync("Kerajinan Tangan Anyaman Bambu", 65_000, StandardCategories.Handicrafts);
        await AddListingAsync("Tas Daur Ulang Bungkus Kopi", 55_000, StandardCategories.RecycledCrafts, description: "Tas jinjing dari bungkus kopi bekas.");
        await AddListingAsync("Tas Kulit Sapi Coklat", 250_000, StandardCategories.Handicrafts, description: "Tas kulit asli.");
        await AddListingAsync("Vas Bunga Daur Ulang Botol", 40_000, StandardCategories.RecycledCrafts, description: "Vas dari botol kaca bekas.");
        await AddListingAsync("Tempat Tisu Rotan", 45_000, StandardCategories.Handicrafts, description: "Anyaman rotan untuk tas dan kotak, daur ulang sisa rotan.");
    }
}

public class SearchTests(SearchFactory factory) : IClassFixture<SearchFactory>
{
    async Task<List<string>> TitlesAsync(string query)
    {
        await factory.SeedAsync();
        using var client = ShopClient.For(factory);
        var page = await client.GetDocumentAsync("/cari?q=" + Uri.EscapeDataString(query));
        return page.QuerySelectorAll(".product-card .title").Select(t => t.TextContent.Trim()).ToList();
    }

    [Fact]
    public async Task Kerajinan_finds_kerajinan_tangan_by_its_stem()
    {
        var titles = await TitlesAsync("kerajinan");
        Assert.Equal("Kerajinan Tangan Anyaman Bambu", titles.First());
    }

    [Fact]
    public async Task Kerajnan_with_a_typing_mistake_still_finds_it()
    {
        var titles = await TitlesAsync("kerajnan");
        Assert.Contains("Kerajinan Tangan Anyaman Bambu", titles);
        Assert.Equal("Kerajinan Tangan Anyaman Bambu", titles.First());
    }

    [Fact]
    public async Task Tas_daur_ulang_ranks_bags_of_recycled_material_first()
    {
        var titles = await TitlesAsync("tas daur ulang");

        // Every title holding all three words comes before any that holds only some.
        static bool All(string t) => new[] { "tas", "daur", "ulang" }.All(w => t.Split(' ').Contains(w, StringComparer.OrdinalIgnoreCase));
        var firstPartial = titles.FindIndex(t => !All(t));
        Assert.True(firstPartial > 0, string.Join(" | ", titles));
        Assert.All(titles.Take(firstPartial), t => Assert.True(All(t), t));
        Assert.DoesNotContain(titles.Skip(firstPartial), All);
        var recycledBag = titles.IndexOf("Tas Daur Ulang Bungkus Kopi");
        Assert.InRange(recycledBag, 0, firstPartial - 1);
        // A title match weighs more than words found only in a description.
        Assert.True(titles.IndexOf("Vas Bunga Daur Ulang Botol") < titles.IndexOf("Tempat Tisu Rotan"), string.Join(" | ", titles));
        Assert.True(titles.IndexOf("Tas Kulit Sapi Coklat") >= firstPartial);
    }

    [Fact]
    public async Task Matched_words_are_highlighted_and_markup_in_titles_stays_text()
    {
        await factory.AddListingAsync("Tas <script>alert(1)</script> Daur", 30_000, StandardCategories.RecycledCrafts);
        await factory.SeedAsync();
        using var client = ShopClient.For(factory);
        var page = await client.GetDocumentAsync("/cari?q=daur+ulang+tas");
        var marks = page.QuerySelectorAll(".product-card .title mark").Select(m => m.TextContent.ToLowerInvariant()).ToHashSet();
        Assert.Contains("tas", marks);
        Assert.Contains("daur", marks);
        Assert.Contains("ulang", marks);
        Assert.Empty(page.QuerySelectorAll("main script"));
    }

    [Fact]
    public async Task Typos_in_every_word_still_find_the_goods_and_offer_the_corrected_words()
    {
        await factory.SeedAsync();
        using var client = ShopClient.For(factory);
        var page = await client.GetDocumentAsync("/cari?q=" + Uri.EscapeDataString("kerjinan tngan anyamn"));
        var titles = page.QuerySelectorAll(".product-card .title").Select(t => t.TextContent.Trim()).ToList();
        Assert.Equal("Kerajinan Tangan Anyaman Bambu", titles.First());
        var link = page.QuerySelector(".did-you-mean a") as IHtmlAnchorElement;
        Assert.NotNull(link);
        Assert.Equal("kerajinan tangan anyaman", link.TextContent);
        Assert.Equal("/cari?q=kerajinan%20tangan%20anyaman", link.GetAttribute("href"));
        Assert.Matches(@"^\d+ karya ditemukan$", page.QuerySelector(".result-count")!.TextContent.Trim());
    }

    [Fact]
    public async Task Nothing_found_offers_the_categories_to_try()
    {
        await factory.SeedAsync();
        using var client = ShopClient.For(factory);
        var page = await client.GetDocumentAsync("/cari?q=" + Uri.EscapeDataString("xqzvw"));
        Assert.Empty(page.QuerySelectorAll(".product-card"));
        Assert.NotNull(page.QuerySelector(".empty-result"));
        var links = page.QuerySelectorAll(".try-categories a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/kategori/" + StandardCategories.Handicrafts, links);
        Assert.Equal(StandardCategories.All().Count, links.Count);
    }

    [Fact]
    public async Task Odd_input_is_searched_safely_and_an_empty_query_asks_for_words()
    {
        await factory.SeedAsync();
        using var client = ShopClient.For(factory);
        foreach (var odd in new[] { "tas & | ! ( ) : * '", "'); drop table \"Listings\"; --", new string('a', 500), "kue:*" })
            await client.GetDocumentAsync("/cari?q=" + Uri.EscapeDataString(odd));
        var empty = await client.GetDocumentAsync("/cari?q=");
        Assert.Empty(empty.QuerySelectorAll(".product-card"));
        Assert.NotNull(empty.QuerySelector("main form[role=search]"));
        Assert.Equal("noindex, follow", empty.QuerySelector("meta[name=robots]")!.GetAttribute("content"));
        var found = await client.GetDocumentAsync("/cari?q=tas");
        Assert.NotEmpty(found.QuerySelectorAll(".product-card"));
        Assert.Null(found.QuerySelector("meta[name=robots]"));
    }

    [Fact]
    public async Task Search_pages_through_results()
    {
        await factory.SeedAsync();
        for (var i = 0; i < 30; i++)
            await factory.AddListingAsync($"Gelang Tembaga Ukir {i}", 20_000 + i, StandardCategories.Handicrafts);
        using var client = ShopClient.For(factory);
        var first = await client.GetDocumentAsync("/cari?q=gelang+tembaga");
        Assert.Equal(CatalogSearch.PageSize, first.QuerySelectorAll(".product-card").Length);
        var next = first.QuerySelector("a[rel=next]")!.GetAttribute("href")!;
        var second = await client.GetDocumentAsync(next);
        var all = first.QuerySelectorAll(".product-card .title").Concat(second.QuerySelectorAll(".product-card .title"))
            .Select(t => t.TextContent.Trim()).Where(t => t.StartsWith("Gelang Tembaga Ukir")).ToList();
        Assert.Equal(30, all.Distinct().Count());
        Assert.Null(second.QuerySelector("a[rel=next]"));
    }
}
