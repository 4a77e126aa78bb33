using Microsoft.EntityFrameworkCore;
using PasKreatif.Catalog;
using PasKreatif.Integration.Tests.Fixtures;

namespace PasKreatif.Integration.Tests.Trust;

public class SharingTests(ShopFactory factory) : IClassFixture<ShopFactory>
{
    const string BaseUrl = "http://127.0.0.1:5080"; // Shop:BaseUrl's default, as the tests run

    [Fact]
    public async Task Product_maker_and_programme_pages_share_their_canonical_address_by_WhatsApp_and_as_a_link_to_copy()
    {
        await using var db = factory.OpenDb();
        var listing = await db.Listings.Where(l => l.Status == PasKreatif.Catalog.ListingStatus.Approved && l.Photos.Any())
            .Select(l => new { l.Slug, l.Title, Maker = l.Maker!.Slug, MakerName = l.Maker.DisplayName, Programme = l.Programme!.Slug, ProgrammeName = l.Programme.Name })
            .OrderBy(l => l.Slug).FirstAsync();
        using var visitor = ShopClient.For(factory);
        foreach (var (path, title) in new[] { ($"/produk/{listing.Slug}", listing.Title), ($"/pembuat/{listing.Maker}", listing.MakerName), ($"/program/{listing.Programme}", listing.ProgrammeName) })
        {
            var page = await visitor.GetDocumentAsync(path);
            var canonical = page.QuerySelector("link[rel=canonical]")!.GetAttribute("href")!;
            Assert.Equal(BaseUrl + path, canonical);
            var share = page.QuerySelector("a.share-whatsapp")!.GetAttribute("href")!;
            Assert.StartsWith("https://wa.me/?text=", share);
            Assert.Equal($"{title} {canonical}", Uri.UnescapeDataString(share["https://wa.me/?text=".Length..]));
            Assert.Contains(Uri.EscapeDataString(canonical), share);
            Assert.Equal(canonical, page.QuerySelector("input.share-url")!.GetAttribute("value"));
            Assert.Equal(canonical, page.QuerySelector("button.copy-link")!.GetAttribute("data-copy"));
            Assert.NotNull(page.QuerySelector("script[src^='/js/share.js']"));
        }
        var product = await visitor.GetDocumentAsync($"/produk/{listing.Slug}");
        var image = product.QuerySelector("meta[property='og:image']")!.GetAttribute("content")!;
        Assert.StartsWith(BaseUrl + "/media/", image);
        var first = product.QuerySelector(".gallery img")!.GetAttribute("src")!;
        Assert.Equal(first.Split('/')[^1].Split('-')[0], image.Split('/')[^1].Split('-')[0]); // the product's own first photo
    }
}
