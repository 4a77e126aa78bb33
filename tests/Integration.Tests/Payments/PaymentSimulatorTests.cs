using System.Net;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PasKreatif.Integration.Tests.Fixtures;
using PasKreatif.Integration.Tests.OrderFlows;
using PasKreatif.Orders;
using PasKreatif.Payments;
using PasKreatif.Payments.Midtrans;

namespace PasKreatif.Integration.Tests.Payments;

/// <summary>
/// The demo's payment simulator, as ./run.sh runs the shop: it is paid by the buyer's tap and tells the shop
/// through Midtrans' own path (a signed HTTP notification, then the status API over HTTP), never by a shortcut.
/// </summary>
public class PaymentSimulatorTests(SimulatorShopFactory factory) : IClassFixture<SimulatorShopFactory>
{
    [Fact]
    public async Task A_guest_pays_by_QRIS_in_the_labelled_simulator_and_the_shop_learns_it_from_a_signed_notification_it_confirms()
    {
        var order = await OrderSteps.PlaceAsync(factory, "Qris", "sim-qris@contoh.test", [("pembuat", 0, 1)], stock: 5);
        using var buyer = ShopClient.For(factory);
        var page = await buyer.GetDocumentAsync($"/pesanan/{order.PublicToken}");
        Assert.NotNull(page.QuerySelector("img.payment-qr")); // the shop's own QR of the simulator's QRIS string
        Assert.Contains("Simulasi: tidak ada uang yang berpindah", page.QuerySelector(".payment-simulated")!.TextContent);
        var link = page.QuerySelector("#simulator-link")!.GetAttribute("href")!;
        var reference = Uri.UnescapeDataString(link["/simulasi/bayar/".Length..]);
        Assert.StartsWith(order.Number + "-", reference);

        var simulator = await buyer.GetDocumentAsync(link);
        Assert.Contains("Simulasi: tidak ada uang yang berpindah", simulator.QuerySelector("#simulator-label")!.TextContent);
        Assert.Equal("pending", simulator.QuerySelector("#simulator-transaction")!.GetAttribute("data-status"));
        Assert.Contains(order.Total.ToString(), simulator.QuerySelector("#simulator-transaction")!.TextContent);

        var paid = await buyer.SubmitAsync(link, new Dictionary<string, string>(), "form[action$='handler=Pay']");
        Assert.Equal(HttpStatusCode.Redirect, paid.StatusCode);
        var after = await buyer.GetDocumentAsync(link);
        Assert.Equal("Paid", after.QuerySelector("#simulator-outcome")!.GetAttribute("data-outcome"));
        Assert.Equal("settlement", after.QuerySelector("#simulator-transaction")!.GetAttribute("data-status"));

        await using var db = factory.OpenDb();
        Assert.Equal(OrderStatus.Paid, await db.Orders.Where(o => o.Id == order.Id).Select(o => o.Status).SingleAsync());
        // Acted on through the notification handler, once, for this transaction and status.
        Assert.True(await db.ProcessedWebhookEvents.AnyAsync(e => e.Id == $"midtrans:{reference}:settlement"));
        Assert.Equal(PaymentStatus.Succeeded, await db.Payments.Where(p => p.OrderId == order.Id && !p.Unexpected).Select(p => p.Status).SingleAsync());
        await LedgerInvariant.AssertHoldsAsync(factory.ConnectionString);
    }

