using PasKreatif.Payments.Midtrans;
using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using PasKreatif.Integration.Tests.OrderFlows;
using Microsoft.EntityFrameworkCore;
using PasKreatif.Integration.Tests.Checkout;
using PasKreatif.Integration.Tests.Fixtures;
using PasKreatif.Orders;
using PasKreatif.Payments;
using static PasKreatif.Integration.Tests.OrderFlows.OrderSteps;

namespace PasKreatif.Integration.Tests.Payments;

/// <summary>QRIS, e-wallets and virtual accounts through Midtrans (a local fake of its API): what the buyer sees and pays, and the money that goes back.</summary>
public class MidtransPaymentTests(MidtransShopFactory factory) : IClassFixture<MidtransShopFactory>
{
    FakeMidtrans Midtrans => factory.Midtrans;

    Task<(Order Order, MidtransSimulator.Transaction Transaction)> PlaceAsync(string method, string maker, int skip, string email, int quantity = 1) =>
        MidtransSteps.PlaceAsync(factory, method, maker, skip, email, quantity);

    Task<HttpResponseMessage> NotifyAsync(string notification) => MidtransSteps.DeliverAsync(factory, notification);

    static Task<string> OutcomeAsync(HttpResponseMessage response) => MidtransSteps.OutcomeAsync(response);

    [Fact]
    public async Task Checkout_offers_each_Midtrans_method_by_its_own_name_when_the_keys_are_set()
    {
        var listing = await Shopping.ListingAsync(factory, "pembuat2", stock: 3);
        using var buyer = ShopClient.For(factory);
        await Shopping.AddAsync(buyer, listing.Id, 1);
        var page = await buyer.GetDocumentAsync("/checkout");
        var labels = new Dictionary<string, string>
        {
            ["Qris"] = "QRIS", ["GoPay"] = "GoPay", ["ShopeePay"] = "ShopeePay", ["BcaVirtualAccount"] = "Virtual account BCA",
            ["BniVirtualAccount"] = "Virtual account BNI", ["BriVirtualAccount"] = "BRIVA", ["MandiriBill"] = "Mandiri Bill Payment",
            ["PermataVirtualAccount"] = "Virtual account Permata",
        };
        foreach (var (method, label) in labels)
        {
            Assert.NotNull(page.QuerySelector($"input[name=Method][value={method}]"));
            Assert.StartsWith(label, page.QuerySelector($"label[for=pay-{method}]")!.TextContent.Trim());
        }
    }

    [Fact]
    public async Task A_QRIS_order_opens_a_transaction_that_ends_with_the_order_and_the_page_shows_the_shops_own_QR_of_its_string()
    {
        var (order, transaction) = await PlaceAsync("Qris", "pembuat", 0, "qris-qr@contoh.test");
        Assert.Equal(("qris", (long)order.Total.Amount), (transaction.PaymentType, transaction.GrossAmount));
        var due = order.PaymentDueAt!.Value;
        Assert.InRange(transaction.ExpiresAt!.Value, due.AddSeconds(-2), due); // Midtrans stops taking money when the order stops waiting
        Assert.Equal((long)order.Total.Amount, transaction.Request["item_details"]!.AsArray().Sum(i => (long)i!["price"]! * (int)i["quantity"]!));
        await using (var db = factory.OpenDb())
        {
            var attempt = await db.PaymentAttempts.SingleAsync(a => a.OrderId == order.Id);
            Assert.Equal((transaction.OrderId, AttemptStatus.Open, transaction.QrString), (attempt.Reference, attempt.Status, attempt.QrString));
        }

        using var buyer = ShopClient.For(factory);
        var page = await buyer.GetDocumentAsync($"/pesanan/{order.PublicToken}");
        var qr = (IHtmlImageElement)page.QuerySelector("img.payment-qr")!;
        Assert.StartsWith("data:image/svg+xml;base64,", qr.Source);
        Assert.Equal(transaction.QrString, QrReader.ReadDataUri(qr.Source!)); // a phone scanning the page reads Midtrans' own QR string
        Assert.Contains(order.Total.ToString(), qr.AlternativeText);
        Assert.NotNull(page.QuerySelector($"[data-order-poll='/pesanan/{order.PublicToken}/status']"));
        Assert.Equal("{\"status\":\"AwaitingPayment\"}", await buyer.Http.GetStringAsync($"/pesanan/{order.PublicToken}/status"));
        Assert.Equal(HttpStatusCode.NotFound, (await buyer.Http.GetAsync("/pesanan/tidak-ada/status")).StatusCode);
        // The order mail sends the buyer back to the page with the code, not to a card payment.
        var placed = BackOffice.BackOfficeData.QueuedMails(factory).Single(m => m.To == "qris-qr@contoh.test");
        Assert.Contains("kode QR", placed.TextBody);
        Assert.DoesNotContain("kartu", placed.TextBody);
    }

