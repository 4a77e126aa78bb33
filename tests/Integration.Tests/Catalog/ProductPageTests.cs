using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using PasKreatif.Catalog;
using PasKreatif.Integration.Tests.Fixtures;
using PasKreatif.Makers;
using PasKreatif.Organisation;

namespace PasKreatif.Integration.Tests.Catalog;

public class ProductPageTests(CatalogFactory factory) : IClassFixture<CatalogFactory>
{
    [Fact]
    public async Task A_card_links_its_product_and_its_one_tap_form_falls_back_to_the_add_page()
    {
        var listing = await factory.AddListingAsync("Keranjang Rotan Kecil", 45_000, StandardCategories.Handicrafts, l => l.Stock = 3);
        using var client = ShopClient.For(factory);

        var page = await client.GetDocumentAsync("/kategori/" + StandardCategories.Handicrafts + "?urut=terbaru");

        var card = page.QuerySelectorAll(".product-card").Single(c => c.QuerySelector(".title")!.TextContent.Contains("Keranjang Rotan Kecil"));
        Assert.Equal("/produk/" + listing.Slug, card.QuerySelector("a")!.GetAttribute("href"));
        var add = card.QuerySelector("form.quick-add")!;
        Assert.Equal("post", add.GetAttribute("method"));
        Assert.Equal($"/keranjang/tambah-cepat/{listing.Id}", add.GetAttribute("action"));
        Assert.Equal($"/keranjang/tambah/{listing.Id}", add.GetAttribute("data-fallback"));
        Assert.Null(card.QuerySelector("input[name=__RequestVerificationToken]"));
    }

    [Fact]
    public async Task A_product_page_shows_price_stock_delivery_maker_programme_and_a_one_tap_add_to_cart()
    {
        var listing = await factory.AddListingAsync("Tas Rajut Benang Nilon", 85_000, StandardCategories.Handicrafts, l => l.Stock = 7);
        await using var db = factory.OpenDb();
        var maker = await db.Makers.Where(m => m.Id == listing.MakerId).Select(m => new { m.DisplayName, m.Slug, Regency = m.Regency!.Name }).SingleAsync();
        var programme = await db.Programmes.Where(p => p.Id == listing.ProgrammeId).Select(p => new { p.Name, p.Slug, p.Story }).SingleAsync();
        using var client = ShopClient.For(factory);

        var page = await client.GetDocumentAsync("/produk/" + listing.Slug);

        Assert.Equal("Tas Rajut Benang Nilon", page.QuerySelector("main h1")!.TextContent.Trim());
        Assert.Contains("Rp85.000", page.QuerySelector(".product-info .price")!.TextContent);
        Assert.Contains("7", page.QuerySelector(".product-info .availability")!.TextContent);
        var delivery = page.QuerySelectorAll(".delivery-options li").Select(li => li.TextContent).ToList();
        Assert.Equal(2, delivery.Count);
        // One tap, from a cached page: the form has no token (its origin is checked) and falls back to the token form.
        var add = page.QuerySelector(".buy-bar form.quick-add")!;
        Assert.Equal($"/keranjang/tambah-cepat/{listing.Id}", add.GetAttribute("action"));
        Assert.Equal($"/keranjang/tambah/{listing.Id}", add.GetAttribute("data-fallback"));
        Assert.Null(page.QuerySelector("main input[name=__RequestVerificationToken]"));
        Assert.Equal("/pembuat/" + maker.Slug, page.QuerySelector($"main a[href='/pembuat/{maker.Slug}']")!.GetAttribute("href"));
        Assert.Contains(maker.Regency, page.QuerySelector(".maker-facts")!.TextContent);
        Assert.NotNull(page.QuerySelector($"main a[href='/program/{programme.Slug}']"));
        Assert.Contains(programme.Story, page.QuerySelector(".programme-story")!.TextContent);
    }

