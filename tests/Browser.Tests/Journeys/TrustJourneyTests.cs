using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using PasKreatif.Integration.Tests.Trust;

namespace PasKreatif.Browser.Tests.Journeys;

[Collection(BrowserCollection.Name)]
public class TrustJourneyTests(BrowserFixture fixture)
{
    static async Task SignInAsync(IPage page, string login, string landing)
    {
        await page.GotoAsync("/masuk");
        await page.GetByLabel("Nama pengguna atau email").FillAsync(login);
        await page.GetByLabel("Kata sandi").FillAsync("PasKreatif-2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Masuk" }).ClickAsync();
        await page.WaitForURLAsync(landing);
    }

    static async Task NoSeriousAxeViolationsAsync(IPage page)
    {
        var axe = await page.RunAxe();
        var serious = axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{page.Url} {v.Id}: {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}").ToList();
        Assert.True(serious.Count == 0, string.Join("\n", serious));
    }

    [Fact]
    public async Task A_buyer_reviews_a_mentor_approves_and_the_review_shows_with_the_new_average()
    {
        string slug, title;
        await using (var db = fixture.Shop.OpenDb())
        {
            var listing = await TrustData.FreshListingAsync(db);
            await TrustData.OrderAsync(db, "pembeli4", listing);
            (slug, title) = (listing.Slug, listing.Title);
        }

        var buyer = await fixture.NewPageAsync();
        await SignInAsync(buyer, "pembeli4", "**/");
        await buyer.GotoAsync("/pesanan");
        await buyer.GetByRole(AriaRole.Link, new() { Name = "Ulasan saya dan produk yang bisa diulas" }).ClickAsync();
        await buyer.Locator("li", new() { HasText = title }).GetByRole(AriaRole.Link, new() { Name = "Tulis ulasan" }).ClickAsync();
        await buyer.GetByLabel("4 bintang").CheckAsync();
        await buyer.GetByLabel("Cerita Anda (boleh dikosongkan)").FillAsync("Anyamannya rapi, dipakai tiap hari ke pasar.");
        await NoSeriousAxeViolationsAsync(buyer);
        await BrowserFixture.ScreenshotAsync(buyer, "review-write-360");
        await buyer.GetByRole(AriaRole.Button, new() { Name = "Kirim ulasan" }).ClickAsync();
        await buyer.WaitForURLAsync("**/pesanan/ulasan");
        Assert.True(await buyer.Locator("li", new() { HasText = title }).GetByText("Menunggu pemeriksaan").IsVisibleAsync());

        var visitor = await fixture.NewPageAsync();
        await visitor.GotoAsync($"/produk/{slug}");
        Assert.Equal(0, await visitor.GetByText("Anyamannya rapi").CountAsync());

        var mentor = await fixture.NewPageAsync(1280, 800);
        await SignInAsync(mentor, "pendamping", "**/admin");
        await mentor.GotoAsync("/admin/moderasi");
        await mentor.GetByRole(AriaRole.Link, new() { Name = "Ulasan", Exact = true }).ClickAsync();
        await mentor.WaitForURLAsync("**/admin/moderasi/ulasan");
        await NoSeriousAxeViolationsAsync(mentor);
        await mentor.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        Assert.True(await mentor.GetByText("Anyamannya rapi, dipakai tiap hari ke pasar.").IsVisibleAsync());
        await NoSeriousAxeViolationsAsync(mentor);
        await mentor.GetByRole(AriaRole.Button, new() { Name = "Setujui" }).ClickAsync();
        await mentor.WaitForURLAsync("**/admin/moderasi/ulasan");
        Assert.True(await mentor.GetByText("Ulasan disetujui dan kini tampil.").IsVisibleAsync());

        await visitor.GotoAsync($"/produk/{slug}");
        var reviews = visitor.Locator("section.reviews");
        Assert.True(await reviews.GetByText("Anyamannya rapi, dipakai tiap hari ke pasar.").IsVisibleAsync());
        Assert.True(await reviews.GetByText("4,0 dari 5 · 1 ulasan").IsVisibleAsync());
        Assert.True(await visitor.Locator(".rating-line").IsVisibleAsync());
        await NoSeriousAxeViolationsAsync(visitor);
        await reviews.ScrollIntoViewIfNeededAsync();
        await BrowserFixture.ScreenshotAsync(visitor, "review-shown-360");
    }
}
