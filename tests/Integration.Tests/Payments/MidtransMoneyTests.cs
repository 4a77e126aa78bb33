using PasKreatif.Payments.Midtrans;
using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using PasKreatif.Integration.Tests.Checkout;
using PasKreatif.Integration.Tests.Fixtures;
using PasKreatif.Integration.Tests.OrderFlows;
using PasKreatif.Ledger;
using PasKreatif.Orders;
using PasKreatif.Payments;
using static PasKreatif.Integration.Tests.OrderFlows.OrderSteps;

namespace PasKreatif.Integration.Tests.Payments;

/// <summary>Midtrans transactions live as long as their order waits; money that arrives anyway, and refunds, go back the way the channel allows.</summary>
public class MidtransMoneyTests(MidtransShopFactory factory) : IClassFixture<MidtransShopFactory>
{
    FakeMidtrans Midtrans => factory.Midtrans;

    Task<(Order Order, MidtransSimulator.Transaction Transaction)> PlaceAsync(string method, string maker, int skip, string email, int quantity = 1) =>
        MidtransSteps.PlaceAsync(factory, method, maker, skip, email, quantity);

    async Task<string> NotifyAsync(string orderId) => await MidtransSteps.OutcomeAsync(await MidtransSteps.DeliverAsync(factory, Midtrans.Notification(orderId)));

    async Task<AttemptStatus> AttemptAsync(string reference)
    {
        await using var db = factory.OpenDb();
        return await db.PaymentAttempts.Where(a => a.Reference == reference).Select(a => a.Status).SingleAsync();
    }

    [Fact]
    public async Task An_expired_transaction_ends_the_attempt_but_not_the_order_and_the_buyer_gets_a_new_code()
    {
        var (order, first) = await PlaceAsync("BniVirtualAccount", "pembuat", 1, "kedaluwarsa@contoh.test");
        Midtrans.Become(first.OrderId, "expire");
        Assert.Equal("Handled", await NotifyAsync(first.OrderId));
        Assert.Equal(AttemptStatus.Expired, await AttemptAsync(first.OrderId));
        Assert.Equal(OrderStatus.AwaitingPayment, (await Shopping.OrderAsync(factory, order.PublicToken)).Status);

        using var buyer = ShopClient.For(factory);
        var page = await buyer.GetDocumentAsync($"/pesanan/{order.PublicToken}");
        Assert.Null(page.QuerySelector("#pay-code"));
        var again = await buyer.SubmitAsync($"/pesanan/{order.PublicToken}", new Dictionary<string, string>(), "main form[action*='handler=Pay']");
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        var second = Midtrans.For(order.Number);
        Assert.NotEqual(first.OrderId, second.OrderId); // a new transaction of its own
        page = await buyer.GetDocumentAsync($"/pesanan/{order.PublicToken}");
        Assert.Equal(second.VaNumber, page.QuerySelector("#pay-code")!.TextContent.Trim());
    }

    [Fact]
    public async Task A_code_past_its_life_is_not_shown_even_before_anything_tells_the_shop()
    {
        var (order, transaction) = await PlaceAsync("PermataVirtualAccount", "pembuat7", 1, "lewat@contoh.test");
        using var buyer = ShopClient.For(factory);
        Assert.NotNull((await buyer.GetDocumentAsync($"/pesanan/{order.PublicToken}")).QuerySelector("#pay-code"));
        await using (var db = factory.OpenDb())
            await db.PaymentAttempts.Where(a => a.Reference == transaction.OrderId).ExecuteUpdateAsync(s => s.SetProperty(a => a.ExpiresAt, DateTimeOffset.UtcNow.AddSeconds(-1)));
        var page = await buyer.GetDocumentAsync($"/pesanan/{order.PublicToken}");
        Assert.Null(page.QuerySelector("#pay-code"));
        Assert.NotNull(page.QuerySelector("main form[action*='handler=Pay']"));
    }

    [Theory]
    [InlineData("deny")]
    [InlineData("failure")]
    [InlineData("cancel")]
    public async Task A_denied_failed_or_cancelled_transaction_fails_the_payment_and_leaves_the_order_waiting(string status)
    {
        var (order, transaction) = await PlaceAsync("GoPay", "pembuat2", 1, $"gagal-{status}@contoh.test");
        Midtrans.Become(transaction.OrderId, status);
        Assert.Equal("Handled", await NotifyAsync(transaction.OrderId));
        Assert.Equal(AttemptStatus.Closed, await AttemptAsync(transaction.OrderId));
        var after = await Shopping.OrderAsync(factory, order.PublicToken);
        Assert.Equal((OrderStatus.AwaitingPayment, PaymentStatus.Failed), (after.Status, after.Payments.Single().Status));
        Assert.Equal("Duplicate", await NotifyAsync(transaction.OrderId));
    }