    [Fact]
    public async Task A_settlement_confirmed_by_Midtrans_pays_the_order_once_and_credits_the_ledger_however_often_it_is_told()
    {
        var maker = await MakerIdAsync(factory, "pembuat3");
        var before = await NetAsync(factory, maker);
        var (order, transaction) = await PlaceAsync("Qris", "pembuat3", 0, "qris-bayar@contoh.test", quantity: 2);
        Midtrans.Pay(transaction.OrderId);
        var notification = Midtrans.Notification(transaction.OrderId);

        Assert.Equal("Handled", await OutcomeAsync(await NotifyAsync(notification)));
        for (var i = 0; i < 5; i++) Assert.Equal("Duplicate", await OutcomeAsync(await NotifyAsync(notification)));

        var paid = await Shopping.OrderAsync(factory, order.PublicToken);
        Assert.Equal(OrderStatus.Paid, paid.Status);
        var payment = paid.Payments.Single();
        Assert.Equal((PaymentStatus.Succeeded, transaction.OrderId, order.Total), (payment.Status, payment.ProviderReference, payment.Amount));
        Assert.Equal(before + order.Subtotal, await NetAsync(factory, maker));
        await using var db = factory.OpenDb();
        Assert.Equal(AttemptStatus.Paid, await db.PaymentAttempts.Where(a => a.Reference == transaction.OrderId).Select(a => a.Status).SingleAsync());
        using var buyer = ShopClient.For(factory);
        Assert.Equal("{\"status\":\"Paid\"}", await buyer.Http.GetStringAsync($"/pesanan/{order.PublicToken}/status"));
    }

    [Fact]
    public async Task Notifications_out_of_order_and_claims_that_Midtrans_does_not_confirm_change_nothing()
    {
        var (order, transaction) = await PlaceAsync("GoPay", "pembuat4", 0, "urutan@contoh.test");
        // A notification that says "settlement" while Midtrans' status still says pending pays nothing.
        var premature = Midtrans.Notification(transaction.OrderId, status: "settlement");
        Assert.Equal("Handled", await OutcomeAsync(await NotifyAsync(premature)));
        Assert.Equal(OrderStatus.AwaitingPayment, (await Shopping.OrderAsync(factory, order.PublicToken)).Status);

        var pending = Midtrans.Notification(transaction.OrderId, status: "pending");
        Midtrans.Pay(transaction.OrderId);
        Assert.Equal("Handled", await OutcomeAsync(await NotifyAsync(Midtrans.Notification(transaction.OrderId))));
        Assert.Equal("Duplicate", await OutcomeAsync(await NotifyAsync(pending))); // the late "pending" is checked: it is settled
        Assert.Equal(OrderStatus.Paid, (await Shopping.OrderAsync(factory, order.PublicToken)).Status);
    }

    [Fact]
    public async Task Forged_or_altered_notifications_are_refused_and_change_nothing()
    {
        var (order, transaction) = await PlaceAsync("Qris", "pembuat5", 0, "palsu@contoh.test");
        Midtrans.Pay(transaction.OrderId);
        var requestsBefore = Midtrans.Requests.Count;

        using var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.BadRequest, (await NotifyAsync(Midtrans.Notification(transaction.OrderId, key: "SB-Mid-server-someone-else"))).StatusCode);
        // The amount changed after signing: the signature no longer fits.
        Assert.Equal(HttpStatusCode.BadRequest, (await NotifyAsync(Midtrans.Notification(transaction.OrderId, gross: "1.00", signedGross: transaction.Gross))).StatusCode);
        var unsigned = JsonDocument.Parse(Midtrans.Notification(transaction.OrderId)).RootElement.EnumerateObject()
            .Where(p => p.Name != "signature_key").ToDictionary(p => p.Name, p => p.Value.GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await NotifyAsync(JsonSerializer.Serialize(unsigned))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await NotifyAsync("not json at all")).StatusCode);

        Assert.Equal(requestsBefore, Midtrans.Requests.Count); // nothing forged even reaches Midtrans
        Assert.Equal(OrderStatus.AwaitingPayment, (await Shopping.OrderAsync(factory, order.PublicToken)).Status);
        await using var db = factory.OpenDb();
        Assert.False(await db.ProcessedWebhookEvents.AnyAsync(e => e.Id.StartsWith("midtrans:" + transaction.OrderId)));
    }

    [Fact]
    public async Task A_notification_for_a_transaction_the_shop_never_opened_is_logged_and_answered_200()
    {
        Midtrans.Foreign("TOKO-LAIN-0001", 50_000);
        Assert.Equal("Ignored", await OutcomeAsync(await NotifyAsync(Midtrans.Notification("TOKO-LAIN-0001"))));
        await using var db = factory.OpenDb();
        Assert.False(await db.Payments.AnyAsync(p => p.ProviderReference == "TOKO-LAIN-0001"));
    }

    [Fact]
    public async Task When_Midtrans_cannot_confirm_the_status_the_notification_is_refused_for_now_and_counts_when_sent_again()
    {
        var (order, transaction) = await PlaceAsync("ShopeePay", "pembuat6", 0, "nanti@contoh.test");
        Midtrans.Pay(transaction.OrderId);
        Midtrans.StatusDown = true;
        try
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await NotifyAsync(Midtrans.Notification(transaction.OrderId))).StatusCode);
            Assert.Equal(OrderStatus.AwaitingPayment, (await Shopping.OrderAsync(factory, order.PublicToken)).Status);
        }
        finally
        {
            Midtrans.StatusDown = false;
        }
        Assert.Equal("Handled", await OutcomeAsync(await NotifyAsync(Midtrans.Notification(transaction.OrderId))));
        Assert.Equal(OrderStatus.Paid, (await Shopping.OrderAsync(factory, order.PublicToken)).Status);
    }
}
