using PasKreatif.Domain.Tests.Media;
using AngleSharp.Dom;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PasKreatif.Integration.Tests.BackOffice;
using PasKreatif.Integration.Tests.Fixtures;
using PasKreatif.Makers;
using PasKreatif.Notifications;
using PasKreatif.Orders;
using PasKreatif.Reviews;

namespace PasKreatif.Integration.Tests.Trust;

public class ReviewTests(ShopFactory factory) : IClassFixture<ShopFactory>
{
    async Task<ShopClient> SignedInAsync(string login)
    {
        var client = ShopClient.For(factory);
        await client.SignInAsync(login);
        return client;
    }

    static Dictionary<string, string> Review(int stars, string text) => new() { ["Stars"] = stars.ToString(), ["Text"] = text };

    [Fact]
    public async Task Only_a_buyer_whose_line_was_completed_can_review_and_only_once()
    {
        await using var db = factory.OpenDb();
        var listing = await TrustData.FreshListingAsync(db);
        var (_, unfinished) = await TrustData.OrderAsync(db, "pembeli", listing, OrderStatus.Paid, FulfilmentStatus.Preparing);
        var (_, done) = await TrustData.OrderAsync(db, "pembeli2", listing);

        using var early = await SignedInAsync("pembeli");
        Assert.Equal(HttpStatusCode.NotFound, (await early.Http.GetAsync($"/pesanan/ulasan/{unfinished}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await early.PostWithTokenAsync($"/pesanan/ulasan/{unfinished}", Review(5, "Terlalu cepat"))).StatusCode);
        // Another buyer's completed line is not theirs either.
        Assert.Equal(HttpStatusCode.NotFound, (await early.Http.GetAsync($"/pesanan/ulasan/{done}")).StatusCode);

        using var buyer = await SignedInAsync("pembeli2");
        var list = await buyer.GetDocumentAsync("/pesanan/ulasan");
        Assert.NotNull(list.QuerySelector($"a[href='/pesanan/ulasan/{done}']"));
        var noStars = await buyer.SubmitAsync($"/pesanan/ulasan/{done}", new Dictionary<string, string> { ["Text"] = "Lupa bintang" });
        Assert.Equal(HttpStatusCode.OK, noStars.StatusCode);
        Assert.Contains("Pilih 1 sampai 5 bintang", await noStars.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await buyer.SubmitAsync($"/pesanan/ulasan/{done}", Review(4, "Rapi sekali"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await buyer.PostWithTokenAsync($"/pesanan/ulasan/{done}", Review(1, "Kedua kali"))).StatusCode);

        await using var check = factory.OpenDb();
        var reviews = await check.Set<Review>().Where(r => r.ListingId == listing.Id).ToListAsync();
        var review = Assert.Single(reviews);
        Assert.Equal((4, "Rapi sekali", ReviewStatus.Pending), (review.Stars, review.Text, review.Status));
        Assert.Contains("Menunggu pemeriksaan", await buyer.Http.GetStringAsync("/pesanan/ulasan"));
        Assert.True(await check.Set<Notification>().AnyAsync(n => n.MakerId == listing.MakerId && n.Kind == NotificationKind.Review));
        // The database refuses a second review of the same product by the same buyer, whatever the page does.
        check.Set<Review>().Add(new Review { ListingId = listing.Id, MakerId = listing.MakerId, OrderLineId = unfinished, BuyerId = review.BuyerId, Stars = 3, CreatedAt = DateTimeOffset.UtcNow });
        await Assert.ThrowsAsync<DbUpdateException>(() => check.SaveChangesAsync());
    }

    static JsonElement ProductJson(AngleSharp.Html.Dom.IHtmlDocument page) =>
        JsonDocument.Parse(page.QuerySelector("script[type='application/ld+json']")!.TextContent).RootElement;

    [Fact]
    public async Task Unapproved_reviews_are_invisible_and_the_average_follows_approval_and_rejection()
    {
        await using var db = factory.OpenDb();
        var listing = await TrustData.FreshListingAsync(db);
        var makerSlug = await db.Makers.Where(m => m.Id == listing.MakerId).Select(m => m.Slug).SingleAsync();
        var texts = new Dictionary<string, (int Stars, string Text)>
        {
            ["pembeli3"] = (5, "Jahitannya kuat dan warnanya cantik."),
            ["pembeli4"] = (2, "Ukurannya lebih kecil dari foto."),
            ["pembeli5"] = (4, "Dulu pembuatnya pernah di lapas ya."),
        };
        var ids = new Dictionary<string, int>();
        foreach (var (buyer, (stars, text)) in texts)
        {
            var (_, line) = await TrustData.OrderAsync(db, buyer, listing);
            using var client = await SignedInAsync(buyer);
            Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync($"/pesanan/ulasan/{line}", Review(stars, text))).StatusCode);
            await using var read = factory.OpenDb();
            ids[buyer] = await read.Set<Review>().Where(r => r.OrderLineId == line).Select(r => r.Id).SingleAsync();
        }

        using var visitor = ShopClient.For(factory);
        var product = await visitor.GetDocumentAsync($"/produk/{listing.Slug}");
        var maker = await visitor.Http.GetStringAsync($"/pembuat/{makerSlug}");
        foreach (var (_, text) in texts.Values)
        {
            Assert.DoesNotContain(text, product.Body!.InnerHtml);
            Assert.DoesNotContain(text, maker);
        }
        Assert.False(ProductJson(product).TryGetProperty("aggregateRating", out _));
        Assert.Contains("Belum ada ulasan", product.QuerySelector("#reviews-heading")!.ParentElement!.TextContent);

        using var mentor = await SignedInAsync("pendamping");
        var queue = await mentor.GetDocumentAsync("/admin/moderasi/ulasan");
        Assert.Equal(3, queue.QuerySelectorAll($"tbody a").Count(a => a.TextContent == listing.Title));
        Assert.Equal(HttpStatusCode.Redirect, (await mentor.SubmitAsync($"/admin/moderasi/ulasan/{ids["pembeli3"]}", new Dictionary<string, string>(), "form[action*=Approve]")).StatusCode);

        product = await visitor.GetDocumentAsync($"/produk/{listing.Slug}");
        var section = product.QuerySelector("#reviews-heading")!.ParentElement!.TextContent;
        Assert.Contains(texts["pembeli3"].Text, section);
        Assert.Contains("5,0 dari 5 · 1 ulasan", section);
        Assert.DoesNotContain(texts["pembeli4"].Text, section);
        var rating = ProductJson(product).GetProperty("aggregateRating");
        Assert.Equal(("5.0", 1), (rating.GetProperty("ratingValue").GetString(), rating.GetProperty("reviewCount").GetInt32()));
        await using (var read = factory.OpenDb())
        {
            var fullName = await read.Users.Where(u => u.UserName == "pembeli3").Select(u => u.DisplayName).SingleAsync();
            var parts = fullName.Split(' ');
            Assert.Contains(parts.Length > 1 ? $"{parts[0]} {parts[^1][0]}." : parts[0], section);
            if (parts.Length > 1) Assert.DoesNotContain(fullName, product.Body!.InnerHtml);
        }

        Assert.Equal(HttpStatusCode.Redirect, (await mentor.SubmitAsync($"/admin/moderasi/ulasan/{ids["pembeli4"]}", new Dictionary<string, string>(), "form[action*=Approve]")).StatusCode);
        var empty = await mentor.SubmitAsync($"/admin/moderasi/ulasan/{ids["pembeli5"]}", new Dictionary<string, string> { ["Note"] = " " }, "form[action*=Reject]");
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("Tulis alasan atau pilih alasan tersimpan", await empty.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await mentor.SubmitAsync($"/admin/moderasi/ulasan/{ids["pembeli5"]}",
            new Dictionary<string, string> { ["SavedReason"] = "ReasonMakerPast" }, "form[action*=Reject]")).StatusCode);

        product = await visitor.GetDocumentAsync($"/produk/{listing.Slug}");
        section = product.QuerySelector("#reviews-heading")!.ParentElement!.TextContent;
        Assert.Contains("3,5 dari 5 · 2 ulasan", section);
        Assert.DoesNotContain(texts["pembeli5"].Text, product.Body!.InnerHtml);
        rating = ProductJson(product).GetProperty("aggregateRating");
        Assert.Equal(("3.5", 2), (rating.GetProperty("ratingValue").GetString(), rating.GetProperty("reviewCount").GetInt32()));
        var makerPage = await visitor.GetDocumentAsync($"/pembuat/{makerSlug}");
        Assert.Contains("3,5 dari 5 · 2 ulasan", makerPage.QuerySelector("#reviews-heading")!.ParentElement!.TextContent);
        Assert.DoesNotContain(texts["pembeli5"].Text, makerPage.Body!.InnerHtml);
        Assert.Equal(0, (await mentor.GetDocumentAsync("/admin/moderasi/ulasan")).QuerySelectorAll("tbody a").Count(a => a.TextContent == listing.Title));

        using var rejectedBuyer = await SignedInAsync("pembeli5");
        var own = await rejectedBuyer.Http.GetStringAsync("/pesanan/ulasan");
        Assert.Contains("Tidak ditampilkan", own);
        Assert.Contains("masa lalu pembuatnya", own);

        await using var check = factory.OpenDb();
        var mentorId = await BackOfficeData.PersonAsync(check, "pendamping");
        var audit = await check.Set<ReviewAuditEntry>().Where(e => ids.Values.Contains(e.ReviewId) && e.Action != ReviewAction.Written).ToListAsync();
        Assert.Equal(3, audit.Count);
        Assert.All(audit, e => Assert.Equal(mentorId, e.ActorId));
        Assert.Contains(audit, e => e.ReviewId == ids["pembeli5"] && e.Action == ReviewAction.Rejected && e.Reason!.Contains("masa lalu"));
        var email = await check.Users.Where(u => u.UserName == "pembeli5").Select(u => u.Email).SingleAsync();
        Assert.Contains(BackOfficeData.QueuedMails(factory), m => m.To == email && m.TextBody.Contains("masa lalu pembuatnya") && m.Subject.Contains(listing.Title));
        var kinds = await check.Set<Notification>().Where(n => n.MakerId == listing.MakerId && n.Subject == listing.Title).Select(n => n.Kind).ToListAsync();
        Assert.Equal(3, kinds.Count(k => k == NotificationKind.Review));
        Assert.Equal(2, kinds.Count(k => k == NotificationKind.ReviewApproved));
        Assert.Equal(1, kinds.Count(k => k == NotificationKind.ReviewRejected));
    }

    [Fact]
    public async Task The_maker_replies_once_in_public_and_contact_details_in_the_reply_are_hidden()
    {
        await using var db = factory.OpenDb();
        var listing = await TrustData.FreshListingAsync(db);
        var makerLogin = await db.Makers.Where(m => m.Id == listing.MakerId).Select(m => m.Person!.UserName!).SingleAsync();
        var (_, line) = await TrustData.OrderAsync(db, "pembeli", listing);
        using (var buyer = await SignedInAsync("pembeli"))
            Assert.Equal(HttpStatusCode.Redirect, (await buyer.SubmitAsync($"/pesanan/ulasan/{line}", Review(5, "Bagus"))).StatusCode);
        var reviewId = await db.Set<Review>().Where(r => r.OrderLineId == line).Select(r => r.Id).SingleAsync();
        using var maker = await SignedInAsync(makerLogin);
        Assert.Contains("sedang diperiksa pendamping", await maker.Http.GetStringAsync("/toko-saya/ulasan"));
        Assert.Equal(HttpStatusCode.Redirect, (await maker.PostWithTokenAsync("/toko-saya/ulasan?handler=Reply", new Dictionary<string, string> { ["reviewId"] = reviewId.ToString(), ["reply"] = "Belum boleh" })).StatusCode);

        using (var mentor = await SignedInAsync("pendamping"))
            await mentor.SubmitAsync($"/admin/moderasi/ulasan/{reviewId}", new Dictionary<string, string>(), "form[action*=Approve]");
        var form = (await maker.GetDocumentAsync("/toko-saya/ulasan")).QuerySelectorAll<AngleSharp.Html.Dom.IHtmlFormElement>("form[action*=Reply]")
            .Single(f => f.QuerySelector("input[name=reviewId]")!.GetAttribute("value") == reviewId.ToString());
        var reply = await maker.PostFormAsync(form, "/toko-saya/ulasan", new Dictionary<string, string> { ["reply"] = "Terima kasih! Pesan lagi di 0812 3456 7890 ya." });
        Assert.Equal(HttpStatusCode.Redirect, reply.StatusCode);
        var again = await maker.PostWithTokenAsync("/toko-saya/ulasan?handler=Reply", new Dictionary<string, string> { ["reviewId"] = reviewId.ToString(), ["reply"] = "Kedua" });
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Contains("sudah membalas", await maker.Http.GetStringAsync("/toko-saya/ulasan"));

        using var visitor = ShopClient.For(factory);
        var page = await visitor.Http.GetStringAsync($"/produk/{listing.Slug}");
        Assert.Contains("Terima kasih! Pesan lagi di", page);
        Assert.DoesNotContain("0812 3456 7890", page);
        Assert.DoesNotContain("Kedua", page);
        Assert.DoesNotContain("Belum boleh", page);
    }

    [Fact]
    public async Task Review_photos_go_through_the_photo_pipeline_and_a_file_that_is_no_photo_is_refused_keeping_nothing()
    {
        await using var db = factory.OpenDb();
        var listing = await TrustData.FreshListingAsync(db);
        var (_, line) = await TrustData.OrderAsync(db, "pembeli", listing);
        using var buyer = await SignedInAsync("pembeli");

        async Task<HttpResponseMessage> PostAsync(byte[] file, string name, string text)
        {
            var page = await buyer.GetDocumentAsync($"/pesanan/ulasan/{line}");
            var token = page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("main input[name=__RequestVerificationToken]")!.Value;
            var form = new MultipartFormDataContent
            {
                { new StringContent(token), "__RequestVerificationToken" }, { new StringContent("5"), "Stars" }, { new StringContent(text), "Text" },
                { new ByteArrayContent(file), "photos", name },
            };
            return await buyer.Http.PostAsync($"/pesanan/ulasan/{line}", form);
        }

        var refused = await PostAsync("bukan foto"u8.ToArray(), "catatan.txt", "Teks yang tidak boleh hilang");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var body = await refused.Content.ReadAsStringAsync();
        Assert.Contains("bukan foto JPEG", body);
        Assert.Contains("Teks yang tidak boleh hilang", body);
        Assert.False(await db.Set<Review>().AnyAsync(r => r.OrderLineId == line));

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(PhoneShots.SidewaysJpegWithGps(), "foto.jpg", "Dengan foto")).StatusCode);
        await using var check = factory.OpenDb();
        var review = await check.Set<Review>().Include(r => r.Photos).ThenInclude(p => p.Photo).SingleAsync(r => r.OrderLineId == line);
        var hash = Assert.Single(review.Photos).Photo!.Hash;
        using (var mentor = await SignedInAsync("pendamping"))
        {
            Assert.Contains(hash, await mentor.Http.GetStringAsync($"/admin/moderasi/ulasan/{review.Id}"));
            await mentor.SubmitAsync($"/admin/moderasi/ulasan/{review.Id}", new Dictionary<string, string>(), "form[action*=Approve]");
        }
        using var visitor = ShopClient.For(factory);
        var product = await visitor.GetDocumentAsync($"/produk/{listing.Slug}");
        var img = product.QuerySelector($".review-photos img[src*='{hash}']");
        Assert.NotNull(img);
        Assert.Equal(HttpStatusCode.OK, (await visitor.Http.GetAsync(img!.GetAttribute("src"))).StatusCode);
    }
}
