using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using PasKreatif.Integration.Tests.BackOffice;
using PasKreatif.Integration.Tests.Fixtures;
using PasKreatif.Makers;

namespace PasKreatif.Integration.Tests.Trust;

public class MentorWhatsAppTests(ShopFactory factory) : IClassFixture<ShopFactory>
{
    [Fact]
    public async Task After_a_listing_decision_the_mentor_gets_a_one_click_WhatsApp_message_to_the_makers_number()
    {
        int listingId;
        string title;
        await using (var db = factory.OpenDb())
        {
            var group = (await BackOfficeData.MentoredGroupsAsync(db, "pendamping")).Min();
            var listing = await BackOfficeData.SubmittedListingAsync(db, group, "Keset Kain Perca " + Guid.NewGuid().ToString("N")[..4]);
            var maker = await db.Makers.SingleAsync(m => m.Id == listing.MakerId);
            maker.Phone = "0812-7777-6655";
            await db.SaveChangesAsync();
            (listingId, title) = (listing.Id, listing.Title);
        }
        using var mentor = ShopClient.For(factory);
        await mentor.SignInAsync("pendamping");
        Assert.Equal(HttpStatusCode.Redirect, (await mentor.SubmitAsync($"/admin/moderasi/produk/{listingId}",
            new Dictionary<string, string> { ["Note"] = "Foto pertama gelap." }, "form[action*=Reject]")).StatusCode);

        var queue = await mentor.GetDocumentAsync("/admin/moderasi");
        var item = queue.QuerySelectorAll(".recent-decisions li").Single(li => li.TextContent.Contains(title));
        var link = item.QuerySelector("a")!.GetAttribute("href")!;
        Assert.StartsWith("https://wa.me/6281277776655?text=", link);
        var message = Uri.UnescapeDataString(link.Split("?text=")[1]);
        Assert.Contains(title, message);
        Assert.Contains("Foto pertama gelap.", message);
        Assert.Contains($"/toko-saya/produk/{listingId}", message);

        // The maker's bell carries the result too, email or not.
        await using (var check = factory.OpenDb())
            Assert.True(await check.Set<PasKreatif.Notifications.Notification>().AnyAsync(n => n.Kind == PasKreatif.Notifications.NotificationKind.ListingRejected
                && n.Subject == title && n.Link == $"/toko-saya/produk/{listingId}" && n.ReadAt == null));

        // Another group's mentor sees nothing of it.
        using var other = ShopClient.For(factory);
        await other.SignInAsync("pendamping2");
        Assert.DoesNotContain(title, await other.Http.GetStringAsync("/admin/moderasi"));
    }

    [Fact]
    public async Task An_invitation_can_go_straight_to_the_makers_WhatsApp_number()
    {
        await using var db = factory.OpenDb();
        var group = (await BackOfficeData.MentoredGroupsAsync(db, "pendamping")).Min();
        using var mentor = ShopClient.For(factory);
        await mentor.SignInAsync("pendamping");
        var response = await mentor.SubmitAsync("/admin/pembuat/undang", new Dictionary<string, string> { ["GroupId"] = group.ToString(), ["Phone"] = "+62 813 2222 1111" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        var invite = page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#invite-link")!.Value;
        var link = page.QuerySelector("#invite-whatsapp-to")!.GetAttribute("href")!;
        Assert.StartsWith("https://wa.me/6281322221111?text=", link);
        Assert.Contains(invite, Uri.UnescapeDataString(link.Split("?text=")[1]));

        var bad = await mentor.SubmitAsync("/admin/pembuat/undang", new Dictionary<string, string> { ["GroupId"] = group.ToString(), ["Phone"] = "123" });
        var badPage = await bad.Content.ReadAsStringAsync();
        Assert.Contains("bukan nomor Indonesia", badPage);
        Assert.DoesNotContain("invite-whatsapp-to", badPage);
    }
}
