using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using PasKreatif.Catalog;
using PasKreatif.Integration.Tests.Trust;
using PasKreatif.Orders;
using PasKreatif.Reviews;

namespace PasKreatif.Browser.Tests.Journeys;

/// <summary>A guest with no account reviews from the completed order's own page; the review waits for a mentor.</summary>
[Collection(BrowserCollection.Name)]
public class GuestReviewJourneyTests(BrowserFixture fixture)
{
    const string Mentor = "pendamping2";

    [Fact]
    public async Task A_guests_completed_order_invites_a_review_of_each_line_and_the_review_waits_for_moderation()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var (slugs, titles) = (new List<string>(), new List<string>());
        await using (var db = fixture.Shop.OpenDb())
            for (var i = 0; i < 2; i++)
            {
                var listing = await TrustData.FreshListingAsync(db, Mentor); // approved, in stock, picked up at the group
                slugs.Add(listing.Slug);
                titles.Add(listing.Title);
            }

        // A guest buys both, to pay in cash at pickup.
        var guest = await fixture.NewPageAsync();
        foreach (var slug in slugs)
        {
            await guest.GotoAsync($"/produk/{slug}");
            await guest.Locator(".buy-bar").GetByRole(AriaRole.Button, new() { Name = "Masukkan ke keranjang" }).ClickAsync();
            await guest.Locator("#cart-toast").WaitForAsync(new() { State = WaitForSelectorState.Visible });
        }
        await guest.GotoAsync("/checkout");
        var email = $"tamu.ulasan.{suffix}@contoh.test";
        await guest.GetByLabel("Nama", new() { Exact = true }).FillAsync("Wayan Tamu");
        await guest.GetByLabel("Nomor HP").FillAsync("0812 3333 4444");
        await guest.GetByLabel("Email").FillAsync(email);
        await guest.GetByLabel("Alamat lengkap").FillAsync("Jl. Melati No. 7, Bangli");
        await guest.GetByLabel("Tunai saat diambil").CheckAsync();
        await guest.GetByRole(AriaRole.Button, new() { Name = "Pesan sekarang" }).ClickAsync();
        await guest.WaitForURLAsync("**/pesanan/*");
        var token = guest.Url[(guest.Url.LastIndexOf('/') + 1)..];
        string number;
        await using (var db = fixture.Shop.OpenDb())
        {
            var order = await db.Orders.AsNoTracking().SingleAsync(o => o.PublicToken == token);
            Assert.Null(order.BuyerId);
            number = order.Number;
        }
        Assert.Equal(0, await guest.Locator("#ulasan").CountAsync()); // no invitation before the goods are handed over

        // The group's mentor takes the cash at pickup in the back office: the order is complete.
        var mentor = await fixture.NewPageAsync(1280, 800);
        await CheckoutJourneyTests.SignInAsync(mentor, Mentor);
        await mentor.GotoAsync("/admin/pembayaran");
        await mentor.Locator($"tr[data-order='{number}']").GetByRole(AriaRole.Button, new() { Name = "Uang tunai diterima" }).ClickAsync();
        await mentor.WaitForURLAsync("**/admin/pembayaran");

        await guest.ReloadAsync();
        Assert.Equal("Completed", await guest.Locator("#order-status").GetAttributeAsync("data-status"));
        var invites = guest.Locator("#ulasan a");
        Assert.Equal(2, await invites.CountAsync());
        foreach (var title in titles)
            Assert.Equal(1, await invites.Filter(new() { HasText = title }).CountAsync());
        await CheckoutJourneyTests.AssertFitsAndPassesAxeAsync(guest, "guest-review-invites-360");

        await invites.Filter(new() { HasText = titles[0] }).ClickAsync();
        await guest.WaitForURLAsync($"**/pesanan/{token}/ulasan/*");
        await guest.GetByLabel("4 bintang").CheckAsync();
        await guest.GetByLabel("Cerita Anda (boleh dikosongkan)").FillAsync("Anyaman rapat, dipakai untuk sesajen tiap hari.");
        await CheckoutJourneyTests.AssertFitsAndPassesAxeAsync(guest, "guest-review-write-360");
        await guest.GetByRole(AriaRole.Button, new() { Name = "Kirim ulasan" }).ClickAsync();
        await guest.Locator("#review-sent").WaitForAsync();
        Assert.Contains("setelah diperiksa pendamping", await guest.Locator("#review-sent").TextContentAsync());
        await CheckoutJourneyTests.AssertFitsAndPassesAxeAsync(guest, "guest-review-sent-360");

        await using (var db = fixture.Shop.OpenDb())
        {
            var listingId = await db.Listings.Where(l => l.Slug == slugs[0]).Select(l => l.Id).SingleAsync();
            var review = await db.Set<Review>().AsNoTracking().SingleAsync(r => r.ListingId == listingId);
            Assert.Equal((ReviewStatus.Pending, 4, (Guid?)null), (review.Status, review.Stars, review.BuyerId));
        }

        // Not shown to anyone until a mentor approves it; the mentor finds it in the queue.
        var visitor = await fixture.NewPageAsync();
        await visitor.GotoAsync($"/produk/{slugs[0]}");
        Assert.Equal(0, await visitor.GetByText("Anyaman rapat").CountAsync());
        await mentor.GotoAsync("/admin/moderasi/ulasan");
        await mentor.GetByRole(AriaRole.Link, new() { Name = titles[0] }).ClickAsync();
        Assert.True(await mentor.GetByText("Anyaman rapat, dipakai untuk sesajen tiap hari.").IsVisibleAsync());
    }
}
