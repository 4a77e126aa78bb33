using AngleSharp.Dom;
using System.Net;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using PasKreatif.Integration.Tests.Fixtures;
using PasKreatif.Ledger;
using PasKreatif.Makers;
using PasKreatif.Orders;
using PasKreatif.Organisation;

namespace PasKreatif.Integration.Tests.Checkout;

public class OfflinePaymentTests(MailingShopFactory factory) : IClassFixture<MailingShopFactory>
{
    readonly TestMailServer mail = TestMailServer.Current;

    [Fact]
    public async Task A_bank_transfer_is_confirmed_only_by_an_officer_of_the_office_and_every_mail_reaches_the_right_people()
    {
        var listing = await Shopping.ListingAsync(factory, "pembuat", stock: 6);
        var (officer, otherOfficer) = await OfficersAsync(listing.MakerId);
        var email = $"tamu-{Guid.NewGuid():N}@contoh.test";
        using var buyer = ShopClient.For(factory);
        await Shopping.AddAsync(buyer, listing.Id, 2);
        var token = Shopping.Token(await Shopping.CheckoutAsync(buyer, "BankTransfer", email));
        var order = await Shopping.OrderAsync(factory, token);
        var balanceBefore = await BalanceAsync(listing.MakerId);

        var placed = await mail.WaitForAsync(m => To(m, email) && (m.Subject ?? "").Contains(order.Number));
        Assert.Equal($"Pesanan {order.Number} kami terima", placed.Subject);
        Assert.Contains(order.Total.ToString(), placed.TextBody);
        Assert.Contains($"http://toko.test/pesanan/{token}", placed.TextBody);
        Assert.Contains("transfer", placed.TextBody);
        Assert.Contains(listing.Title, placed.TextBody);

        // A mentor confirms cash, never transfers; an officer of another office does not see the order at all.
        using var mentor = ShopClient.For(factory);
        await mentor.SignInAsync("pendamping");
        Assert.DoesNotContain(order.Number, await mentor.Http.GetStringAsync("/admin/pembayaran"));
        Assert.Equal(HttpStatusCode.NotFound, (await mentor.PostWithTokenAsync("/admin/pembayaran?handler=Confirm", Confirm(order.Id))).StatusCode);
        using var stranger = ShopClient.For(factory);
        await stranger.SignInAsync(otherOfficer);
        Assert.DoesNotContain(order.Number, await stranger.Http.GetStringAsync("/admin/pembayaran"));
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostWithTokenAsync("/admin/pembayaran?handler=Confirm", Confirm(order.Id))).StatusCode);
        Assert.Equal(OrderStatus.AwaitingPayment, (await Shopping.OrderAsync(factory, token)).Status);

        using var desk = ShopClient.For(factory);
        await desk.SignInAsync(officer);
        var page = await desk.GetDocumentAsync("/admin/pembayaran");
        var form = page.QuerySelector<AngleSharp.Html.Dom.IHtmlFormElement>($"tr[data-order='{order.Number}'] form")!;
        var confirmed = await desk.PostFormAsync(form, "/admin/pembayaran", new Dictionary<string, string> { ["reference"] = "BRI 123456" });
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Contains("Pembayaran dicatat", await desk.Http.GetStringAsync("/admin/pembayaran"));
        var again = await desk.PostFormAsync(form, "/admin/pembayaran", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Contains("sudah dikonfirmasi", await desk.Http.GetStringAsync("/admin/pembayaran"));

        var paid = await Shopping.OrderAsync(factory, token);
        Assert.Equal(OrderStatus.Paid, paid.Status);
        Assert.Equal("BRI 123456", paid.Payments.Single().ProviderReference);
        Assert.Equal(balanceBefore + order.Subtotal, await BalanceAsync(listing.MakerId));

        var receipt = await mail.WaitForAsync(m => To(m, email) && m.Subject == $"Pembayaran pesanan {order.Number} diterima");
        Assert.Contains(order.Total.ToString(), receipt.TextBody);
        var (makerEmail, mentorEmails) = await MakerAndMentorEmailsAsync(listing.MakerId);
        foreach (var to in mentorEmails.Prepend(makerEmail))
        {
            var news = await mail.WaitForAsync(m => To(m, to) && (m.Subject ?? "").StartsWith($"Pesanan baru {order.Number}"));
            Assert.Contains(listing.Title, news.TextBody);
            Assert.Contains("× 2", news.TextBody);
            Assert.DoesNotContain(order.BuyerPhone, news.TextBody);
        }
        Assert.Equal(1 + mentorEmails.Count, mail.Received().Count(m => (m.Subject ?? "").StartsWith($"Pesanan baru {order.Number}")));

        // Cancelled after payment, before preparation: the ledger is reversed and the buyer told the money comes back.
        var cancelled = await Shopping.CancelAsync(buyer, token);
        Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);
        Assert.Equal(balanceBefore, await BalanceAsync(listing.MakerId));
        Assert.Equal(6, await Shopping.StockAsync(factory, listing.Id));
        var goodbye = await mail.WaitForAsync(m => To(m, email) && m.Subject == $"Pesanan {order.Number} dibatalkan");
        Assert.Contains($"Dana {order.Total}", goodbye.TextBody);
    }

    [Fact]
    public async Task Cash_at_pickup_is_confirmed_by_the_mentor_at_handover_and_an_English_buyer_gets_English_mail()
    {
        var listing = await Shopping.ListingAsync(factory, "pembuat", stock: 3, skip: 1);
        var email = $"visitor-{Guid.NewGuid():N}@example.test";
        using var buyer = ShopClient.For(factory);
        buyer.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        await Shopping.AddAsync(buyer, listing.Id, 1);
        var refused = await Shopping.CheckoutAsync(buyer, "CashOnPickup", email, new Dictionary<string, string> { ["Deliveries[0].Method"] = "LocalDelivery" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("Cash payment needs every part", await refused.Content.ReadAsStringAsync());
        var token = Shopping.Token(await Shopping.CheckoutAsync(buyer, "CashOnPickup", email));
        var order = await Shopping.OrderAsync(factory, token);
        Assert.Equal("en", order.Culture);

        var placed = await mail.WaitForAsync(m => To(m, email) && (m.Subject ?? "").Contains(order.Number));
        Assert.Equal($"We received your order {order.Number}", placed.Subject);
        Assert.Contains("in cash", placed.TextBody);
        var (makerEmail, _) = await MakerAndMentorEmailsAsync(listing.MakerId);
        await mail.WaitForAsync(m => To(m, makerEmail) && (m.Subject ?? "").StartsWith($"Pesanan baru {order.Number}")); // cash orders are prepared before payment

        using var mentor = ShopClient.For(factory);
        await mentor.SignInAsync("pendamping");
        var page = await mentor.GetDocumentAsync("/admin/pembayaran");
        var form = page.QuerySelector<AngleSharp.Html.Dom.IHtmlFormElement>($"tr[data-order='{order.Number}'] form")!;
        Assert.Equal(HttpStatusCode.Redirect, (await mentor.PostFormAsync(form, "/admin/pembayaran", new Dictionary<string, string>())).StatusCode);

        var done = await Shopping.OrderAsync(factory, token);
        Assert.Equal(OrderStatus.Completed, done.Status);
        Assert.All(done.Fulfilments, f => Assert.Equal(FulfilmentStatus.Collected, f.Status));
        var receipt = await mail.WaitForAsync(m => To(m, email) && m.Subject == $"Payment for order {order.Number} received");
        Assert.Contains(order.Total.ToString(), receipt.TextBody);
        Assert.Contains("Completed", await buyer.Http.GetStringAsync($"/pesanan/{token}"));
    }

    static Dictionary<string, string> Confirm(int orderId) => new() { ["orderId"] = orderId.ToString() };

    static bool To(MimeMessage message, string address) =>
        message.To.Mailboxes.Any(m => string.Equals(m.Address, address, StringComparison.OrdinalIgnoreCase));

    async Task<(string Officer, string OtherOfficer)> OfficersAsync(int makerId)
    {
        await using var db = factory.OpenDb();
        var office = await db.Makers.Where(m => m.Id == makerId).Select(m => m.HomeGroup!.OfficeId).SingleAsync();
        var officers = await db.OfficeOfficers.Select(o => new { o.OfficeId, Name = db.Users.Where(u => u.Id == o.PersonId).Select(u => u.UserName).First()! }).ToListAsync();
        return (officers.First(o => o.OfficeId == office).Name, officers.First(o => o.OfficeId != office).Name);
    }

    async Task<(string Maker, List<string> Mentors)> MakerAndMentorEmailsAsync(int makerId)
    {
        await using var db = factory.OpenDb();
        var maker = await db.Makers.Where(m => m.Id == makerId).Select(m => new { m.Person!.Email, m.HomeGroupId }).SingleAsync();
        var mentors = await db.GroupMentors.Where(g => g.GroupId == maker.HomeGroupId && g.Person!.Email != null).Select(g => g.Person!.Email!).ToListAsync();
        return (maker.Email!, mentors);
    }

    async Task<Money> BalanceAsync(int makerId)
    {
        await using var db = factory.OpenDb();
        return await new RevenueLedger(db, TimeProvider.System).BalanceAsync(makerId);
    }
}
