using PasKreatif.Orders;
using PasKreatif.Payments;

namespace PasKreatif.Domain.Tests.Orders;

public class OrderWaitsTests
{
    static readonly DateTimeOffset Placed = new(2026, 11, 20, 3, 0, 0, TimeSpan.Zero);

    static PartSnapshot Part(int id, FulfilmentStatus status, DeliveryMethod delivery = DeliveryMethod.Pickup, bool paid = false, string maker = "Sari",
        string group = "Kelompok Melati", string office = "Bapas Purwokerto", DateTimeOffset? updated = null, DateTimeOffset? shipped = null) =>
        new(id, status, delivery, paid, updated ?? Placed, shipped, null, maker, group, office);

    static OrderSnapshot Order(OrderStatus status, PaymentMethod method, IReadOnlyList<PartSnapshot> parts, IReadOnlyList<RefundSnapshot>? refunds = null,
        DateTimeOffset? paidAt = null) =>
        new(1, "PK261120-ABCDEF", status, method, "Dewi", Placed, Placed.AddHours(48), paidAt, parts, refunds ?? []);

    [Fact]
    public void An_unpaid_transfer_across_two_offices_waits_for_the_officers_of_both()
    {
        var waits = OrderWaits.For(Order(OrderStatus.AwaitingPayment, PaymentMethod.BankTransfer,
            [Part(1, FulfilmentStatus.New), Part(2, FulfilmentStatus.New, office: "Bapas Karangasem")]), 14);
        var wait = Assert.Single(waits);
        Assert.Equal((WaitFor.Transfer, WaitParty.Office, "Bapas Purwokerto, Bapas Karangasem", Placed.AddHours(48)), (wait.What, wait.Who, wait.WhoName, wait.Due));
    }

    [Fact]
    public void A_cash_order_waits_part_by_part_for_its_maker_then_for_its_group_at_pickup()
    {
        var waits = OrderWaits.For(Order(OrderStatus.AwaitingPayment, PaymentMethod.CashOnPickup,
        [
            Part(1, FulfilmentStatus.Preparing, maker: "Sari"),
            Part(2, FulfilmentStatus.ReadyForPickup, group: "Kelompok Kenanga", updated: Placed.AddDays(1)),
            Part(3, FulfilmentStatus.Collected, paid: true),
        ]), 14);
        Assert.Equal(2, waits.Count);
        Assert.Contains(waits, w => w is { FulfilmentId: 1, What: WaitFor.Preparation, Who: WaitParty.Maker, WhoName: "Sari" });
        Assert.Contains(waits, w => w is { FulfilmentId: 2, What: WaitFor.CashAtPickup, Who: WaitParty.Group, WhoName: "Kelompok Kenanga" } && w.Since == Placed.AddDays(1));
    }

    [Fact]
    public void A_paid_order_waits_for_each_maker_from_the_payment_on_and_a_shipment_until_it_counts_as_delivered()
    {
        var paid = Placed.AddHours(5);
        var shipped = Placed.AddDays(2);
        var waits = OrderWaits.For(Order(OrderStatus.Paid, PaymentMethod.BankTransfer,
        [
            Part(1, FulfilmentStatus.New, paid: true),
            Part(2, FulfilmentStatus.Shipped, DeliveryMethod.Shipping, paid: true, maker: "Bayu", shipped: shipped),
            Part(3, FulfilmentStatus.ReadyForPickup, paid: true),
            Part(4, FulfilmentStatus.Delivered, DeliveryMethod.LocalDelivery, paid: true),
        ], paidAt: paid), 14);
        Assert.Equal(3, waits.Count);
        Assert.Contains(waits, w => w is { FulfilmentId: 1, What: WaitFor.Preparation } && w.Since == paid);
        Assert.Contains(waits, w => w is { FulfilmentId: 2, What: WaitFor.Delivery, WhoName: "Bayu" } && w.Due == shipped.AddDays(14));
        Assert.Contains(waits, w => w is { FulfilmentId: 3, What: WaitFor.Collection, Who: WaitParty.Buyer });
    }

    [Fact]
    public void A_refund_not_sent_waits_for_the_buyers_account_then_for_an_officer_and_a_sent_one_waits_for_nobody()
    {
        var parts = new[] { Part(1, FulfilmentStatus.Cancelled, paid: true, office: "Bapas Mataram") };
        var waits = OrderWaits.For(Order(OrderStatus.Cancelled, PaymentMethod.BankTransfer, parts,
        [
            new(1, RefundStatus.AwaitingAccount, RefundRoute.BankTransfer, Placed.AddDays(1), null, [1]),
            new(2, RefundStatus.ToSend, RefundRoute.BankTransfer, Placed.AddDays(1), Placed.AddDays(2), [1]),
            new(3, RefundStatus.ToSend, RefundRoute.Gateway, Placed.AddDays(1), null, []),
            new(4, RefundStatus.Sent, RefundRoute.BankTransfer, Placed.AddDays(1), Placed.AddDays(2), [1]),
        ]), 14);
        Assert.Equal([WaitFor.RefundAccount, WaitFor.RefundTransfer, WaitFor.RefundGateway], waits.Select(w => w.What));
        Assert.Equal((WaitParty.Office, "Bapas Mataram", Placed.AddDays(2)), (waits[1].Who, waits[1].WhoName, waits[1].Since));
    }

    [Theory]
    [InlineData(OrderStatus.Completed)]
    [InlineData(OrderStatus.Expired)]
    [InlineData(OrderStatus.Refunded)]
    public void A_finished_order_waits_for_nothing(OrderStatus status) =>
        Assert.Empty(OrderWaits.For(Order(status, PaymentMethod.BankTransfer, [Part(1, FulfilmentStatus.Collected, paid: true)]), 14));
}
