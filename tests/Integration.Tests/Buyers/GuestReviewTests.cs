using System.Net;
using Microsoft.EntityFrameworkCore;
using PasKreatif.Integration.Tests.BackOffice;
using PasKreatif.Integration.Tests.Fixtures;
using PasKreatif.Integration.Tests.Trust;
using PasKreatif.Orders;
using PasKreatif.Reviews;

namespace PasKreatif.Integration.Tests.Buyers;

public class GuestReviewTests(ShopFactory factory) : IClassFixture<ShopFactory>
{
    async Task<(string Token, int LineId, PasKreatif.Catalog.Listing Listing)> GuestOrderAsync(OrderStatus status = OrderStatus.Completed, FulfilmentStatus part = FulfilmentStatus.Collected)
    {
        await using var db = factory.OpenDb();
        var listing = await TrustData.FreshListingAsync(db);
        var (orderId, lineId) = await TrustData.OrderAsync(db, "pembeli", listing, status, part);
        await db.Orders.Where(o => o.Id == orderId).ExecuteUpdateAsync(s => s
            .SetProperty(o => o.BuyerId, (Guid?)null).SetProperty(o => o.BuyerName, "Dewi Tamu").SetProperty(o => o.BuyerEmail, "dewi.tamu@contoh.test"));
        return (await db.Orders.Where(o => o.Id == orderId).Select(o => o.PublicToken).SingleAsync(), lineId, listing);
    }

    [Fact]
    public async Task A_guest_reviews_a_completed_line_from_the_order_link_and_it_goes_through_the_same_moderation()
    {
        var (token, lineId, listing) = await GuestOrderAsync();
        using var guest = ShopClient.For(factory);
        var order = await guest.GetDocumentAsync($"/pesanan/{token}");
        Assert.NotNull(order.QuerySelector($"#ulasan a[href='/pesanan/{token}/ulasan/{lineId}']"));

        var sent = await guest.SubmitAsync($"/pesanan/{token}/ulasan/{lineId}", new Dictionary<string, string> { ["Stars"] = "5", ["Text"] = "Rapi sekali, terima kasih." });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Contains("Ulasan Anda sudah terkirim", await guest.Http.GetStringAsync(sent.Headers.Location!.OriginalString));
        Review review;
        await using (var db = factory.OpenDb())
            review = await db.Set<Review>().SingleAsync(r => r.OrderLineId == lineId);
        Assert.Null(review.BuyerId);
        Assert.Equal("Dewi T.", review.BuyerShownName);
        Assert.Equal(ReviewStatus.Pending, review.Status);
        Assert.DoesNotContain("Rapi sekali", await guest.Http.GetStringAsync($"/produk/{listing.Slug}")); // not public before a mentor approves
        // The order page no longer invites a review of that line: it says where the review stands.
        order = await guest.GetDocumentAsync($"/pesanan/{token}");
        Assert.Null(order.QuerySelector($"#ulasan a[href='/pesanan/{token}/ulasan/{lineId}']"));
        Assert.Contains("sudah terkirim", order.QuerySelector($"#ulasan .review-sent[data-line='{lineId}']")!.TextContent);

        // Once per line: a second post (another tab) writes nothing more.
        var again = await guest.PostWithTokenAsync($"/pesanan/{token}/ulasan/{lineId}", new Dictionary<string, string> { ["Stars"] = "1" });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        await using (var db = factory.OpenDb()) Assert.Equal(1, await db.Set<Review>().CountAsync(r => r.OrderLineId == lineId));

        using var mentor = ShopClient.For(factory);
        await mentor.SignInAsync("pendamping");
        Assert.Contains($"/admin/moderasi/ulasan/{review.Id}", await mentor.Http.GetStringAsync("/admin/moderasi/ulasan"));
        Assert.Equal(HttpStatusCode.Redirect, (await mentor.SubmitAsync($"/admin/moderasi/ulasan/{review.Id}", new Dictionary<string, string>(), "form[action*=Approve]")).StatusCode);
        Assert.Contains("Rapi sekali", WebUtility.HtmlDecode(await ShopClient.For(factory).Http.GetStringAsync($"/produk/{listing.Slug}")));
        Assert.Contains("sudah tayang", (await guest.GetDocumentAsync($"/pesanan/{token}")).QuerySelector($"#ulasan .review-sent[data-line='{lineId}']")!.TextContent);
        Assert.Contains(BackOfficeData.QueuedMails(factory), m => m.To == "dewi.tamu@contoh.test" && m.TextBody.Contains(listing.Title));
    }

    [Fact]
    public async Task Only_the_token_of_a_completed_guest_order_opens_its_review_form()
    {
        var (token, lineId, _) = await GuestOrderAsync();
        var (openToken, openLine, _) = await GuestOrderAsync(OrderStatus.Paid, FulfilmentStatus.Preparing);
        using var guest = ShopClient.For(factory);
        await guest.GetDocumentAsync($"/pesanan/{token}/ulasan/{lineId}");
        await guest.GetDocumentAsync($"/pesanan/{token}x/ulasan/{lineId}", HttpStatusCode.NotFound);
        await guest.GetDocumentAsync($"/pesanan/{openToken}/ulasan/{openLine}", HttpStatusCode.NotFound);
        await guest.GetDocumentAsync($"/pesanan/{openToken}/ulasan/{lineId}", HttpStatusCode.NotFound); // a line of another order
        var forged = await guest.PostWithTokenAsync($"/pesanan/{openToken}/ulasan/{openLine}", new Dictionary<string, string> { ["Stars"] = "5" });
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);

        // An account's order is reviewed from the account, not from its token link.
        await using var db = factory.OpenDb();
        var listing = await TrustData.FreshListingAsync(db);
        var (accountOrder, accountLine) = await TrustData.OrderAsync(db, "pembeli2", listing);
        var accountToken = await db.Orders.Where(o => o.Id == accountOrder).Select(o => o.PublicToken).SingleAsync();
        await guest.GetDocumentAsync($"/pesanan/{accountToken}/ulasan/{accountLine}", HttpStatusCode.NotFound);
        Assert.False(await db.Set<Review>().AnyAsync(r => r.OrderLineId == openLine || r.OrderLineId == accountLine));
    }
}