    [Fact]
    public async Task A_made_to_order_listing_shows_its_lead_time()
    {
        var listing = await factory.AddListingAsync("Pagar Besi Lipat Pesanan", 1_250_000, StandardCategories.Welding, l => { l.MadeToOrder = true; l.Stock = 0; l.LeadTimeDays = 10; });
        using var client = ShopClient.For(factory);
        var page = await client.GetDocumentAsync("/produk/" + listing.Slug);
        Assert.Contains("10 hari", page.QuerySelector(".product-info .availability")!.TextContent);
    }

    [Fact]
    public async Task The_gallery_offers_320_640_1280_in_WebP_with_JPEG_fallback_and_sized_images()
    {
        await using var db = factory.OpenDb();
        var listing = await db.Listings.Where(l => l.Status == ListingStatus.Approved && l.Photos.Count(p => p.RevisionId == null) > 1)
            .Select(l => new { l.Slug, Photo = l.Photos.Where(p => p.RevisionId == null).OrderBy(p => p.Position).Select(p => p.Photo!).First() }).FirstAsync();
        using var client = ShopClient.For(factory);
        var page = await client.GetDocumentAsync("/produk/" + listing.Slug);

        var first = page.QuerySelector(".gallery picture")!;
        var webp = first.QuerySelector("source[type='image/webp']")!.GetAttribute("srcset")!;
        foreach (var width in PasKreatif.Media.PhotoSizes.Widths)
            Assert.Contains(listing.Photo.Key(width, "webp"), webp);
        var img = first.QuerySelector("img")!;
        Assert.Contains(listing.Photo.Key(1280, "jpg"), img.GetAttribute("srcset"));
        var shownWidth = int.Parse(img.GetAttribute("width")!);
        var shownHeight = int.Parse(img.GetAttribute("height")!);
        Assert.Equal(Math.Min(640, listing.Photo.Width), shownWidth);
        Assert.Equal(Math.Round(shownWidth * (double)listing.Photo.Height / listing.Photo.Width), shownHeight);
        Assert.All(page.QuerySelectorAll("img"), i => { Assert.NotNull(i.GetAttribute("width")); Assert.NotNull(i.GetAttribute("height")); });

        // Cards use the 320 px WebP with a JPEG fallback.
        var card = page.QuerySelector(".product-card picture");
        if (card is not null)
        {
            Assert.EndsWith("-320.webp", card.QuerySelector("source")!.GetAttribute("srcset"));
            Assert.EndsWith("-320.jpg", card.QuerySelector("img")!.GetAttribute("src"));
        }
    }

    [Fact]
    public async Task Title_description_canonical_Open_Graph_and_Product_JSON_LD_parse_back()
    {
        var listing = await factory.AddListingAsync("Lukisan Sawah <Pagi>", 750_000, StandardCategories.Paintings, l => l.Stock = 1,
            description: "Lukisan cat minyak tentang sawah di pagi hari. </script><b>tebal</b>");
        using var client = ShopClient.For(factory);
        var page = await client.GetDocumentAsync("/produk/" + listing.Slug);

        Assert.StartsWith("Lukisan Sawah <Pagi>", page.Title);
        var canonical = page.QuerySelector("link[rel=canonical]")!.GetAttribute("href")!;
        Assert.Equal("http://127.0.0.1:5080/produk/" + listing.Slug, canonical);
        Assert.StartsWith("Lukisan cat minyak", page.QuerySelector("meta[name=description]")!.GetAttribute("content"));
        Assert.Equal("product", page.QuerySelector("meta[property='og:type']")!.GetAttribute("content"));
        Assert.Equal("Lukisan Sawah <Pagi>", page.QuerySelector("meta[property='og:title']")!.GetAttribute("content"));
        Assert.Equal(canonical, page.QuerySelector("meta[property='og:url']")!.GetAttribute("content"));
        Assert.Null(page.QuerySelector("main b"));

        var scripts = page.QuerySelectorAll("script[type='application/ld+json']").ToList();
        var script = Assert.Single(scripts);
        using var json = JsonDocument.Parse(script.TextContent);
        var root = json.RootElement;
        Assert.Equal("Product", root.GetProperty("@type").GetString());
        Assert.Equal("Lukisan Sawah <Pagi>", root.GetProperty("name").GetString());
        Assert.Contains("</script>", root.GetProperty("description").GetString());
        var offer = root.GetProperty("offers");
        Assert.Equal("IDR", offer.GetProperty("priceCurrency").GetString());
        Assert.Equal("750000", offer.GetProperty("price").GetString());
        Assert.Equal("https://schema.org/InStock", offer.GetProperty("availability").GetString());
    }

