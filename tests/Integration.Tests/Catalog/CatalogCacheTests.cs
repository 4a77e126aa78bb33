using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PasKreatif.Catalog;
using PasKreatif.Integration.Tests.Fixtures;
using PasKreatif.Makers;
using PasKreatif.Organisation;
using PasKreatif.Persistence;

namespace PasKreatif.Integration.Tests.Catalog;

public class CatalogCacheTests(CatalogFactory factory) : IClassFixture<CatalogFactory>
{
    async Task<(string Product, string Programme, string Maker)> SlugsAsync()
    {
        await using var db = factory.OpenDb();
        var l = await db.Listings.Where(x => x.Status == ListingStatus.Approved).OrderBy(x => x.Id)
            .Select(x => new { x.Slug, Programme = x.Programme!.Slug, Maker = x.Maker!.Slug }).FirstAsync();
        return (l.Slug, l.Programme, l.Maker);
    }

    async Task<int> CommandsForAsync(ShopClient client, string url)
    {
        factory.Commands.Reset();
        var response = await client.Http.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return factory.Commands.Count;
    }

    [Fact]
    public async Task No_page_runs_a_query_per_item_and_a_repeat_visit_runs_none()
    {
        var (product, programme, maker) = await SlugsAsync();
        using var client = ShopClient.For(factory);
        var pages = new Dictionary<string, int>
        {
            ["/?n=1"] = 4,
            // Each list's filter choices are two groupings (places and programmes with stock counts; prices), kept per scope.
            [$"/kategori/{StandardCategories.Handicrafts}?urut=termurah"] = 6,
            [$"/kategori/{StandardCategories.Cakes}?stok=pesanan&kirim=ambil"] = 6,
            [$"/program/{programme}"] = 6,
            [$"/pembuat/{maker}"] = 8, // one more for the rating of approved reviews
            [$"/produk/{product}"] = 5, // one more for rating columns and public answers (reviews only when rated)
            ["/cari?q=tas+daur+ulang"] = 2, // corrections, lexemes and the word index's look; then the matches ranked
            ["/cari?q=zzzqqq"] = 2, // corrections, lexemes and look (no match: nothing to rank); the categories to try
            ["/sitemap.xml"] = 4,
        };
        foreach (var (url, bound) in pages)
        {
            var first = await CommandsForAsync(client, url);
            Assert.True(first > 0 && first <= bound, $"{url} ran {first} SQL commands (bound {bound})");
            Assert.Equal(0, await CommandsForAsync(client, url)); // served from the output cache
        }
    }

