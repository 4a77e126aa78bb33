using System.Net;
using Microsoft.EntityFrameworkCore;
using PasKreatif.Catalog;
using PasKreatif.Integration.Tests.Fixtures;
using PasKreatif.Orders;

namespace PasKreatif.Integration.Tests.Checkout;

public class CartTests(CheckoutShopFactory factory) : IClassFixture<CheckoutShopFactory>
{
    [Fact]
    public async Task The_cart_tells_plainly_when_a_price_changed_or_an_item_sold_out()
    {
        var cheaper = await Shopping.ListingAsync(factory, "pembuat2", stock: 5);
        var scarce = await Shopping.ListingAsync(factory, "pembuat3", stock: 2);
        using var buyer = ShopClient.For(factory);
        await Shopping.AddAsync(buyer, cheaper.Id, 1);
        await Shopping.AddAsync(buyer, scarce.Id, 2);
        Assert.Contains("Lanjut ke checkout", await buyer.Http.GetStringAsync("/keranjang"));

        await using (var db = factory.OpenDb())
        {
            await db.Listings.Where(l => l.Id == cheaper.Id).ExecuteUpdateAsync(s => s.SetProperty(l => l.Price, cheaper.Price + Money.Of(5_000)));
            await db.Listings.Where(l => l.Id == scarce.Id).ExecuteUpdateAsync(s => s.SetProperty(l => l.Stock, 0));
        }
        var page = await buyer.GetDocumentAsync("/keranjang");
        var changed = page.QuerySelector($"li[data-listing='{cheaper.Id}'] .price-changed")!.TextContent;
        Assert.Contains(cheaper.Price.ToString(), changed);
        Assert.Contains((cheaper.Price + Money.Of(5_000)).ToString(), changed);
        Assert.Contains("habis", page.QuerySelector($"li[data-listing='{scarce.Id}']")!.TextContent);
        Assert.Null(page.QuerySelector("a[href='/checkout']"));
        Assert.Equal((cheaper.Price + Money.Of(5_000)).ToString(), page.QuerySelector("#cart-subtotal")!.TextContent);

        // A sold-out cart cannot be checked out even by posting directly.
        var forced = await buyer.PostWithTokenAsync("/checkout", new Dictionary<string, string>
        {
            ["Name"] = "Sari", ["Phone"] = "081234567890", ["Email"] = "paksa@contoh.test", ["Address"] = "Jl. Mawar No. 1, Wonosari",
            ["Zone"] = "WIB", ["Method"] = "BankTransfer",
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, forced.StatusCode);
        await using var check = factory.OpenDb();
        Assert.False(await check.Orders.AnyAsync(o => o.BuyerEmail == "paksa@contoh.test"));

        var removed = await buyer.SubmitAsync("/keranjang", new Dictionary<string, string>(), $"li[data-listing='{scarce.Id}'] form[action*=Remove]");
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.NotNull((await buyer.GetDocumentAsync("/keranjang")).QuerySelector("a[href='/checkout']"));
    }

    [Fact]
    public async Task Adding_more_than_the_stock_or_an_unknown_listing_is_refused()
    {
        var listing = await Shopping.ListingAsync(factory, "pembuat4", stock: 2);
        using var buyer = ShopClient.For(factory);
        var tooMany = await buyer.SubmitAsync($"/keranjang/tambah/{listing.Id}", new Dictionary<string, string> { ["Quantity"] = "3" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooMany.StatusCode);
        Assert.Contains("Stoknya tidak cukup", await tooMany.Content.ReadAsStringAsync());
        var none = await buyer.SubmitAsync($"/keranjang/tambah/{listing.Id}", new Dictionary<string, string> { ["Quantity"] = "0" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, none.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await buyer.Http.GetAsync("/keranjang/tambah/99999999")).StatusCode);
        Assert.Contains("masih kosong", await buyer.Http.GetStringAsync("/keranjang"));
    }

    [Fact]
    public async Task A_visitors_cart_joins_the_account_cart_on_sign_in_and_the_buyer_finds_their_orders()
    {
        var earlier = await Shopping.ListingAsync(factory, "pembuat5", stock: 5);
        var later = await Shopping.ListingAsync(factory, "pembuat6", stock: 5);
        using (var otherDevice = ShopClient.For(factory))
        {
            await otherDevice.SignInAsync("pembeli3");
            await Shopping.AddAsync(otherDevice, earlier.Id, 1);
        }

        using var buyer = ShopClient.For(factory);
        await Shopping.AddAsync(buyer, later.Id, 2);
        Assert.Equal(HttpStatusCode.Redirect, (await buyer.SignInAsync("pembeli3")).StatusCode);
        var cart = await buyer.GetDocumentAsync("/keranjang");
        Assert.NotNull(cart.QuerySelector($"li[data-listing='{earlier.Id}']"));
        Assert.NotNull(cart.QuerySelector($"li[data-listing='{later.Id}']"));

        var token = Shopping.Token(await Shopping.CheckoutAsync(buyer, "BankTransfer", "pembeli3@contoh.test"));
        var order = await Shopping.OrderAsync(factory, token);
        Assert.NotNull(order.BuyerId);
        Assert.Equal(2, order.Fulfilments.Count);
        var list = await buyer.GetDocumentAsync("/pesanan");
        Assert.NotNull(list.QuerySelector($"a[href='/pesanan/{token}']"));

        using var guest = ShopClient.For(factory);
        var refused = await guest.Http.GetAsync("/pesanan");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/masuk", refused.Headers.Location!.PathAndQuery);
    }
}
