using AngleSharp.Dom;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PasKreatif.Integration.Tests.Checkout;
using PasKreatif.Integration.Tests.Fixtures;
using PasKreatif.Ledger;
using PasKreatif.Orders;
using PasKreatif.Payments;
using static PasKreatif.Integration.Tests.OrderFlows.OrderSteps;

namespace PasKreatif.Integration.Tests.OrderFlows;

/// <summary>Card sessions live exactly as long as their order waits, and money that arrives anyway goes back by itself.</summary>
public class CardSessionTests(CheckoutShopFactory factory) : IClassFixture<CheckoutShopFactory>
{
    async Task<(Order Order, FakeStripe.FakeSession Session)> CardOrderAsync(string maker, int skip, string email)
    {
        var order = await PlaceAsync(factory, "Card", email, [(maker, skip, 1)], stock: 5);
        var session = factory.Stripe.Sessions.Single(s => s.OrderId == order.Id && s.Status == "open");
        return (order, session);
    }

    async Task<HttpResponseMessage> WebhookAsync(string id, string type, object data)
    {
        using var client = factory.CreateClient();
        return await FakeStripe.DeliverAsync(client, id, type, data);
    }

    [Fact]
    public async Task A_session_stops_taking_money_at_the_orders_deadline_and_closing_the_order_expires_it_at_Stripe()
    {
        var (order, session) = await CardOrderAsync("pembuat", 0, "sesi-batal@contoh.test");
        Assert.Equal(order.PaymentDueAt!.Value.ToUnixTimeSeconds(), session.ExpiresAt);

        using var buyer = ShopClient.For(factory);
        Assert.Equal(HttpStatusCode.Redirect, (await Shopping.CancelAsync(buyer, order.PublicToken)).StatusCode);

        Assert.Equal("expired", factory.Stripe.Session(session.Id).Status);
        await using var db = factory.OpenDb();
        Assert.Equal(AttemptStatus.Closed, await db.PaymentAttempts.Where(a => a.Reference == session.Id).Select(a => a.Status).SingleAsync());
        Assert.Throws<InvalidOperationException>(() => factory.Stripe.Pay(session.Id, "pi_too_late"));
    }

    [Fact]
    public async Task Starting_the_card_payment_again_expires_the_old_session_so_a_restarted_payment_never_charges_twice()
    {
        var (order, first) = await CardOrderAsync("pembuat2", 0, "sesi-ulang@contoh.test");
        using var buyer = ShopClient.For(factory);
        var restart = await buyer.SubmitAsync($"/pesanan/{order.PublicToken}", new Dictionary<string, string>(), "main form[action*='handler=Pay']");
        Assert.Equal(HttpStatusCode.Redirect, restart.StatusCode);

        Assert.Equal("expired", factory.Stripe.Session(first.Id).Status);
        var second = factory.Stripe.Sessions.Single(s => s.OrderId == order.Id && s.Status == "open");
        Assert.EndsWith(second.Id, restart.Headers.Location!.OriginalString);
        Assert.Throws<InvalidOperationException>(() => factory.Stripe.Pay(first.Id, "pi_first")); // Stripe no longer takes it

        var paid = factory.Stripe.Pay(second.Id, $"pi_second_{order.Id}");
        Assert.Equal(HttpStatusCode.OK, (await WebhookAsync($"evt_second_{order.Id}", "checkout.session.completed", paid)).StatusCode);
        var done = await Shopping.OrderAsync(factory, order.PublicToken);
        Assert.Equal((OrderStatus.Paid, $"pi_second_{order.Id}"), (done.Status, done.Payments.Single().ProviderReference));
        await using var db = factory.OpenDb();
        Assert.Equal([AttemptStatus.Closed, AttemptStatus.Paid], await db.PaymentAttempts.Where(a => a.OrderId == order.Id).OrderBy(a => a.Id).Select(a => a.Status).ToListAsync());
    }

    [Fact]
    public async Task A_restart_in_the_orders_last_minutes_gets_Stripes_thirty_minutes_and_the_order_waits_for_that_session()
    {
        var (order, _) = await CardOrderAsync("pembuat3", 0, "sesi-akhir@contoh.test");
        await using (var db = factory.OpenDb())
            await db.Orders.Where(o => o.Id == order.Id).ExecuteUpdateAsync(s => s.SetProperty(o => o.PaymentDueAt, DateTimeOffset.UtcNow.AddMinutes(5)));
        using var buyer = ShopClient.For(factory);
        await buyer.SubmitAsync($"/pesanan/{order.PublicToken}", new Dictionary<string, string>(), "main form[action*='handler=Pay']");

        var session = factory.Stripe.Sessions.Single(s => s.OrderId == order.Id && s.Status == "open");
        Assert.True(session.ExpiresAt >= DateTimeOffset.UtcNow.AddMinutes(30).ToUnixTimeSeconds(), "Stripe refuses sessions shorter than 30 minutes");
        var due = (await Shopping.OrderAsync(factory, order.PublicToken)).PaymentDueAt!.Value;
        Assert.Equal(session.ExpiresAt, due.ToUnixTimeSeconds()); // the order never lapses while its session can still be paid
    }