    [Fact]
    public async Task A_sold_out_listing_says_so_in_the_page_and_the_JSON_LD()
    {
        var listing = await factory.AddListingAsync("Nastar Keju Habis", 70_000, StandardCategories.Cakes, l => l.Stock = 0);
        using var client = ShopClient.For(factory);
        var page = await client.GetDocumentAsync("/produk/" + listing.Slug);
        using var json = JsonDocument.Parse(page.QuerySelector("script[type='application/ld+json']")!.TextContent);
        Assert.Equal("https://schema.org/OutOfStock", json.RootElement.GetProperty("offers").GetProperty("availability").GetString());
        Assert.Null(page.QuerySelector(".buy-bar a[href^='/keranjang/']"));
    }

    [Fact]
    public async Task Unapproved_and_unknown_listings_answer_a_helpful_404()
    {
        await using var db = factory.OpenDb();
        // Never public; a paused or archived one says "no longer available" instead (Buyers/ShopPagesTests).
        var hidden = await db.Listings.Where(l => l.Status == ListingStatus.Draft || l.Status == ListingStatus.Submitted || l.Status == ListingStatus.Rejected)
            .Select(l => l.Slug).ToListAsync();
        Assert.NotEmpty(hidden);
        using var client = ShopClient.For(factory);
        foreach (var slug in hidden.Take(5))
            await client.GetDocumentAsync("/produk/" + slug, HttpStatusCode.NotFound);

        var page = await client.GetDocumentAsync("/produk/tas-yang-tidak-ada", HttpStatusCode.NotFound);
        Assert.NotNull(page.QuerySelector("main form[role=search]"));
        Assert.Equal("tas yang tidak ada", page.QuerySelector("main input[name=q]")!.GetAttribute("value"));
        Assert.NotEmpty(page.QuerySelectorAll("main a[href^='/kategori/']"));
        await client.GetDocumentAsync("/kategori/tidak-ada", HttpStatusCode.NotFound);
        await client.GetDocumentAsync("/program/tidak-ada", HttpStatusCode.NotFound);
        await client.GetDocumentAsync("/pembuat/tidak-ada", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_sitemap_lists_every_public_page_and_robots_txt_points_to_it()
    {
        using var client = ShopClient.For(factory);
        var xml = XDocument.Parse(await client.Http.GetStringAsync("/sitemap.xml"));
        XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var locations = xml.Descendants(ns + "loc").Select(l => l.Value).ToHashSet();

        await using var db = factory.OpenDb();
        foreach (var slug in await db.Listings.Where(l => l.Status == ListingStatus.Approved).Select(l => l.Slug).ToListAsync())
            Assert.Contains("http://127.0.0.1:5080/produk/" + slug, locations);
        foreach (var slug in await db.Listings.Where(l => l.Status != ListingStatus.Approved).Select(l => l.Slug).ToListAsync())
            Assert.DoesNotContain("http://127.0.0.1:5080/produk/" + slug, locations);
        foreach (var slug in await db.Categories.Select(c => c.Slug).ToListAsync())
            Assert.Contains("http://127.0.0.1:5080/kategori/" + slug, locations);
        foreach (var slug in await db.Programmes.Select(p => p.Slug).ToListAsync())
            Assert.Contains("http://127.0.0.1:5080/program/" + slug, locations);

        var robots = await client.Http.GetStringAsync("/robots.txt");
        Assert.Contains("Sitemap: http://127.0.0.1:5080/sitemap.xml", robots);
        Assert.Contains("Disallow: /admin", robots);
        Assert.Contains("Disallow: /checkout", robots);
        // The cart and the workspace only ever show a crawler an empty cart or the sign-in page.
        Assert.DoesNotContain("Disallow: /keranjang", robots);
        Assert.DoesNotContain("Disallow: /toko-saya", robots);
    }
}
