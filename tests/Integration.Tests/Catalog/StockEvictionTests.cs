using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using PasKreatif.Catalog;
using PasKreatif.Integration.Tests.Checkout;
using PasKreatif.Integration.Tests.Fixtures;

namespace PasKreatif.Integration.Tests.Catalog;

/// <summary>A sale evicts only the product page; selling out evicts the pages showing its card; coming back evicts the lists.</summary>
public class StockEvictionTests(CatalogFactory factory) : IClassFixture<CatalogFactory>
{
    async Task<int> CommandsForAsync(ShopClient client, string url)
    {
        factory.Commands.Reset();
        var response = await client.Http.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return factory.Commands.Count;
    }

    static async Task<string?> CardAvailabilityAsync(ShopClient client, string url, string slug)
    {
        var page = await client.GetDocumentAsync(url);
        return page.QuerySelector($"li.product-card:has(a[href='/produk/{slug}']) .availability")?.TextContent.Trim();
    }

    static async Task<string> StockShownAsync(ShopClient client, string slug) =>
        (await client.GetDocumentAsync("/produk/" + slug)).QuerySelector(".product-info .availability")!.TextContent.Trim();

    static async Task<string> BuyAsync(ShopClient buyer, int listingId, int quantity, string email)
    {
        await Shopping.AddAsync(buyer, listingId, quantity);
        return Shopping.Token(await Shopping.CheckoutAsync(buyer, "BankTransfer", email));
    }

    [Fact]
    public async Task A_sale_that_leaves_stock_evicts_the_product_page_and_no_list()
    {
        var listing = await factory.AddListingAsync("Tas Pandan Uji Sisa", 55_000, StandardCategories.Handicrafts, l => l.Stock = 5);
        // Fresh query strings: entries cached by earlier tests never knew this listing.
        var category = $"/kategori/{StandardCategories.Handicrafts}?uji=sisa";
        var home = "/?uji=sisa";
        using var visitor = ShopClient.For(factory);
        Assert.Equal("Stok tersedia", await CardAvailabilityAsync(visitor, category, listing.Slug));
        await visitor.Http.GetAsync(home);
        Assert.Contains("5", await StockShownAsync(visitor, listing.Slug));
        Assert.Equal(0, await CommandsForAsync(visitor, category));

        using var buyer = ShopClient.For(factory);
        await BuyAsync(buyer, listing.Id, 2, "sisa@contoh.test");
        Assert.Equal(3, await Shopping.StockAsync(factory, listing.Id));

        Assert.Equal(0, await CommandsForAsync(visitor, category)); // the lists stay cached
        Assert.Equal(0, await CommandsForAsync(visitor, home));
        Assert.True(await CommandsForAsync(visitor, "/produk/" + listing.Slug) > 0); // the product page was evicted
        Assert.Contains("3", await StockShownAsync(visitor, listing.Slug));
        Assert.Equal(0, await CommandsForAsync(visitor, "/produk/" + listing.Slug)); // and is cached again
    }

    [Fact]
    public async Task Selling_the_last_unit_evicts_the_lists_and_a_cancellation_back_from_zero_evicts_them_again()
    {
        var listing = await factory.AddListingAsync("Kotak Batik Uji Habis", 65_000, StandardCategories.Handicrafts, l => l.Stock = 2);
        var category = $"/kategori/{StandardCategories.Handicrafts}?uji=habis";
        var inStockOnly = $"/kategori/{StandardCategories.Handicrafts}?stok=ada&uji=habis";
        using var visitor = ShopClient.For(factory);
        Assert.Equal("Stok tersedia", await CardAvailabilityAsync(visitor, category, listing.Slug));
        Assert.NotNull(await CardAvailabilityAsync(visitor, inStockOnly, listing.Slug));
        Assert.Equal(0, await CommandsForAsync(visitor, category));

        using var buyer = ShopClient.For(factory);
        var token = await BuyAsync(buyer, listing.Id, 2, "habis@contoh.test");
        Assert.Equal(0, await Shopping.StockAsync(factory, listing.Id));

        Assert.Equal("Stok habis", await CardAvailabilityAsync(visitor, category, listing.Slug));
        Assert.Null(await CardAvailabilityAsync(visitor, inStockOnly, listing.Slug)); // the in-stock filter no longer counts it
        Assert.Equal("Stok habis", await StockShownAsync(visitor, listing.Slug));

        var cancelled = await Shopping.CancelAsync(buyer, token);
        Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);
        Assert.Equal(2, await Shopping.StockAsync(factory, listing.Id));