    [Fact]
    public async Task Cancelling_the_order_cancels_its_transaction_at_Midtrans_and_money_that_still_arrives_goes_back_through_Midtrans()
    {
        var maker = await MakerIdAsync(factory, "pembuat3");
        var (order, transaction) = await PlaceAsync("Qris", "pembuat3", 1, "qris-batal@contoh.test");
        var before = await NetAsync(factory, maker);
        using var buyer = ShopClient.For(factory);
        Assert.Equal(HttpStatusCode.Redirect, (await Shopping.CancelAsync(buyer, order.PublicToken)).StatusCode);
        Assert.Equal("cancel", Midtrans[transaction.OrderId].Status);
        Assert.Equal(AttemptStatus.Closed, await AttemptAsync(transaction.OrderId));
        Assert.Throws<InvalidOperationException>(() => Midtrans.Pay(transaction.OrderId)); // Midtrans no longer takes it

        // A payment Midtrans took anyway in the transaction's last second.
        Midtrans.Become(transaction.OrderId, "settlement");
        Assert.Equal("Refunding", await NotifyAsync(transaction.OrderId));
        Assert.Equal([(order.Total.Amount, "refund")], Midtrans[transaction.OrderId].Refunds.Select(r => ((decimal)r.Amount, Midtrans[transaction.OrderId].Status)).ToList());
        var closed = await Shopping.OrderAsync(factory, order.PublicToken);
        Assert.Equal(OrderStatus.Cancelled, closed.Status);
        var late = closed.Payments.Single(p => p.Unexpected);
        Assert.Equal((PaymentStatus.Refunded, order.Total), (late.Status, late.Refunded));
        Assert.Equal(before, await NetAsync(factory, maker)); // money that was never owed credits nobody

        // Midtrans then tells of its refund: already counted.
        Assert.Equal("Ignored", await NotifyAsync(transaction.OrderId));
        Assert.Single(Midtrans[transaction.OrderId].Refunds);
    }

    [Fact]
    public async Task A_payment_of_another_sum_than_the_orders_goes_back_whole_and_the_order_waits_on()
    {
        var maker = await MakerIdAsync(factory, "pembuat8");
        var before = await NetAsync(factory, maker);
        var (order, transaction) = await PlaceAsync("Qris", "pembuat8", 1, "jumlah-lain@contoh.test");
        Midtrans.Pay(transaction.OrderId);
        var short_ = (long)order.Total.Amount - 1_000;
        Midtrans.ReportGross(transaction.OrderId, short_); // what Midtrans' status says it took; the notification may say anything

        Assert.Equal("Refunding", await NotifyAsync(transaction.OrderId));
        var after = await Shopping.OrderAsync(factory, order.PublicToken);
        Assert.Equal(OrderStatus.AwaitingPayment, after.Status);
        var taken = after.Payments.Single(p => p.Unexpected);
        Assert.Equal(Money.Of(short_), taken.Amount);
        Assert.Equal(PaymentStatus.Pending, after.Payments.Single(p => !p.Unexpected).Status);
        Assert.Equal([short_], Midtrans[transaction.OrderId].Refunds.Select(r => (long)r.Amount).ToList());
        await using (var db = factory.OpenDb())
            Assert.Equal(RefundReason.WrongAmount, (await db.Refunds.SingleAsync(r => r.OrderId == order.Id)).Reason);
        Assert.Equal(before, await NetAsync(factory, maker)); // nothing credited for a sum the order never asked
        Assert.Equal((PaymentStatus.Refunded, Money.Of(short_)), (taken.Status, taken.Refunded));
    }