    [Fact]
    public async Task Anonymous_pages_carry_nothing_per_visitor()
    {
        var (product, _, _) = await SlugsAsync();
        using var client = ShopClient.For(factory);
        foreach (var url in new[] { "/", $"/produk/{product}", $"/kategori/{StandardCategories.Sewing}", "/cari?q=kue" })
        {
            var response = await client.Http.GetAsync(url);
            Assert.False(response.Headers.Contains("Set-Cookie"), url);
            Assert.DoesNotContain("__RequestVerificationToken", await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task Saving_a_listing_through_the_shop_evicts_the_cached_pages()
    {
        await using var db = factory.OpenDb();
        var listing = await db.Listings.Where(x => x.Status == ListingStatus.Approved).OrderByDescending(x => x.PublishedAt).ThenByDescending(x => x.Id).FirstAsync();
        using var client = ShopClient.For(factory);
        var url = "/produk/" + listing.Slug;
        Assert.Equal(listing.Title, (await client.GetDocumentAsync(url)).QuerySelector("main h1")!.TextContent.Trim());

        // A change behind the shop's back is not seen: the page comes from the cache.
        listing.Title = "Judul Diubah Diam Diam";
        await db.SaveChangesAsync();
        Assert.NotEqual("Judul Diubah Diam Diam", (await client.GetDocumentAsync(url)).QuerySelector("main h1")!.TextContent.Trim());

        // A change saved through the shop's own DbContext evicts the catalogue pages.
        await factory.WithScopeAsync(async services =>
        {
            var shopDb = services.GetRequiredService<MarketplaceDb>();
            var same = await shopDb.Listings.SingleAsync(x => x.Id == listing.Id);
            same.Title = "Judul Baru Lewat Toko";
            return await shopDb.SaveChangesAsync();
        });
        Assert.Equal("Judul Baru Lewat Toko", (await client.GetDocumentAsync(url)).QuerySelector("main h1")!.TextContent.Trim());
        Assert.Contains("Judul Baru Lewat Toko", (await client.GetDocumentAsync("/")).Body!.TextContent);
    }

    [Fact]
    public async Task Signed_in_visitors_are_never_served_from_or_stored_in_the_cache()
    {
        var (product, _, _) = await SlugsAsync();
        var url = $"/produk/{product}?signed=1";
        using (var anonymous = ShopClient.For(factory))
            await anonymous.GetDocumentAsync(url);

        using var buyer = ShopClient.For(factory);
        Assert.Equal(HttpStatusCode.Redirect, (await buyer.SignInAsync("pembeli")).StatusCode);
        var page = await buyer.GetDocumentAsync(url);
        Assert.NotNull(page.QuerySelector("form[action='/keluar']"));
        Assert.True(await CommandsForAsync(buyer, url) > 0);
        Assert.True(await CommandsForAsync(buyer, url) > 0);

        using var later = ShopClient.For(factory);
        Assert.Null((await later.GetDocumentAsync(url)).QuerySelector("form[action='/keluar']"));
    }

    [Fact]
    public async Task Cached_pages_follow_the_language_and_the_zone()
    {
        await using var db = factory.OpenDb();
        var listing = await db.Listings.Where(x => x.Status == ListingStatus.Approved).OrderBy(x => x.Id).Skip(1).FirstAsync();
        var url = "/produk/" + listing.Slug;
        using var client = ShopClient.For(factory);

        var indonesian = await client.GetDocumentAsync(url);
        Assert.Contains("Masukkan ke keranjang", indonesian.Body!.TextContent);
        var wib = indonesian.QuerySelector(".maker-facts time")!.TextContent;
        Assert.EndsWith(" WIB", wib);
        Assert.Contains(listing.PublishedAt!.Value.ToOffset(TimeSpan.FromHours(7)).ToString("HH.mm"), wib);
        Assert.Equal("true", indonesian.QuerySelector(".zone-selector a[aria-current]")!.GetAttribute("aria-current"));
        Assert.Equal("WIB", indonesian.QuerySelector(".zone-selector a[aria-current]")!.TextContent);

        var switched = await client.Http.GetAsync("/zona/WITA?kembali=" + Uri.EscapeDataString(url));
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal(url, switched.Headers.Location!.OriginalString);
        var wita = (await client.GetDocumentAsync(url)).QuerySelector(".maker-facts time")!.TextContent;
        Assert.EndsWith(" WITA", wita);
        Assert.Contains(listing.PublishedAt!.Value.ToOffset(TimeSpan.FromHours(8)).ToString("HH.mm"), wita);

        await client.Http.GetAsync("/bahasa/en?kembali=%2F");
        var english = await client.GetDocumentAsync(url);
        Assert.Equal("en", english.DocumentElement.GetAttribute("lang"));
        Assert.Contains("Add to cart", english.Body!.TextContent);
        Assert.EndsWith(" WITA", english.QuerySelector(".maker-facts time")!.TextContent);

        // Someone else still gets Indonesian and WIB from the cache.
        using var other = ShopClient.For(factory);
        var fresh = await other.GetDocumentAsync(url);
        Assert.EndsWith(" WIB", fresh.QuerySelector(".maker-facts time")!.TextContent);
        Assert.Contains("Masukkan ke keranjang", fresh.Body!.TextContent);

        // An unknown zone changes nothing, and the return address never leaves the shop.
        var odd = await other.Http.GetAsync("/zona/PST?kembali=" + Uri.EscapeDataString("https://contoh.example/"));
        Assert.Equal("/", odd.Headers.Location!.OriginalString);
        Assert.EndsWith(" WIB", (await other.GetDocumentAsync(url)).QuerySelector(".maker-facts time")!.TextContent);
    }

    async Task<int> CommandsForAsync(ShopClient client, string url, HttpStatusCode status)
    {
        factory.Commands.Reset();
        Assert.Equal(status, (await client.Http.GetAsync(url)).StatusCode);
        return factory.Commands.Count;
    }

    [Fact]
    public async Task First_visits_to_other_products_and_other_filter_combinations_compile_no_query()
    {
        await using var db = factory.OpenDb();
        var slugs = await db.Listings.Where(x => x.Status == ListingStatus.Approved).OrderByDescending(x => x.Id).Select(x => x.Slug).Take(6).ToListAsync();
        var regency = await db.Regencies.OrderBy(r => r.Id).Select(r => r.Slug).FirstAsync();
        var group = await db.Groups.OrderBy(g => g.Id).Select(g => g.Slug).FirstAsync();
        using var client = ShopClient.For(factory);
        async Task VisitAsync(string url) => Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync(url)).StatusCode);

        foreach (var slug in slugs.Take(2)) await VisitAsync($"/produk/{slug}?warm=1");
        await VisitAsync($"/kategori/{StandardCategories.Handicrafts}?urut=termurah&warm=1");
        // A few listings in a chosen place are read whole and sorted: the second (and last) shape of a sort.
        await VisitAsync($"/kategori/{StandardCategories.Handicrafts}?urut=termurah&kabupaten={regency}&warm=1");
        factory.ResetQueryCompilations();

        foreach (var slug in slugs.Skip(2)) await VisitAsync($"/produk/{slug}?first=1");
        await VisitAsync($"/kategori/{StandardCategories.Cakes}?urut=termurah&kabupaten={regency}&stok=ada&first=1");
        await VisitAsync($"/kategori/{StandardCategories.Sewing}?urut=termurah&kelompok={group}&harga-min=10000&kirim=antar&first=1");
        await VisitAsync($"/kategori/{StandardCategories.Handicrafts}?urut=termurah&harga-maks=900000&stok=pesanan&kirim=ambil&first=1");
        Assert.True(factory.QueryCompilations == 0, string.Join("\n----\n", factory.Compiled.Select(m => m.Length > 1500 ? m[..1500] : m)));
    }

    [Fact]
    public async Task A_list_sends_the_predicates_of_its_chosen_filters_only()
    {
        using var client = ShopClient.For(factory);
        string BrowseStatement() => Assert.Single(factory.Commands.Texts, t => t.Contains("LIMIT", StringComparison.Ordinal) && t.Contains("\"Price\"", StringComparison.Ordinal));

        await CommandsForAsync(client, $"/kategori/{StandardCategories.Handicrafts}?tanpa=1", HttpStatusCode.OK);
        var plain = BrowseStatement();
        Assert.DoesNotMatch(@"@\w+ IS (NOT )?NULL", plain); // a filter switched off leaves no trace
        Assert.DoesNotContain("\"Regencies\"", plain, StringComparison.Ordinal);
        Assert.DoesNotContain("\"Groups\"", plain, StringComparison.Ordinal);

        await CommandsForAsync(client, $"/kategori/{StandardCategories.Handicrafts}?kabupaten=banyumas&harga-min=10000&stok=ada", HttpStatusCode.OK);
        var narrowed = BrowseStatement();
        Assert.DoesNotMatch(@"@\w+ IS (NOT )?NULL", narrowed);
        Assert.Contains("\"Regencies\"", narrowed, StringComparison.Ordinal);
        Assert.DoesNotContain("\"Groups\"", narrowed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_place_with_no_goods_in_the_category_answers_an_empty_page_without_reading_the_list()
    {
        using var client = ShopClient.For(factory);
        await CommandsForAsync(client, $"/kategori/{StandardCategories.Cakes}?kabupaten=tidak-ada-di-peta", HttpStatusCode.OK);
        Assert.DoesNotContain(factory.Commands.Texts, t => t.Contains("LEFT JOIN LATERAL", StringComparison.Ordinal)); // the cards' cover photos
        var page = await client.GetDocumentAsync($"/kategori/{StandardCategories.Cakes}?kabupaten=tidak-ada-di-peta&urut=termurah");
        Assert.Empty(page.QuerySelectorAll(".card-grid .product-card"));
        Assert.NotNull(page.QuerySelector("select#kabupaten"));
    }

    [Fact]
    public async Task A_link_to_a_product_not_on_sale_is_answered_from_memory_until_it_is_back_on_sale()
    {
        var paused = await factory.AddListingAsync("Tas Pandan Istirahat", 65_000, StandardCategories.Handicrafts, l => l.Status = ListingStatus.Paused);
        using var client = ShopClient.For(factory);
        var url = "/produk/" + paused.Slug;

        Assert.True(await CommandsForAsync(client, url, HttpStatusCode.OK) > 0);
        // Another address of the same link (the output cache cannot answer it): nothing is read again.
        Assert.Equal(0, await CommandsForAsync(client, url + "?dari=wa", HttpStatusCode.OK));
        Assert.Contains("Tidak tersedia lagi", (await client.GetDocumentAsync(url + "?dari=ig")).QuerySelector("#unavailable-notice")!.TextContent);

        Assert.True(await CommandsForAsync(client, "/produk/tas-pandan-tidak-pernah-ada", HttpStatusCode.NotFound) > 0);
        Assert.Equal(0, await CommandsForAsync(client, "/produk/tas-pandan-tidak-pernah-ada?lagi=1", HttpStatusCode.NotFound));

        // The maker puts it back on sale through the shop: the remembered answer goes with the change.
        await factory.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<MarketplaceDb>();
            var actor = await db.Makers.Where(m => m.Id == paused.MakerId).Select(m => m.PersonId).SingleAsync();
            await services.GetRequiredService<ListingEditor>().ResumeAsync(paused.MakerId, paused.Id, actor);
            return 0;
        });
        var page = await client.GetDocumentAsync(url + "?dari=fb");
        Assert.Null(page.QuerySelector("#unavailable-notice"));
        Assert.NotNull(page.QuerySelector($".buy-bar form.quick-add[action='/keranjang/tambah-cepat/{paused.Id}']"));
    }
}

public class CatalogBulkEvictionTests(CatalogFactory factory) : IClassFixture<CatalogFactory>
{
    [Fact]
    public async Task A_stock_change_by_bulk_update_through_the_shop_evicts_the_product_page()
    {
        var listing = await factory.AddListingAsync("Keripik Pisang Uji Stok", 15_000, StandardCategories.ProcessedFood, l => l.Stock = 9);
        using var client = ShopClient.For(factory);
        var url = "/produk/" + listing.Slug;
        Assert.Contains("9", (await client.GetDocumentAsync(url)).QuerySelector(".product-info .availability")!.TextContent);

        // The bulk update a checkout runs, which raises the stock change itself.
        await factory.WithScopeAsync(async services =>
            await ListingStock.ReserveAsync(services.GetRequiredService<MarketplaceDb>(), listing.Id, 6, services.GetRequiredService<ICatalogChanges>(), CancellationToken.None) ? 1 : 0);

        Assert.Contains("3", (await client.GetDocumentAsync(url)).QuerySelector(".product-info .availability")!.TextContent);
    }
}

/// <summary>The shop as deployed: a page is kept from its second ask, so first visits nobody repeats leave the cache alone.</summary>
public sealed class PageAdmissionFactory : CatalogFactory
{
    protected override bool FirstVisitCached => false;
}

public class PageAdmissionTests(PageAdmissionFactory factory) : IClassFixture<PageAdmissionFactory>
{
    async Task<(int Commands, bool FromCache)> VisitAsync(ShopClient client, string url)
    {
        factory.Commands.Reset();
        var response = await client.Http.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (factory.Commands.Count, response.Headers.Age is not null);
    }

    [Fact]
    public async Task A_page_is_kept_from_its_second_ask()
    {
        using var client = ShopClient.For(factory);
        foreach (var url in new[] { "/?kunjungan=1", $"/kategori/{StandardCategories.Cakes}?kunjungan=1", "/cari?q=kue&kunjungan=1" })
        {
            var first = await VisitAsync(client, url);
            Assert.True(first.Commands > 0 && !first.FromCache, url);
            var second = await VisitAsync(client, url); // asked again: rendered once more, and kept
            Assert.True(second.Commands > 0 && !second.FromCache, url);
            var third = await VisitAsync(client, url);
            Assert.True(third.Commands == 0 && third.FromCache, url);
        }
    }
}