        Assert.Equal("Stok tersedia", await CardAvailabilityAsync(visitor, category, listing.Slug));
        Assert.NotNull(await CardAvailabilityAsync(visitor, inStockOnly, listing.Slug));
        Assert.Contains("2", await StockShownAsync(visitor, listing.Slug));
    }

    [Fact]
    public async Task Selling_the_last_unit_keeps_every_page_that_does_not_show_its_card()
    {
        var listing = await factory.AddListingAsync("Kipas Bambu Uji Terakhir", 45_000, StandardCategories.Handicrafts, l => l.Stock = 1);
        var showing = $"/kategori/{StandardCategories.Handicrafts}?uji=terakhir";
        var elsewhere = $"/kategori/{StandardCategories.Sewing}?uji=terakhir";
        var search = "/cari?q=batik&uji=terakhir";
        using var visitor = ShopClient.For(factory);
        Assert.Equal("Stok tersedia", await CardAvailabilityAsync(visitor, showing, listing.Slug));
        Assert.Null(await CardAvailabilityAsync(visitor, elsewhere, listing.Slug));
        await visitor.Http.GetAsync(search);
        Assert.Equal(0, await CommandsForAsync(visitor, elsewhere));

        using var buyer = ShopClient.For(factory);
        await BuyAsync(buyer, listing.Id, 1, "terakhir@contoh.test");
        Assert.Equal(0, await Shopping.StockAsync(factory, listing.Id));

        Assert.Equal(0, await CommandsForAsync(visitor, elsewhere)); // no card of it there: still cached
        Assert.Equal(0, await CommandsForAsync(visitor, search));
        Assert.True(await CommandsForAsync(visitor, showing) > 0);
        Assert.Equal("Stok habis", await CardAvailabilityAsync(visitor, showing, listing.Slug));
    }

    [Fact]
    public void A_notice_to_other_instances_says_which_cards_changed()
    {
        var payload = PasKreatif.Storefront.Hosting.CatalogEvictionNotice.Payload("abc", [CatalogChange.StockLeft(3), CatalogChange.SoldOut(7)]);
        var (sender, changes) = PasKreatif.Storefront.Hosting.CatalogEvictionNotice.Parse(payload);
        var parsed = CatalogEvictionScope.For(changes);
        Assert.Equal("abc", sender);
        Assert.Equal([3, 7], parsed.Listings!);
        Assert.Equal([7], parsed.Cards);
    }

    [Fact]
    public async Task A_cancellation_that_leaves_stock_above_zero_evicts_only_the_product_page()
    {
        var listing = await factory.AddListingAsync("Dompet Rajut Uji Kembali", 35_000, StandardCategories.Handicrafts, l => l.Stock = 4);
        var category = $"/kategori/{StandardCategories.Handicrafts}?uji=kembali";
        using var buyer = ShopClient.For(factory);
        var token = await BuyAsync(buyer, listing.Id, 1, "kembali@contoh.test");
        using var visitor = ShopClient.For(factory);
        Assert.Equal("Stok tersedia", await CardAvailabilityAsync(visitor, category, listing.Slug));
        Assert.Contains("3", await StockShownAsync(visitor, listing.Slug));

        var cancelled = await Shopping.CancelAsync(buyer, token);
        Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);

        Assert.Equal(0, await CommandsForAsync(visitor, category));
        Assert.Contains("4", await StockShownAsync(visitor, listing.Slug));
    }
}
