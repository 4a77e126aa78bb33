using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using PasKreatif.Catalog;
using PasKreatif.Integration.Tests.Fixtures;

namespace PasKreatif.Integration.Tests.Catalog;

/// <summary>Enough handicrafts for three pages, with tied prices and mixed stock and delivery.</summary>
public sealed class BrowseFactory : CatalogFactory
{
    Task? seeded;

    public Task SeedAsync() => seeded ??= SeedOnceAsync();

    async Task SeedOnceAsync()
    {
        for (var i = 0; i < 60; i++)
        {
            var n = i;
            await AddListingAsync($"Anyaman Uji {n}", 10_000 * (1 + n % 7), StandardCategories.Handicrafts, l =>
            {
                l.UnitsSold = n % 5;
                l.MadeToOrder = n % 4 == 0;
                l.LeadTimeDays = l.MadeToOrder ? 3 : 0;
                l.Stock = l.MadeToOrder ? 0 : n % 3;
                l.Delivery = n % 2 == 0 ? DeliveryOptions.Pickup : DeliveryOptions.Shipping | DeliveryOptions.LocalDelivery;
            });
        }
    }
}

public class BrowseTests(BrowseFactory factory) : IClassFixture<BrowseFactory>
{
    const string Category = StandardCategories.Handicrafts;

    /// <summary>Follows the "next" links to the last page and returns every product slug in order.</summary>
    async Task<List<string>> WalkAsync(string url)
    {
        await factory.SeedAsync();
        using var client = ShopClient.For(factory);
        var slugs = new List<string>();
        for (var pages = 0; url is not null; pages++)
        {
            Assert.True(pages < 50, "paging never ends");
            var page = await client.GetDocumentAsync(url);
            var cards = page.QuerySelectorAll(".card-grid .product-card > a").Select(a => a.GetAttribute("href")!["/produk/".Length..]).ToList();
            Assert.InRange(cards.Count, 0, CatalogQueries.PageSize);
            slugs.AddRange(cards);
            url = page.QuerySelector("a[rel=next]")?.GetAttribute("href")!;
        }
        return slugs;
    }

    async Task<List<string>> ExpectedAsync(Expression<Func<Listing, bool>> where, Func<IQueryable<Listing>, IQueryable<Listing>> order)
    {
        await factory.SeedAsync();
        await using var db = factory.OpenDb();
        var scoped = db.Listings.Where(l => l.Status == ListingStatus.Approved && l.Category!.Slug == Category).Where(where);
        return await order(scoped).Select(l => l.Slug).ToListAsync();
    }

    [Theory]
    [InlineData("terbaru")]
    [InlineData("termurah")]
    [InlineData("termahal")]
    [InlineData("terlaris")]
    public async Task Every_sort_pages_by_keyset_to_the_far_end_without_gaps_or_repeats(string sort)
    {
        var shown = await WalkAsync($"/kategori/{Category}?urut={sort}");
        var expected = await ExpectedAsync(l => true, Ordered(sort));
        Assert.True(expected.Count > 2 * CatalogQueries.PageSize);
        Assert.Equal(expected, shown);
    }

    public static TheoryData<string> Filters() => new() { "harga-min=30.000", "harga-maks=Rp 40.000", "harga-min=20000&harga-maks=50000", "stok=ada", "stok=pesanan", "kirim=ambil", "kirim=antar" };

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task Every_filter_shows_exactly_the_matching_goods(string filter)
    {
        var shown = await WalkAsync($"/kategori/{Category}?{filter}&urut=termurah");
        Expression<Func<Listing, bool>> where = filter switch
        {
            "harga-min=30.000" => l => l.Price.Amount >= 30_000,
            "harga-maks=Rp 40.000" => l => l.Price.Amount <= 40_000,
            "harga-min=20000&harga-maks=50000" => l => l.Price.Amount >= 20_000 && l.Price.Amount <= 50_000,
            "stok=ada" => l => !l.MadeToOrder && l.Stock > 0,
            "stok=pesanan" => l => l.MadeToOrder,
            "kirim=ambil" => l => (l.Delivery & DeliveryOptions.Pickup) != 0,
            _ => l => (l.Delivery & (DeliveryOptions.Shipping | DeliveryOptions.LocalDelivery)) != 0,
        };
        var expected = await ExpectedAsync(where, q => q.OrderBy(l => l.Price.Amount).ThenBy(l => l.Id));
        Assert.NotEmpty(expected);
        Assert.Equal(expected, shown);
    }

    [Fact]
    public async Task Regency_group_and_programme_filters_narrow_to_their_goods()
    {
        await factory.SeedAsync();
        await using var db = factory.OpenDb();
        var sample = await db.Listings.Where(l => l.Status == ListingStatus.Approved && l.Category!.Slug == Category)
            .Select(l => new { Regency = l.Maker!.Regency!.Slug, Group = l.Programme!.Group!.Slug, Programme = l.Programme.Slug }).FirstAsync();

        var byRegency = await WalkAsync($"/kategori/{Category}?kabupaten={sample.Regency}");
        Assert.Equal(await ExpectedAsync(l => l.Maker!.Regency!.Slug == sample.Regency, Newest), byRegency);
        var byGroup = await WalkAsync($"/kategori/{Category}?kelompok={sample.Group}");
        Assert.Equal(await ExpectedAsync(l => l.Programme!.Group!.Slug == sample.Group, Newest), byGroup);
        var byProgramme = await WalkAsync($"/kategori/{Category}?program={sample.Programme}");
        Assert.Equal(await ExpectedAsync(l => l.Programme!.Slug == sample.Programme, Newest), byProgramme);
        Assert.Empty(await WalkAsync($"/kategori/{Category}?kabupaten=tidak-ada"));
    }