    [Fact]
    public async Task A_payment_that_still_arrives_for_an_expired_order_is_refunded_automatically_and_recorded()
    {
        await LapseOverdueOrdersAsync(factory);
        var (order, session) = await CardOrderAsync("pembuat4", 0, "terlambat@contoh.test");
        var maker = await MakerIdAsync(factory, "pembuat4");
        var net = await NetAsync(factory, maker);
        var stockAfterOrder = await Shopping.StockAsync(factory, order.Lines.Single().ListingId);
        // The buyer pays in the very last second, while the shop lets the order lapse.
        var paid = factory.Stripe.PaidAnyway(session.Id, $"pi_late_{order.Id}");
        await using (var db = factory.OpenDb())
            await db.Orders.Where(o => o.Id == order.Id).ExecuteUpdateAsync(s => s.SetProperty(o => o.PaymentDueAt, DateTimeOffset.UtcNow.AddMinutes(-1)));
        Assert.True(await factory.WithScopeAsync(s => s.GetRequiredService<OrderExpiryJob>().RunAsync(CancellationToken.None)) >= 1);
        Assert.Equal(stockAfterOrder + 1, await Shopping.StockAsync(factory, order.Lines.Single().ListingId));

        var response = await WebhookAsync($"evt_late_{order.Id}", "checkout.session.completed", paid);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Refunding", await response.Content.ReadAsStringAsync());

        var after = await Shopping.OrderAsync(factory, order.PublicToken);
        Assert.Equal(OrderStatus.Expired, after.Status);
        var late = Assert.Single(after.Payments, p => p.Unexpected);
        Assert.Equal(($"pi_late_{order.Id}", PaymentStatus.Refunded, order.Total, order.Total), (late.ProviderReference, late.Status, late.Amount, late.Refunded));
        Assert.Contains(factory.Stripe.Refunds, r => r.PaymentIntent == $"pi_late_{order.Id}" && r.Amount == (long)(order.Total.Amount * 100));
        await using (var db = factory.OpenDb())
        {
            var refund = await db.Refunds.SingleAsync(r => r.OrderId == order.Id);
            Assert.Equal((RefundReason.LatePayment, RefundStatus.Sent), (refund.Reason, refund.Status));
        }
        Assert.Equal(net, await NetAsync(factory, maker)); // nothing was credited for a closed order
        Assert.Equal(stockAfterOrder + 1, await Shopping.StockAsync(factory, order.Lines.Single().ListingId));
        Assert.Contains("OK", (await WebhookAsync($"evt_late_{order.Id}", "checkout.session.completed", paid)).StatusCode.ToString()); // a redelivery changes nothing
        await using var check = factory.OpenDb();
        Assert.Equal(1, await check.Refunds.CountAsync(r => r.OrderId == order.Id));
    }

    [Fact]
    public async Task An_expired_session_is_recorded_and_the_buyer_may_start_again_until_the_order_itself_lapses()
    {
        var (order, session) = await CardOrderAsync("pembuat5", 0, "sesi-habis@contoh.test");
        factory.Stripe.Session(session.Id).Status = "expired";
        var response = await WebhookAsync($"evt_expired_{order.Id}", "checkout.session.expired", FakeStripe.ExpiredSession(session.Id, order.Id));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Handled", await response.Content.ReadAsStringAsync());
        await using (var db = factory.OpenDb())
            Assert.Equal(AttemptStatus.Expired, await db.PaymentAttempts.Where(a => a.Reference == session.Id).Select(a => a.Status).SingleAsync());
        Assert.Contains("Ignored", await (await WebhookAsync($"evt_expired_again_{order.Id}", "checkout.session.expired", FakeStripe.ExpiredSession(session.Id, order.Id))).Content.ReadAsStringAsync());

        using var buyer = ShopClient.For(factory);
        var restart = await buyer.SubmitAsync($"/pesanan/{order.PublicToken}", new Dictionary<string, string>(), "main form[action*='handler=Pay']");
        Assert.StartsWith(factory.Stripe.BaseUrl + "/pay/", restart.Headers.Location!.OriginalString);
        Assert.Equal(OrderStatus.AwaitingPayment, (await Shopping.OrderAsync(factory, order.PublicToken)).Status);
    }

