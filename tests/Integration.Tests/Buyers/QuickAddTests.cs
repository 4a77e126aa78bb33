using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PasKreatif.Catalog;
using PasKreatif.Integration.Tests.Checkout;
using PasKreatif.Integration.Tests.Fixtures;
using PasKreatif.Orders;

namespace PasKreatif.Integration.Tests.Buyers;

public class QuickAddTests(CheckoutShopFactory factory) : IClassFixture<CheckoutShopFactory>
{
    static HttpRequestMessage Post(int listingId, string? origin, bool json = true, string? fetchSite = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/keranjang/tambah-cepat/{listingId}") { Content = new FormUrlEncodedContent([]) };
        if (origin is not null) request.Headers.Add("Origin", origin);
        if (fetchSite is not null) request.Headers.Add("Sec-Fetch-Site", fetchSite);
        if (json) request.Headers.Add("Accept", "application/json");
        return request;
    }

    async Task<int> LinesAsync(int listingId)
    {
        await using var db = factory.OpenDb();
        return await db.CartLines.Where(l => l.ListingId == listingId).SumAsync(l => l.Quantity);
    }

    [Fact]
    public async Task One_tap_on_a_cached_category_page_adds_the_item_and_the_count_follows()
    {
        var listing = await Shopping.ListingAsync(factory, "pembuat2", stock: 5);
        await using (var db = factory.OpenDb())
        {
            var category = await db.Categories.Where(c => c.Id == listing.CategoryId).Select(c => c.Slug).SingleAsync();
            using var visitor = ShopClient.For(factory);
            var first = await visitor.Http.GetStringAsync($"/kategori/{category}");
            // The cached page carries no token and no per-visitor count, only the plain form.
            Assert.Contains($"action=\"/keranjang/tambah-cepat/{listing.Id}\"", first);
            Assert.DoesNotContain("__RequestVerificationToken", first);
        }

        using var buyer = ShopClient.For(factory);
        var added = await buyer.Http.SendAsync(Post(listing.Id, "http://localhost"));
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        var body = await added.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(body.GetProperty("added").GetBoolean());
        Assert.Equal(1, body.GetProperty("count").GetInt32());
        Assert.Contains("masuk ke keranjang", body.GetProperty("message").GetString());
        Assert.Contains(added.Headers.GetValues("Set-Cookie"), c => c.StartsWith("pk_cart=1", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.OK, (await buyer.Http.SendAsync(Post(listing.Id, null, fetchSite: "same-origin"))).StatusCode);
        var count = await buyer.Http.GetFromJsonAsync<JsonElement>("/keranjang/jumlah");
        Assert.Equal(2, count.GetProperty("count").GetInt32());
        Assert.NotNull((await buyer.GetDocumentAsync("/keranjang")).QuerySelector($"li[data-listing='{listing.Id}'] input[value='2']"));
    }

    [Fact]
    public async Task A_cross_site_post_is_refused_even_with_the_cart_cookie_and_nothing_is_added()
    {
        var listing = await Shopping.ListingAsync(factory, "pembuat3", stock: 5);
        using var victim = ShopClient.For(factory);
        await victim.SignInAsync("pembeli4");
        await Shopping.AddAsync(victim, (await Shopping.ListingAsync(factory, "pembuat4", stock: 5)).Id);
        var before = await LinesAsync(listing.Id);

        // A browser that ignored SameSite would still send the Origin of the other site.
        var forged = await victim.Http.SendAsync(Post(listing.Id, "https://jahat.example", json: false));
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        var fetched = await victim.Http.SendAsync(Post(listing.Id, null, fetchSite: "cross-site"));
        Assert.Equal(HttpStatusCode.Forbidden, fetched.StatusCode);
        var nullOrigin = await victim.Http.SendAsync(Post(listing.Id, "null"));
        Assert.Equal(HttpStatusCode.Forbidden, nullOrigin.StatusCode);
        Assert.Equal(before, await LinesAsync(listing.Id));

        // Without any word of where it came from, the post adds nothing and sends the visitor to the page with the real form.
        var silent = await victim.Http.SendAsync(Post(listing.Id, null, json: false));
        Assert.Equal(HttpStatusCode.Redirect, silent.StatusCode);
        Assert.Equal($"/keranjang/tambah/{listing.Id}", silent.Headers.Location!.OriginalString);
        Assert.Equal(before, await LinesAsync(listing.Id));
    }

    [Fact]
    public async Task Without_javascript_the_form_lands_on_the_cart_with_the_note_and_problems_are_told_plainly()
    {
        var listing = await Shopping.ListingAsync(factory, "pembuat5", stock: 1);
        using var buyer = ShopClient.For(factory);
        var plain = await buyer.Http.SendAsync(Post(listing.Id, "http://localhost", json: false));
        Assert.Equal(HttpStatusCode.Redirect, plain.StatusCode);
        Assert.Equal("/keranjang", plain.Headers.Location!.OriginalString);
        Assert.Contains($"{listing.Title} masuk ke keranjang", WebUtility.HtmlDecode(await buyer.Http.GetStringAsync("/keranjang")));

        var second = await buyer.Http.SendAsync(Post(listing.Id, "http://localhost"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, second.StatusCode);
        var body = await second.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(body.GetProperty("added").GetBoolean());
        Assert.Contains("Stoknya tidak cukup", body.GetProperty("message").GetString());
        Assert.Equal(1, body.GetProperty("count").GetInt32());

        using var english = ShopClient.For(factory);
        english.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var en = await english.Http.SendAsync(Post(listing.Id, "http://localhost"));
        Assert.Contains("in your cart", (await en.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("message").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await buyer.Http.SendAsync(Post(99999999, "http://localhost"))).StatusCode);
    }

    [Fact]
    public async Task Signing_out_detaches_the_cart_so_the_next_visitor_of_the_browser_starts_empty()
    {
        var listing = await Shopping.ListingAsync(factory, "pembuat6", stock: 5);
        using var browser = ShopClient.For(factory);
        await browser.SignInAsync("pembeli5");
        Assert.Equal(HttpStatusCode.OK, (await browser.Http.SendAsync(Post(listing.Id, "http://localhost"))).StatusCode);
        Assert.NotNull((await browser.GetDocumentAsync("/keranjang")).QuerySelector($"li[data-listing='{listing.Id}']"));

        var signOut = await browser.SubmitAsync("/keluar", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Contains(signOut.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".PasKreatif.Cart=;", StringComparison.Ordinal));
        Assert.Contains("masih kosong", await browser.Http.GetStringAsync("/keranjang"));
        Assert.Equal(0, (await browser.Http.GetFromJsonAsync<JsonElement>("/keranjang/jumlah")).GetProperty("count").GetInt32());

        // The account keeps its cart: signing in again brings it back.
        await browser.SignInAsync("pembeli5");
        Assert.NotNull((await browser.GetDocumentAsync("/keranjang")).QuerySelector($"li[data-listing='{listing.Id}']"));
    }
}

public class ValidationMessageTests(ShopFactory factory) : IClassFixture<ShopFactory>
{
    [Fact]
    public async Task The_quantity_field_speaks_the_pages_language_in_the_browser_and_on_the_server()
    {
        var listing = await Shopping.ListingAsync(factory, "pembuat7", stock: 5);
        using var buyer = ShopClient.For(factory);
        var page = await buyer.GetDocumentAsync($"/keranjang/tambah/{listing.Id}");
        var quantity = page.QuerySelector("input[name=Quantity]")!;
        Assert.Equal("Wajib diisi.", quantity.GetAttribute("data-val-required"));
        Assert.Equal("Wajib diisi.", page.Body!.GetAttribute("data-msg-required"));
        Assert.NotNull(page.QuerySelector("script[src^='/js/forms.js']"));

        foreach (var (typed, expected) in new[] { ("", "Wajib diisi."), ("dua", "Isian ini belum benar.") })
        {
            var response = await buyer.SubmitAsync($"/keranjang/tambah/{listing.Id}", new Dictionary<string, string> { ["Quantity"] = typed });
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            Assert.Contains(expected, html);
            Assert.DoesNotContain("field is required", html);
            Assert.DoesNotContain("is not valid", html);
        }
        Assert.Contains("masih kosong", await buyer.Http.GetStringAsync("/keranjang")); // a bad quantity added nothing

        using var english = ShopClient.For(factory);
        english.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var en = await english.GetDocumentAsync($"/keranjang/tambah/{listing.Id}");
        Assert.Equal("This field is required.", en.QuerySelector("input[name=Quantity]")!.GetAttribute("data-val-required"));
        Assert.Equal("Please enter a number.", en.Body!.GetAttribute("data-msg-number"));
    }
}