    [Theory]
    [InlineData("terbaru")]
    [InlineData("termurah")]
    [InlineData("termahal")]
    [InlineData("terlaris")]
    public async Task A_chosen_place_with_few_goods_pages_in_every_sort_without_gaps_or_repeats(string sort)
    {
        await factory.SeedAsync();
        await using var db = factory.OpenDb();
        var regency = await db.Listings.Where(l => l.Status == ListingStatus.Approved && l.Category!.Slug == Category)
            .GroupBy(l => l.Maker!.Regency!.Slug).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync();
        var shown = await WalkAsync($"/kategori/{Category}?kabupaten={regency}&urut={sort}");
        var expected = await ExpectedAsync(l => l.Maker!.Regency!.Slug == regency, Ordered(sort));
        Assert.True(expected.Count > CatalogQueries.PageSize, "the place's goods should fill more than one page");
        Assert.Equal(expected, shown);
    }

    /// <summary>The order a sort's address word stands for, as the database would apply it.</summary>
    static Func<IQueryable<Listing>, IQueryable<Listing>> Ordered(string sort) => sort switch
    {
        "termurah" => q => q.OrderBy(l => l.Price.Amount).ThenBy(l => l.Id),
        "termahal" => q => q.OrderByDescending(l => l.Price.Amount).ThenByDescending(l => l.Id),
        "terlaris" => q => q.OrderByDescending(l => l.UnitsSold).ThenByDescending(l => l.Id),
        _ => Newest,
    };

    static IQueryable<Listing> Newest(IQueryable<Listing> q) => q.OrderByDescending(l => l.PublishedAt).ThenByDescending(l => l.Id);

    [Fact]
    public async Task The_filter_form_offers_only_places_and_groups_with_goods_and_keeps_the_choice()
    {
        await factory.SeedAsync();
        using var client = ShopClient.For(factory);
        var page = await client.GetDocumentAsync($"/kategori/{Category}?stok=ada&urut=termahal");
        Assert.Equal("ada", page.QuerySelector("select#stok option[selected]")!.GetAttribute("value"));
        Assert.Equal("termahal", page.QuerySelector("select#urut option[selected]")!.GetAttribute("value"));
        var next = page.QuerySelector("a[rel=next]")?.GetAttribute("href");
        if (next is not null)
        {
            Assert.Contains("stok=ada", next);
            Assert.Contains("urut=termahal", next);
        }
        await using var db = factory.OpenDb();
        var regencies = await db.Listings.Where(l => l.Status == ListingStatus.Approved && l.Category!.Slug == Category)
            .Select(l => l.Maker!.Regency!.Slug).Distinct().ToListAsync();
        var offered = page.QuerySelectorAll("select#kabupaten option").Select(o => o.GetAttribute("value")).Where(v => v != "").ToList();
        Assert.Equal(regencies.OrderBy(r => r), offered.OrderBy(r => r));
    }

    [Fact]
    public async Task Bad_inputs_get_a_clear_message_and_lose_nothing()
    {
        await factory.SeedAsync();
        using var client = ShopClient.For(factory);
        var unreadable = await client.GetDocumentAsync($"/kategori/{Category}?harga-min=murah&stok=ada");
        Assert.Contains("Harga minimum tidak terbaca", unreadable.QuerySelector(".alert")!.TextContent);
        Assert.Equal("murah", unreadable.QuerySelector("input#harga-min")!.GetAttribute("value"));
        Assert.Equal("ada", unreadable.QuerySelector("select#stok option[selected]")!.GetAttribute("value"));
        Assert.NotEmpty(unreadable.QuerySelectorAll(".product-card"));

        var swapped = await WalkAsync($"/kategori/{Category}?harga-min=50000&harga-maks=20000&urut=termurah");
        Assert.Equal(await ExpectedAsync(l => l.Price.Amount >= 20_000 && l.Price.Amount <= 50_000, q => q.OrderBy(l => l.Price.Amount).ThenBy(l => l.Id)), swapped);
        var message = await client.GetDocumentAsync($"/kategori/{Category}?harga-min=50000&harga-maks=20000");
        Assert.Contains("kami tukar", message.QuerySelector(".alert")!.TextContent);

        var unknownSort = await client.GetDocumentAsync($"/kategori/{Category}?urut=acak&setelah=bukan-kursor");
        Assert.Contains("terbaru", unknownSort.QuerySelector(".alert")!.TextContent);
        Assert.Equal(CatalogQueries.PageSize, unknownSort.QuerySelectorAll(".card-grid .product-card").Length);
    }

    [Fact]
    public async Task Programme_and_maker_pages_list_only_their_own_goods()
    {
        await factory.SeedAsync();
        await using var db = factory.OpenDb();
        var listing = await db.Listings.Where(l => l.Status == ListingStatus.Approved)
            .Select(l => new { Programme = l.Programme!.Slug, Maker = l.Maker!.Slug }).FirstAsync();
        var expectedProgramme = await db.Listings.Where(l => l.Status == ListingStatus.Approved && l.Programme!.Slug == listing.Programme)
            .OrderByDescending(l => l.PublishedAt).ThenByDescending(l => l.Id).Select(l => l.Slug).ToListAsync();
        var expectedMaker = await db.Listings.Where(l => l.Status == ListingStatus.Approved && l.Maker!.Slug == listing.Maker)
            .OrderByDescending(l => l.PublishedAt).ThenByDescending(l => l.Id).Select(l => l.Slug).ToListAsync();
        Assert.Equal(expectedProgramme, await WalkAsync("/program/" + listing.Programme));
        Assert.Equal(expectedMaker, await WalkAsync("/pembuat/" + listing.Maker));
    }
}
