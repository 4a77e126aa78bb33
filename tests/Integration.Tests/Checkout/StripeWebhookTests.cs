using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PasKreatif.Integration.Tests.Fixtures;
using PasKreatif.Ledger;
using PasKreatif.Orders;
using PasKreatif.Payments;

namespace PasKreatif.Integration.Tests.Checkout;

public class StripeWebhookTests(CheckoutShopFactory factory) : IClassFixture<CheckoutShopFactory>
{
    [Fact]
    public async Task A_signed_completion_pays_the_order_and_credits_the_makers_once_even_when_delivered_five_times()
    {
        var (order, _) = await CardOrderAsync("pembuat2", "lima-kali@contoh.test");
        var (payload, signature) = FakeStripe.Event("evt_five_" + order.Id, "checkout.session.completed", FakeStripe.CompletedSession(order.Id, $"pi_five_{order.Id}"));

        var deliveries = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => PostAsync(payload, signature)));

        Assert.All(deliveries, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        await using var db = factory.OpenDb();
        var paid = await db.Orders.Include(o => o.Payments).SingleAsync(o => o.Id == order.Id);
        Assert.Equal(OrderStatus.Paid, paid.Status);
        Assert.Equal(PaymentStatus.Succeeded, paid.Payments.Single().Status);
        Assert.Equal($"pi_five_{order.Id}", paid.Payments.Single().ProviderReference);
        Assert.Equal(1, await db.ProcessedWebhookEvents.CountAsync(e => e.Id == "evt_five_" + order.Id));
        var credits = await Credits(db, order.Id).ToListAsync();
        Assert.Equal(order.Lines.Count, credits.Count);
        Assert.Equal(order.Subtotal, Money.Sum(credits.Select(c => c.Amount))); // demo groups keep no fee
    }

    [Fact]
    public async Task Forged_and_stale_signatures_are_refused_and_change_nothing()
    {
        var (order, _) = await CardOrderAsync("pembuat3", "palsu@contoh.test");
        var session = FakeStripe.CompletedSession(order.Id, $"pi_forged_{order.Id}");

        var forged = FakeStripe.Event("evt_forged_" + order.Id, "checkout.session.completed", session, secret: "whsec_someone_else");
        var stale = FakeStripe.Event("evt_stale_" + order.Id, "checkout.session.completed", session, signedAt: DateTimeOffset.UtcNow.AddMinutes(-10));
        var (tamperedPayload, tamperedSignature) = FakeStripe.Event("evt_tampered_" + order.Id, "checkout.session.completed", session);

        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(forged.Payload, forged.Signature)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(stale.Payload, stale.Signature)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(tamperedPayload.Replace("\"paid\"", "\"paid\" "), tamperedSignature)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(forged.Payload, null)).StatusCode);

        await using var db = factory.OpenDb();
        Assert.Equal(OrderStatus.AwaitingPayment, await db.Orders.Where(o => o.Id == order.Id).Select(o => o.Status).SingleAsync());
        Assert.False(await Credits(db, order.Id).AnyAsync());
        Assert.False(await db.ProcessedWebhookEvents.AnyAsync(e => e.Id.EndsWith("_" + order.Id)));

        var fresh = FakeStripe.Event("evt_fresh_" + order.Id, "checkout.session.completed", session);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(fresh.Payload, fresh.Signature)).StatusCode);
        Assert.Equal(OrderStatus.Paid, await db.Orders.Where(o => o.Id == order.Id).Select(o => o.Status).SingleAsync());
    }

    [Fact]
    public async Task Events_for_unknown_orders_are_answered_200_and_a_second_payment_of_a_paid_order_is_refunded_at_once()
    {
        var (order, _) = await CardOrderAsync("pembuat4", "sudah@contoh.test", skip: 1);
        var first = FakeStripe.Event("evt_paid_" + order.Id, "checkout.session.completed", FakeStripe.CompletedSession(order.Id, $"pi_paid_{order.Id}"));
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(first.Payload, first.Signature)).StatusCode);

        var again = FakeStripe.Event("evt_paid_again_" + order.Id, "checkout.session.completed", FakeStripe.CompletedSession(order.Id, $"pi_other_{order.Id}"));
        var unknown = FakeStripe.Event("evt_unknown_" + order.Id, "checkout.session.completed", FakeStripe.CompletedSession(987_654, "pi_nobody"));
        var ignored = FakeStripe.Event("evt_other_" + order.Id, "customer.created", new Dictionary<string, object> { ["id"] = "cus_1", ["object"] = "customer" });
        var againResponse = await PostAsync(again.Payload, again.Signature);
        var unknownResponse = await PostAsync(unknown.Payload, unknown.Signature);

        Assert.Equal(HttpStatusCode.OK, againResponse.StatusCode);
        Assert.Contains("Refunding", await againResponse.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, unknownResponse.StatusCode);
        Assert.Contains("Ignored", await unknownResponse.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(ignored.Payload, ignored.Signature)).StatusCode);
        await using var db = factory.OpenDb();
        Assert.Equal(order.Lines.Count, await Credits(db, order.Id).CountAsync()); // the second payment credits nobody
        Assert.Equal($"pi_paid_{order.Id}", await db.Payments.Where(p => p.OrderId == order.Id && !p.Unexpected).Select(p => p.ProviderReference).SingleAsync());
        var second = await db.Payments.SingleAsync(p => p.OrderId == order.Id && p.Unexpected);
        Assert.Equal(($"pi_other_{order.Id}", PaymentStatus.Refunded), (second.ProviderReference, second.Status));
        Assert.Contains(factory.Stripe.Refunds, r => r.PaymentIntent == $"pi_other_{order.Id}" && r.Amount == (long)(second.Amount.Amount * 100));
        Assert.DoesNotContain(factory.Stripe.Refunds, r => r.PaymentIntent == $"pi_paid_{order.Id}");
    }

    [Fact]
    public async Task A_refund_made_at_Stripe_refunds_the_order_and_reverses_the_ledger_once()
    {
        var (order, listing) = await CardOrderAsync("pembuat5", "kembali@contoh.test", skip: 1);
        var balanceBefore = await BalanceAsync(listing.MakerId);
        var intent = $"pi_refund_{order.Id}";
        var paid = FakeStripe.Event("evt_pay_" + order.Id, "checkout.session.completed", FakeStripe.CompletedSession(order.Id, intent));
        await PostAsync(paid.Payload, paid.Signature);
        Assert.Equal(balanceBefore + order.Subtotal, await BalanceAsync(listing.MakerId));

        var refund = FakeStripe.Event("evt_refund_" + order.Id, "charge.refunded", FakeStripe.RefundedCharge(intent, (long)(order.Total.Amount * 100)));
        var refundAgain = FakeStripe.Event("evt_refund2_" + order.Id, "charge.refunded", FakeStripe.RefundedCharge(intent, (long)(order.Total.Amount * 100)));
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(refund.Payload, refund.Signature)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(refund.Payload, refund.Signature)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(refundAgain.Payload, refundAgain.Signature)).StatusCode);

        await using var db = factory.OpenDb();
        var refunded = await db.Orders.Include(o => o.Payments).SingleAsync(o => o.Id == order.Id);
        Assert.Equal(OrderStatus.Refunded, refunded.Status);
        Assert.Equal(PaymentStatus.Refunded, refunded.Payments.Single().Status);
        Assert.Equal(order.Lines.Count, await db.LedgerEntries.CountAsync(e => e.Kind == LedgerEntryKind.Reversal && db.Set<OrderLine>().Any(l => l.Id == e.OrderLineId && l.OrderId == order.Id)));
        Assert.Equal(balanceBefore, await BalanceAsync(listing.MakerId));
        Assert.Equal(listing.Stock, await Shopping.StockAsync(factory, listing.Id)); // nothing was prepared, so the goods are back on sale
        Assert.DoesNotContain(factory.Stripe.Requests, r => r.Path == "/v1/refunds" && r.Form.GetValueOrDefault("payment_intent") == intent);
    }

    [Fact]
    public async Task A_failed_card_keeps_the_reservation_and_a_buyer_cancelling_a_paid_card_order_is_refunded_through_Stripe()
    {
        var (order, listing) = await CardOrderAsync("pembuat6", "tarik@contoh.test", skip: 1);
        var intent = $"pi_cancel_{order.Id}";
        var failed = FakeStripe.Event("evt_fail_" + order.Id, "payment_intent.payment_failed", FakeStripe.FailedIntent(order.Id, intent));
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(failed.Payload, failed.Signature)).StatusCode);
        await using (var db = factory.OpenDb())
        {
            Assert.Equal(PaymentStatus.Failed, await db.Payments.Where(p => p.OrderId == order.Id).Select(p => p.Status).SingleAsync());
            Assert.Equal(OrderStatus.AwaitingPayment, await db.Orders.Where(o => o.Id == order.Id).Select(o => o.Status).SingleAsync());
        }
        var balanceBefore = await BalanceAsync(listing.MakerId);
        var paid = FakeStripe.Event("evt_pay_" + order.Id, "checkout.session.completed", FakeStripe.CompletedSession(order.Id, intent));
        await PostAsync(paid.Payload, paid.Signature);
        Assert.Equal(balanceBefore + order.Subtotal, await BalanceAsync(listing.MakerId));

        using var buyer = ShopClient.For(factory);
        var cancelled = await Shopping.CancelAsync(buyer, order.PublicToken);
        Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);

        // Stripe took the refund straight away, so the money went back: only now is the order refunded.
        await using var check = factory.OpenDb();
        Assert.Equal(OrderStatus.Refunded, await check.Orders.Where(o => o.Id == order.Id).Select(o => o.Status).SingleAsync());
        Assert.Contains(factory.Stripe.Requests, r => r.Path == "/v1/refunds" && r.Form["payment_intent"] == intent && r.Form["amount"] == ((long)(order.Total.Amount * 100)).ToString());
        Assert.Equal(balanceBefore, await BalanceAsync(listing.MakerId));
        Assert.Equal(PaymentStatus.Refunded, await check.Payments.Where(p => p.OrderId == order.Id).Select(p => p.Status).SingleAsync());
    }

    async Task<(Order Order, PasKreatif.Catalog.Listing Listing)> CardOrderAsync(string maker, string email, int skip = 0)
    {
        var listing = await Shopping.ListingAsync(factory, maker, stock: 4, skip);
        using var buyer = ShopClient.For(factory);
        await Shopping.AddAsync(buyer, listing.Id, 1);
        var placed = await Shopping.CheckoutAsync(buyer, "Card", email);
        Assert.Equal(HttpStatusCode.Redirect, placed.StatusCode);
        await using var db = factory.OpenDb();
        var order = await db.Orders.AsNoTracking().Include(o => o.Lines).SingleAsync(o => o.BuyerEmail == email);
        return (order, listing);
    }

    async Task<HttpResponseMessage> PostAsync(string payload, string? signature)
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/stripe/webhook") { Content = new StringContent(payload, Encoding.UTF8, "application/json") };
        if (signature is not null) request.Headers.Add("Stripe-Signature", signature);
        return await client.SendAsync(request);
    }

    static IQueryable<LedgerEntry> Credits(PasKreatif.Persistence.MarketplaceDb db, int orderId) =>
        db.LedgerEntries.Where(e => e.Kind == LedgerEntryKind.Credit && db.Set<OrderLine>().Any(l => l.Id == e.OrderLineId && l.OrderId == orderId));

    async Task<Money> BalanceAsync(int makerId)
    {
        await using var db = factory.OpenDb();
        return await new RevenueLedger(db, TimeProvider.System).BalanceAsync(makerId);
    }
}