    [Fact]
    public async Task A_late_virtual_account_payment_for_a_lapsed_order_goes_back_by_transfer_to_the_account_the_buyer_gives()
    {
        var (order, transaction) = await PlaceAsync("BcaVirtualAccount", "pembuat4", 1, "va-telat@contoh.test");
        await using (var db = factory.OpenDb())
            await db.Orders.Where(o => o.Id == order.Id).ExecuteUpdateAsync(s => s.SetProperty(o => o.PaymentDueAt, DateTimeOffset.UtcNow.AddMinutes(-1)));
        await LapseOverdueOrdersAsync(factory);
        Assert.Equal(OrderStatus.Expired, (await Shopping.OrderAsync(factory, order.PublicToken)).Status);
        Assert.Equal("cancel", Midtrans[transaction.OrderId].Status); // the lapse closed the virtual account

        Midtrans.Become(transaction.OrderId, "settlement");
        Assert.Equal("Refunding", await NotifyAsync(transaction.OrderId));
        Assert.Empty(Midtrans[transaction.OrderId].Refunds); // Midtrans cannot refund a virtual account
        await using (var db = factory.OpenDb())
        {
            var refund = await db.Refunds.SingleAsync(r => r.OrderId == order.Id);
            Assert.Equal((RefundRoute.BankTransfer, RefundStatus.AwaitingAccount, order.Total, RefundReason.LatePayment), (refund.Route, refund.Status, refund.Amount, refund.Reason));
        }
        using var buyer = ShopClient.For(factory);
        var page = await buyer.GetDocumentAsync($"/pesanan/{order.PublicToken}");
        Assert.NotNull(page.QuerySelector("form.refund-account"));
    }

    [Fact]
    public async Task Refunding_one_unit_of_a_QRIS_order_goes_through_Midtrans_for_that_line_and_its_notification_counts_nothing_twice()
    {
        var maker = await MakerIdAsync(factory, "pembuat5");
        var before = await NetAsync(factory, maker);
        var (order, transaction) = await PlaceAsync("Qris", "pembuat5", 1, "qris-sebagian@contoh.test", quantity: 3);
        Midtrans.Pay(transaction.OrderId);
        Assert.Equal("Handled", await NotifyAsync(transaction.OrderId));
        var line = order.Lines.Single();

        using var officer = await SignedInAsync(factory, "admin");
        var preview = await StaffActAsync(officer, order.Id, "PreviewRefund", new Dictionary<string, string> { [$"Units[{line.Id}]"] = "1" });
        var previewPage = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await preview.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await officer.PostFormAsync(Form(previewPage, "#confirm-refund form"), $"/admin/pesanan/{order.Id}",
            new Dictionary<string, string> { ["Note"] = "Satu retak" })).StatusCode);

        var refunds = Midtrans[transaction.OrderId].Refunds;
        Assert.Equal([(long)line.UnitPrice.Amount], refunds.Select(r => r.Amount).ToList());
        Assert.Equal("partial_refund", Midtrans[transaction.OrderId].Status);
        await using (var db = factory.OpenDb())
        {
            var refund = await db.Refunds.Include(r => r.Lines).SingleAsync(r => r.OrderId == order.Id);
            Assert.Equal((RefundStatus.Sent, RefundRoute.Gateway, 1), (refund.Status, refund.Route, refund.Lines.Single().Quantity));
        }
        Assert.Equal("Ignored", await NotifyAsync(transaction.OrderId)); // Midtrans' partial_refund: the shop's own refund, already counted
        var after = await Shopping.OrderAsync(factory, order.PublicToken);
        Assert.Equal((OrderStatus.Paid, line.UnitPrice), (after.Status, after.Payments.Single().Refunded));
        Assert.Equal(before + order.Subtotal - line.UnitPrice, await NetAsync(factory, maker));
    }

    [Fact]
    public async Task A_whole_refund_made_in_Midtrans_own_dashboard_cancels_the_order_as_refunded_and_reverses_the_credits()
    {
        var maker = await MakerIdAsync(factory, "pembuat6");
        var before = await NetAsync(factory, maker);
        var (order, transaction) = await PlaceAsync("ShopeePay", "pembuat6", 1, "dasbor@contoh.test");
        Midtrans.Pay(transaction.OrderId);
        Assert.Equal("Handled", await NotifyAsync(transaction.OrderId));
        Assert.Equal(before + order.Subtotal, await NetAsync(factory, maker));

        Midtrans[transaction.OrderId].Refunds.Add(("dashboard-1", (long)order.Total.Amount, 99));
        Midtrans.Become(transaction.OrderId, "refund");
        Assert.Equal("Handled", await NotifyAsync(transaction.OrderId));
        var after = await Shopping.OrderAsync(factory, order.PublicToken);
        Assert.Equal((OrderStatus.Refunded, PaymentStatus.Refunded), (after.Status, after.Payments.Single().Status));
        Assert.Equal(before, await NetAsync(factory, maker));
        Assert.Equal("Duplicate", await NotifyAsync(transaction.OrderId));
    }
}
