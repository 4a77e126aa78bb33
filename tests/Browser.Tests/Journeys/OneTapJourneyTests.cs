using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using PasKreatif.Catalog;

namespace PasKreatif.Browser.Tests.Journeys;

/// <summary>The buyer's side on a 360 px phone: a one-line header, one tap to the cart from a category card.</summary>
[Collection(BrowserCollection.Name)]
public class OneTapJourneyTests(BrowserFixture fixture)
{
    [Fact]
    public async Task One_tap_on_a_category_card_adds_the_item_shows_a_note_and_the_header_count_follows()
    {
        string category;
        await using (var db = fixture.Shop.OpenDb())
            category = await db.Listings.Where(l => l.Status == ListingStatus.Approved && !l.MadeToOrder && l.Stock >= 3)
                .GroupBy(l => l.Category!.Slug).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync();
        var page = await fixture.NewPageAsync();
        await page.GotoAsync($"/kategori/{category}");
        Assert.True(await page.Locator("[data-cart-count]").IsHiddenAsync()); // a first visit asks for no count

        var card = page.Locator(".product-card", new() { Has = page.Locator("form.quick-add") }).First;
        var title = (await card.Locator(".title").TextContentAsync())!.Trim();
        await card.GetByRole(AriaRole.Button).ClickAsync();
        await page.Locator("#cart-toast").WaitForAsync(new() { State = WaitForSelectorState.Visible });
        Assert.Contains(title + " masuk ke keranjang", await page.Locator("#cart-toast").TextContentAsync());
        Assert.Equal("1", (await page.Locator("[data-cart-count]").TextContentAsync())?.Trim());
        Assert.EndsWith($"/kategori/{category}", page.Url); // no second page
        await CheckoutJourneyTests.AssertFitsAndPassesAxeAsync(page, "one-tap-category-360");

        await card.GetByRole(AriaRole.Button).ClickAsync();
        await page.WaitForFunctionAsync("() => document.querySelector('[data-cart-count]').textContent === '2'");

        // The count is the visitor's own even on the cached page of the next visit.
        await page.GotoAsync("/");
        await page.WaitForFunctionAsync("() => document.querySelector('[data-cart-count]').textContent === '2'");
        await page.Locator("a.cart-link").ClickAsync();
        await page.WaitForURLAsync("**/keranjang");
        Assert.Contains(title, await page.Locator("main").TextContentAsync());
    }

    [Fact]
    public async Task The_phone_header_is_one_line_and_its_menu_holds_account_language_and_zone()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/");
        var tops = new List<double>();
        foreach (var selector in new[] { ".site-header .brand", ".site-header .site-search input", ".site-header a.cart-link", "details.site-menu > summary" })
            tops.Add((await page.Locator(selector).BoundingBoxAsync())!.Y);
        var header = (await page.Locator(".site-header").BoundingBoxAsync())!;
        Assert.True(header.Height <= 64, $"The header is {header.Height}px high.");
        Assert.True(tops.Max() - tops.Min() < 20, "Header items sit on several lines: " + string.Join(", ", tops));

        await BrowserFixture.OpenMenuAsync(page);
        foreach (var name in new[] { "Masuk", "English", "Semua kategori", "Program" })
            Assert.True(await page.Locator(".site-menu-panel").GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).IsVisibleAsync(), name);
        Assert.True(await page.Locator(".site-menu-panel .zone-selector").IsVisibleAsync());
        await CheckoutJourneyTests.AssertFitsAndPassesAxeAsync(page, "header-menu-open-360");
    }
}
