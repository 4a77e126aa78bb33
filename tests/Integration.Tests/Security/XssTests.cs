using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using PasKreatif.Catalog;
using PasKreatif.Integration.Tests.BackOffice;
using PasKreatif.Integration.Tests.Fixtures;
using PasKreatif.Makers;
using PasKreatif.Orders;

namespace PasKreatif.Integration.Tests.Security;

/// <summary>Script-carrying text saved in every free-text field comes back as text on every page that shows it.</summary>
public class XssTests(ShopFactory factory) : IClassFixture<ShopFactory>
{
    // Breaks out of an element, an attribute in either quotes, and a script block (JSON-LD) at once.
    const string Payload = "<script>x1</script>\"><img src=x onerror=x2>'</script>";
    static readonly HtmlParser Parser = new();

    [Fact]
    public async Task Payloads_in_every_free_text_field_come_back_escaped_on_every_page_that_shows_them()
    {
        var samples = await RouteSamples.LoadAsync(factory);
        var listingId = int.Parse(samples["listing"], System.Globalization.CultureInfo.InvariantCulture);
        var makerId = int.Parse(samples["maker"], System.Globalization.CultureInfo.InvariantCulture);
        var fulfilmentId = int.Parse(samples["makerOrder"], System.Globalization.CultureInfo.InvariantCulture);
        int rejectedId;
        string orderToken;
        await using (var db = factory.OpenDb())
        {
            var listing = await db.Listings.SingleAsync(l => l.Id == listingId);
            listing.Title = "Tas " + Payload;
            listing.Description = "Deskripsi " + Payload;
            var saved = await db.Makers.SingleAsync(m => m.Id == makerId);
            saved.DisplayName = "Bu " + Payload;
            saved.LegalName = "Nama " + Payload;
            saved.PrivateNotes = "Catatan " + Payload;
            saved.Story = MakerStory.Shown("Cerita " + Payload, DateTimeOffset.UtcNow);
            var order = await db.Orders.SingleAsync(o => o.Fulfilments.Any(f => f.Id == fulfilmentId));
            order.Address = "Jalan " + Payload;
            order.BuyerName = "Pembeli " + Payload;
            orderToken = order.PublicToken;
            await db.SaveChangesAsync();
            var fresh = await BackOfficeData.SubmittedListingAsync(db, saved.HomeGroupId, "Tas baru untuk ditolak");
            await db.Listings.Where(l => l.Id == fresh.Id).ExecuteUpdateAsync(l => l.SetProperty(x => x.MakerId, makerId));
            rejectedId = fresh.Id;
        }

        using var mentor = ShopClient.For(factory);
        await mentor.SignInAsync("pendamping");
        // The moderation reason goes in through the real form.
        var rejected = await mentor.SubmitAsync($"/admin/moderasi/produk/{rejectedId}",
            new Dictionary<string, string> { ["Note"] = "Alasan " + Payload }, "form[action*=Reject]");
        Assert.Equal(HttpStatusCode.Redirect, rejected.StatusCode);
        await using (var db = factory.OpenDb())
            Assert.Equal(ListingStatus.Rejected, (await db.Listings.SingleAsync(l => l.Id == rejectedId)).Status);

        using var anonymous = ShopClient.For(factory);
        using var maker = ShopClient.For(factory);
        await maker.SignInAsync("pembuat");
        var pages = new (ShopClient Client, string Url)[]
        {
            (anonymous, $"/produk/{samples["listingSlug"]}"),
            (anonymous, $"/pembuat/{samples["makerSlug"]}"),
            (anonymous, "/cari?q=tas+deskripsi"), // words inside markup are not searchable words; the description's first word is
            (anonymous, "/cari?q=" + Uri.EscapeDataString(Payload)),
            (anonymous, $"/pesanan/{orderToken}"),
            (maker, "/toko-saya"),
            (maker, $"/toko-saya/produk/{listingId}"),
            (maker, $"/toko-saya/produk/{listingId}/pratinjau"),
            (maker, $"/toko-saya/produk/{rejectedId}"),
            (maker, $"/toko-saya/pesanan/{fulfilmentId}"),
            (mentor, $"/admin/moderasi/produk/{rejectedId}"),
            (mentor, $"/admin/pembuat/{makerId}"),
            (mentor, "/admin/pembuat"),
        };
        foreach (var (client, url) in pages)
        {
            using var response = await client.Http.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
            var html = await response.Content.ReadAsStringAsync();
            Assert.False(html.Contains("<script>x1", StringComparison.OrdinalIgnoreCase), $"{url} printed a script element from saved text");
            Assert.False(html.Contains("<img src=x", StringComparison.OrdinalIgnoreCase), $"{url} printed an element from saved text");
            var page = await Parser.ParseDocumentAsync(html);
            Assert.DoesNotContain(page.All, e => e.HasAttribute("onerror"));
            Assert.DoesNotContain(page.QuerySelectorAll("script"), s => s.TextContent.Contains("x1", StringComparison.Ordinal) && s.GetAttribute("type") != "application/ld+json");
            // ...and the text itself is shown, so the check above looked at the field.
            Assert.True(page.Body!.TextContent.Contains(Payload, StringComparison.Ordinal), $"{url} does not show the saved text");
        }

        var ld = Parser.ParseDocument(await anonymous.Http.GetStringAsync($"/produk/{samples["listingSlug"]}")).QuerySelector("script[type='application/ld+json']")!;
        Assert.Contains("Tas \\u003Cscript\\u003Ex1", ld.TextContent, StringComparison.OrdinalIgnoreCase);

        // The rejection mail is plain text or encoded HTML.
        var mail = Assert.Single(BackOfficeData.QueuedMails(factory), m => m.TextBody.Contains("Alasan " + Payload, StringComparison.Ordinal));
        Assert.True(mail.HtmlBody is null || !mail.HtmlBody.Contains("<script>x1", StringComparison.Ordinal));
    }
}
