using Deque.AxeCore.Playwright;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using PasKreatif.Catalog;

namespace PasKreatif.Browser.Tests.Journeys;

[Collection(BrowserCollection.Name)]
public class CatalogJourneyTests(BrowserFixture fixture)
{
    async Task<string> ProductSlugAsync()
    {
        await using var db = fixture.Shop.OpenDb();
        return await db.Listings.Where(l => l.Status == ListingStatus.Approved && l.Photos.Count > 1 && !l.MadeToOrder && l.Stock > 0)
            .OrderBy(l => l.Id).Select(l => l.Slug).FirstAsync();
    }

    static async Task AssertFitsAndPassesAxeAsync(IPage page, int width, string name)
    {
        var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"{name}: the page is {overflow}px wider than the {width}px screen.");
        var unsized = await page.EvaluateAsync<int>("[...document.images].filter(i => !i.getAttribute('width') || !i.getAttribute('height')).length");
        Assert.Equal(0, unsized);
        var axe = await page.RunAxe();
        var serious = axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Take(3).Select(n => n.Html))})").ToList();
        Assert.True(serious.Count == 0, name + ":\n" + string.Join("\n", serious));
        await BrowserFixture.ScreenshotAsync(page, name);
    }

    [Theory]
    [InlineData(360, 740)]
    [InlineData(1280, 800)]
    public async Task Home_category_search_and_product_pages_fit_the_screen_and_pass_axe(int width, int height)
    {
        var slug = await ProductSlugAsync();
        var page = await fixture.NewPageAsync(width, height);
        foreach (var (url, name) in new[]
                 {
                     ("/", "catalog-home"), ($"/kategori/{StandardCategories.Handicrafts}?stok=ada", "catalog-category"),
                     ("/cari?q=tas+daur+ulang", "catalog-search"), ("/cari?q=kerjnan+tngan+bmbo", "catalog-search-empty"),
                     ($"/produk/{slug}", "catalog-product"),
                 })
        {
            var response = await page.GotoAsync(url);
            Assert.Equal(200, response!.Status);
            await AssertFitsAndPassesAxeAsync(page, width, $"{name}-{width}x{height}");
        }
    }

    [Fact]
    public async Task A_buyer_goes_from_a_category_through_a_filter_to_a_product_and_its_add_to_cart_link()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/");
        await page.Locator(".chip-list a").First.ClickAsync();
        await page.WaitForURLAsync("**/kategori/**");

        await page.Locator("details.catalog-filters summary").ClickAsync();
        await page.SelectOptionAsync("#urut", "termurah");
        await page.GetByRole(AriaRole.Button, new() { Name = "Terapkan" }).ClickAsync();
        await page.WaitForURLAsync("**urut=termurah**");
        var prices = await page.Locator(".card-grid .product-card .price").AllTextContentsAsync();
        var amounts = prices.Select(p => decimal.Parse(p.Replace("Rp", "").Replace(".", ""))).ToList();
        Assert.NotEmpty(amounts);
        Assert.Equal(amounts.OrderBy(a => a), amounts);

        await page.Locator(".card-grid .product-card a").First.ClickAsync();
        await page.WaitForURLAsync("**/produk/**");
        var add = page.Locator(".buy-bar form.quick-add");
        if (await add.CountAsync() > 0)
            Assert.Matches(@"^/keranjang/tambah-cepat/\d+$", await add.GetAttributeAsync("action"));
        Assert.True(await page.Locator(".gallery img").First.IsVisibleAsync());
        await BrowserFixture.ScreenshotAsync(page, "catalog-journey-product-360x740");
    }

    [Fact]
    public async Task The_zone_selector_shows_times_in_the_chosen_zone_and_keeps_it()
    {
        var slug = await ProductSlugAsync();
        var page = await fixture.NewPageAsync(1280, 800);
        await page.GotoAsync($"/produk/{slug}");
        Assert.EndsWith(" WIB", await page.Locator(".maker-facts time").TextContentAsync());
        await BrowserFixture.OpenMenuAsync(page);
        await page.Locator(".zone-selector a", new() { HasTextString = "WIT" }).Last.ClickAsync();
        await page.WaitForURLAsync($"**/produk/{slug}");
        Assert.EndsWith(" WIT", await page.Locator(".maker-facts time").TextContentAsync());
        await page.GotoAsync("/");
        Assert.Equal("WIT", await page.Locator(".zone-selector a[aria-current=true]").TextContentAsync());
    }
}