    [Fact]
    public async Task A_refund_Stripe_fails_waits_for_the_sweep_and_counts_only_once_Stripe_made_it()
    {
        var (order, session) = await CardOrderAsync("pembuat6", 0, "gagal-kembali@contoh.test");
        var paid = factory.Stripe.Pay(session.Id, $"pi_fail_{order.Id}");
        await WebhookAsync($"evt_fail_pay_{order.Id}", "checkout.session.completed", paid);
        factory.Stripe.RefundOutcome = "error";
        try
        {
            using var buyer = ShopClient.For(factory);
            await Shopping.CancelAsync(buyer, order.PublicToken);
            var cancelled = await Shopping.OrderAsync(factory, order.PublicToken);
            Assert.Equal((OrderStatus.Cancelled, PaymentStatus.Succeeded), (cancelled.Status, cancelled.Payments.Single().Status)); // not refunded: nothing went back
            using var officer = await SignedInAsync(factory, "petugas");
            Assert.Contains((await officer.GetDocumentAsync("/admin/pesanan")).QuerySelectorAll($"tr[data-order='{order.Number}']"), r => r.GetAttribute("data-wait") == "RefundGateway");

            factory.Stripe.RefundOutcome = "pending";
            await FollowUpsAsync(factory);
            await using (var db = factory.OpenDb())
                Assert.Equal(RefundStatus.Sending, await db.Refunds.Where(r => r.OrderId == order.Id).Select(r => r.Status).SingleAsync());
            Assert.Equal(OrderStatus.Cancelled, (await Shopping.OrderAsync(factory, order.PublicToken)).Status);

            var refunded = FakeStripe.RefundedCharge($"pi_fail_{order.Id}", (long)(order.Total.Amount * 100));
            Assert.Equal(HttpStatusCode.OK, (await WebhookAsync($"evt_fail_refunded_{order.Id}", "charge.refunded", refunded)).StatusCode);
            var done = await Shopping.OrderAsync(factory, order.PublicToken);
            Assert.Equal((OrderStatus.Refunded, PaymentStatus.Refunded), (done.Status, done.Payments.Single().Status));
            Assert.Single(factory.Stripe.Refunds, r => r.PaymentIntent == $"pi_fail_{order.Id}"); // retried with one idempotency key: one refund at Stripe
        }
        finally
        {
            factory.Stripe.RefundOutcome = "succeeded";
        }
    }

    [Fact]
    public async Task A_partial_refund_by_card_reverses_its_lines_and_a_later_one_adds_up_to_exactly_what_was_paid()
    {
        var order = await PlaceAsync(factory, "Card", "kartu-sebagian@contoh.test", [("pembuat7", 0, 2)], stock: 5);
        var session = factory.Stripe.Sessions.Single(s => s.OrderId == order.Id && s.Status == "open");
        await WebhookAsync($"evt_part_pay_{order.Id}", "checkout.session.completed", factory.Stripe.Pay(session.Id, $"pi_part_{order.Id}"));
        var line = order.Lines.Single();
        var maker = await MakerIdAsync(factory, "pembuat7");
        var afterPayment = await NetAsync(factory, maker);
        using var officer = await SignedInAsync(factory, "petugas");
        foreach (var _ in Enumerable.Range(0, 2))
        {
            var preview = await StaffActAsync(officer, order.Id, "PreviewRefund", new Dictionary<string, string> { [$"Units[{line.Id}]"] = "1" });
            var html = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await preview.Content.ReadAsStringAsync());
            await officer.PostFormAsync(Form(html, "#confirm-refund form"), $"/admin/pesanan/{order.Id}", new Dictionary<string, string>());
        }
        Assert.Equal(afterPayment - line.LineTotal, await NetAsync(factory, maker));
        Assert.Equal(2, factory.Stripe.Refunds.Count(r => r.PaymentIntent == $"pi_part_{order.Id}" && r.Amount == (long)(line.UnitPrice.Amount * 100)));
        var after = await Shopping.OrderAsync(factory, order.PublicToken);
        Assert.Equal((PaymentStatus.Refunded, order.Total), (after.Payments.Single().Status, after.Payments.Single().Refunded));
        await using var db = factory.OpenDb();
        Assert.Equal(line.LineTotal, new Money(await db.LedgerEntries.Where(e => e.Kind == LedgerEntryKind.Reversal && e.OrderLineId == line.Id).SumAsync(e => e.Amount.Amount)));
    }
}