    [Fact]
    public async Task A_BRI_virtual_account_is_paid_by_its_number_and_a_refused_one_leaves_the_order_waiting()
    {
        var order = await OrderSteps.PlaceAsync(factory, "BriVirtualAccount", "sim-va@contoh.test", [("pembuat2", 0, 1)], stock: 5);
        var simulator = factory.Services.GetRequiredService<MidtransSimulator>();
        var transaction = simulator.Transactions.Single(t => t.OrderId.StartsWith(order.Number + "-", StringComparison.Ordinal));
        using var buyer = ShopClient.For(factory);
        var page = await buyer.GetDocumentAsync($"/pesanan/{order.PublicToken}");
        Assert.Equal(transaction.VaNumber, page.QuerySelector("#pay-code")!.TextContent.Trim());
        var link = $"/simulasi/bayar/{transaction.OrderId}";
        Assert.Contains(transaction.VaNumber!, (await buyer.GetDocumentAsync(link)).QuerySelector("#simulator-transaction")!.TextContent);
        await buyer.SubmitAsync(link, new Dictionary<string, string>(), "form[action$='handler=Pay']");
        await using (var db = factory.OpenDb())
            Assert.Equal(OrderStatus.Paid, await db.Orders.Where(o => o.Id == order.Id).Select(o => o.Status).SingleAsync());

        var refused = await OrderSteps.PlaceAsync(factory, "GoPay", "sim-tolak@contoh.test", [("pembuat2", 1, 1)], stock: 5);
        var gopay = simulator.Transactions.Single(t => t.OrderId.StartsWith(refused.Number + "-", StringComparison.Ordinal));
        Assert.EndsWith($"/simulasi/bayar/{gopay.OrderId}", gopay.DeepLink); // the e-wallet's app is the simulator too
        await buyer.SubmitAsync($"/simulasi/bayar/{gopay.OrderId}", new Dictionary<string, string>(), "form[action$='handler=Refuse']");
        Assert.Equal("deny", gopay.Status);
        await using (var db = factory.OpenDb())
        {
            Assert.Equal(OrderStatus.AwaitingPayment, await db.Orders.Where(o => o.Id == refused.Id).Select(o => o.Status).SingleAsync());
            Assert.True(await db.ProcessedWebhookEvents.AnyAsync(e => e.Id == $"midtrans:{gopay.OrderId}:deny"));
        }
        // What was refused can no longer be paid.
        var closed = await buyer.GetDocumentAsync($"/simulasi/bayar/{gopay.OrderId}");
        Assert.Equal("deny", closed.QuerySelector("#simulator-transaction")!.GetAttribute("data-status"));
        Assert.Null(closed.QuerySelector("form[action$='handler=Pay']"));
        Assert.False(simulator.TryPay(gopay.OrderId));
    }

    [Fact]
    public async Task The_simulators_API_asks_for_its_own_server_key_and_a_notification_signed_otherwise_is_refused()
    {
        using var http = new HttpClient { BaseAddress = new Uri(factory.BaseUrl) };
        var charge = new StringContent("""{"payment_type":"qris","transaction_details":{"order_id":"X-1","gross_amount":1000}}""", Encoding.UTF8, "application/json");
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.PostAsync("/simulasi/midtrans/v2/charge", charge)).StatusCode);
        var key = factory.Services.GetRequiredService<MidtransOptions>().ServerKey!;
        Assert.StartsWith("SIMULASI-", key);
        Assert.NotEqual(FakeMidtrans.ServerKey, key);

        var order = await OrderSteps.PlaceAsync(factory, "Qris", "sim-palsu@contoh.test", [("pembuat3", 0, 1)], stock: 5);
        var simulator = factory.Services.GetRequiredService<MidtransSimulator>();
        var transaction = simulator.Transactions.Single(t => t.OrderId.StartsWith(order.Number + "-", StringComparison.Ordinal));
        var forged = simulator.NotificationBody(transaction.OrderId, "settlement");
        forged["signature_key"] = FakeMidtrans.Sign(transaction.OrderId, "200", transaction.Gross, "SB-Mid-server-guess");
        Assert.Equal(HttpStatusCode.BadRequest, (await FakeMidtrans.DeliverAsync(http, forged.ToJsonString())).StatusCode);
        // Rightly signed but not paid at the simulator: the status API says pending, so nothing is paid.
        var early = simulator.NotificationBody(transaction.OrderId, "settlement");
        early["signature_key"] = FakeMidtrans.Sign(transaction.OrderId, "200", transaction.Gross, key);
        Assert.Equal(HttpStatusCode.OK, (await FakeMidtrans.DeliverAsync(http, early.ToJsonString())).StatusCode);
        await using var db = factory.OpenDb();
        Assert.Equal(OrderStatus.AwaitingPayment, await db.Orders.Where(o => o.Id == order.Id).Select(o => o.Status).SingleAsync());
    }

    [Fact]
    public void The_shop_refuses_to_start_with_the_simulator_on_beside_real_Midtrans_keys()
    {
        using var both = new SimulatorBesideKeys();
        var error = Assert.ThrowsAny<Exception>(() => both.CreateClient());
        while (error is not InvalidOperationException && error.InnerException is { } inner) error = inner;
        Assert.IsType<InvalidOperationException>(error);
        Assert.Contains("Midtrans:Simulator is on while real Midtrans keys are set", error.Message);
    }

    sealed class SimulatorBesideKeys : ShopFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            Database = "unused"; // never reached: the host stops while its services are registered
            base.ConfigureWebHost(builder);
            builder.UseSetting("Midtrans:Simulator", "true");
            builder.UseSetting("Midtrans:ServerKey", "Mid-server-real-looking-key");
        }
    }
}
