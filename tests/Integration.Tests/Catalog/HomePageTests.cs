using Microsoft.EntityFrameworkCore;
using PasKreatif.Catalog;
using PasKreatif.Integration.Tests.Fixtures;
using PasKreatif.Media;

namespace PasKreatif.Integration.Tests.Catalog;

public class HomePageTests(ShopFactory factory) : IClassFixture<ShopFactory>
{
    [Fact]
    public async Task The_home_page_lists_the_newest_approved_listings_and_nothing_unapproved()
    {
        using var client = ShopClient.For(factory);
        var page = await client.GetDocumentAsync("/");

        var linked = page.QuerySelectorAll("#new-arrivals .product-card a").Select(a => a.GetAttribute("href")!).ToList();
        await using var db = factory.OpenDb();
        var newest = await db.Listings.Where(l => l.Status == ListingStatus.Approved)
            .OrderByDescending(l => l.PublishedAt).ThenByDescending(l => l.Id).Take(12).Select(l => "/produk/" + l.Slug).ToListAsync();
        Assert.Equal(newest, linked);

        var hidden = await db.Listings.Where(l => l.Status != ListingStatus.Approved).Select(l => "/produk/" + l.Slug).ToListAsync();
        Assert.NotEmpty(hidden);
        Assert.Empty(linked.Intersect(hidden));
        Assert.Contains("Rp", page.QuerySelector(".product-card .price")!.TextContent);
    }

    [Fact]
    public async Task The_page_speaks_Indonesian_by_default_and_English_on_request()
    {
        using var client = ShopClient.For(factory);
        var indonesian = await client.GetDocumentAsync("/");
        Assert.Equal("id", indonesian.DocumentElement.GetAttribute("lang"));
        Assert.Contains("Baru tiba", indonesian.Body!.TextContent);

        var switched = await client.Http.GetAsync("/bahasa/en?kembali=%2F");
        Assert.Equal(System.Net.HttpStatusCode.Redirect, switched.StatusCode);
        var english = await client.GetDocumentAsync("/");
        Assert.Equal("en", english.DocumentElement.GetAttribute("lang"));
        Assert.Contains("New arrivals", english.Body!.TextContent);

        using var browser = ShopClient.For(factory);
        browser.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-GB,en;q=0.9");
        Assert.Equal("en", (await browser.GetDocumentAsync("/")).DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task Health_reports_the_database()
    {
        using var client = ShopClient.For(factory);
        var body = await client.Http.GetStringAsync("/health");
        Assert.Contains("\"status\":\"healthy\"", body);
        Assert.Contains("\"reachable\":true", body);
    }

    [Fact]
    public async Task Photos_are_served_with_long_cache_lifetimes_and_originals_never()
    {
        await using var db = factory.OpenDb();
        var photo = await db.Photos.FirstAsync();
        using var client = ShopClient.For(factory);

        var webp = await client.Http.GetAsync("/media/" + photo.Key(320, "webp"));
        Assert.Equal(System.Net.HttpStatusCode.OK, webp.StatusCode);
        Assert.Equal("image/webp", webp.Content.Headers.ContentType!.MediaType);
        Assert.Contains("immutable", webp.Headers.CacheControl!.ToString());

        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await client.Http.GetAsync("/media/" + photo.OriginalKey)).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await client.Http.GetAsync("/media/p/../" + photo.OriginalKey)).StatusCode);
    }

    [Fact]
    public async Task An_unknown_page_answers_404_with_a_way_back()
    {
        using var client = ShopClient.For(factory);
        var page = await client.GetDocumentAsync("/tidak-ada-halaman-ini", System.Net.HttpStatusCode.NotFound);
        Assert.NotNull(page.QuerySelector("main form[role=search]"));
        Assert.NotNull(page.QuerySelector("main a[href='/']"));
    }
}
