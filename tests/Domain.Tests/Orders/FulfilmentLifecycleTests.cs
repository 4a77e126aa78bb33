using PasKreatif.Orders;
using PasKreatif.Payments;

namespace PasKreatif.Domain.Tests.Orders;

public class FulfilmentLifecycleTests
{
    static readonly DateTimeOffset Now = new(2026, 11, 23, 5, 0, 0, TimeSpan.Zero);

    static (Fulfilment, Order) Paid(DeliveryMethod delivery) =>
        (new Fulfilment { Delivery = delivery, Status = FulfilmentStatus.New }, new Order { Status = OrderStatus.Paid, PaymentMethod = PaymentMethod.Card });

    [Fact]
    public void A_shipped_part_goes_new_preparing_shipped_with_its_note()
    {
        var (f, order) = Paid(DeliveryMethod.Shipping);
        f.MarkPreparing(order, Now);
        Assert.Equal(FulfilmentStatus.Preparing, f.Status);
        f.MarkShipped(order, "  JNE 1234567890 ", Now);
        Assert.Equal(FulfilmentStatus.Shipped, f.Status);
        Assert.Equal("JNE 1234567890", f.TrackingNote);
        Assert.Equal(Now, f.UpdatedAt);
        Assert.Equal(Now, f.ShippedAt);
        Assert.Equal([FulfilmentStatus.Delivered], f.NextSteps(order)); // shipped is not handed over yet
        f.MarkDelivered(order, Now.AddDays(3), by: null);
        Assert.Equal((FulfilmentStatus.Delivered, Now.AddDays(3), (Guid?)null), (f.Status, f.HandedOverAt, f.HandedOverById));
        Assert.Empty(f.NextSteps(order));
    }

    [Fact]
    public void Shipping_needs_a_tracking_note()
    {
        var (f, order) = Paid(DeliveryMethod.LocalDelivery);
        Assert.Equal("TrackingNoteRequired", Assert.Throws<FulfilmentRuleException>(() => f.MarkShipped(order, " ", Now)).Code);
        Assert.Equal(FulfilmentStatus.New, f.Status);
    }

    [Fact]
    public void A_pickup_part_becomes_ready_for_pickup_and_is_never_shipped()
    {
        var (f, order) = Paid(DeliveryMethod.Pickup);
        Assert.Equal([FulfilmentStatus.Preparing, FulfilmentStatus.ReadyForPickup], f.NextSteps(order));
        Assert.Equal("PickupNotShipped", Assert.Throws<FulfilmentRuleException>(() => f.MarkShipped(order, "JNE 1", Now)).Code);
        f.MarkReadyForPickup(order, Now);
        Assert.Equal(FulfilmentStatus.ReadyForPickup, f.Status);
        Assert.Equal("CannotPrepare", Assert.Throws<FulfilmentRuleException>(() => f.MarkPreparing(order, Now)).Code);
    }

    [Fact]
    public void A_delivered_part_is_not_ready_for_pickup()
    {
        var (f, order) = Paid(DeliveryMethod.Shipping);
        Assert.Equal("NotAPickup", Assert.Throws<FulfilmentRuleException>(() => f.MarkReadyForPickup(order, Now)).Code);
    }

    [Theory]
    [InlineData(OrderStatus.AwaitingPayment, PaymentMethod.BankTransfer)]
    [InlineData(OrderStatus.Cancelled, PaymentMethod.Card)]
    [InlineData(OrderStatus.Refunded, PaymentMethod.Card)]
    [InlineData(OrderStatus.Expired, PaymentMethod.CashOnPickup)]
    public void Unpaid_or_closed_orders_do_not_move(OrderStatus status, PaymentMethod method)
    {
        var f = new Fulfilment { Delivery = DeliveryMethod.Pickup, Status = FulfilmentStatus.New };
        var order = new Order { Status = status, PaymentMethod = method };
        Assert.Equal("OrderNotActive", Assert.Throws<FulfilmentRuleException>(() => f.MarkPreparing(order, Now)).Code);
        Assert.Empty(f.NextSteps(order));
    }

    [Fact]
    public void Cash_at_pickup_orders_are_prepared_before_payment()
    {
        var f = new Fulfilment { Delivery = DeliveryMethod.Pickup, Status = FulfilmentStatus.New };
        var order = new Order { Status = OrderStatus.AwaitingPayment, PaymentMethod = PaymentMethod.CashOnPickup };
        f.MarkReadyForPickup(order, Now);
        Assert.Equal(FulfilmentStatus.ReadyForPickup, f.Status);
    }

    static readonly Guid Maker = Guid.NewGuid();

    [Fact]
    public void A_prepaid_pickup_part_is_collected_after_it_is_ready_and_the_handover_says_who()
    {
        var (f, order) = Paid(DeliveryMethod.Pickup);
        f.RecordPaid(Now);
        Assert.Equal("NotReadyYet", Assert.Throws<FulfilmentRuleException>(() => f.MarkCollected(order, Now, Maker)).Code);
        f.MarkReadyForPickup(order, Now);
        Assert.Equal([FulfilmentStatus.Collected], f.NextSteps(order));
        f.MarkCollected(order, Now.AddHours(2), Maker);
        Assert.Equal((FulfilmentStatus.Collected, Now.AddHours(2), (Guid?)Maker), (f.Status, f.HandedOverAt, f.HandedOverById));
        Assert.True(f.IsHandedOver);
    }

    [Fact]
    public void A_local_delivery_is_delivered_by_its_maker_without_a_courier_step()
    {
        var (f, order) = Paid(DeliveryMethod.LocalDelivery);
        Assert.Equal([FulfilmentStatus.Preparing, FulfilmentStatus.Delivered], f.NextSteps(order));
        f.MarkDelivered(order, Now, Maker);
        Assert.Equal(FulfilmentStatus.Delivered, f.Status);
    }

    [Fact]
    public void A_shipment_arrives_only_after_it_was_shipped_and_a_pickup_is_never_delivered()
    {
        var (f, order) = Paid(DeliveryMethod.Shipping);
        Assert.Equal("NotShippedYet", Assert.Throws<FulfilmentRuleException>(() => f.MarkDelivered(order, Now, Maker)).Code);
        var (pickup, _) = Paid(DeliveryMethod.Pickup);
        Assert.Equal("PickupNotDelivered", Assert.Throws<FulfilmentRuleException>(() => pickup.MarkDelivered(order, Now, Maker)).Code);
    }

    [Fact]
    public void A_cash_part_is_collected_only_with_its_cash_and_then_counts_as_paid()
    {
        var f = new Fulfilment { Delivery = DeliveryMethod.Pickup, Status = FulfilmentStatus.ReadyForPickup };
        var order = new Order { Status = OrderStatus.AwaitingPayment, PaymentMethod = PaymentMethod.CashOnPickup };
        Assert.Empty(f.NextSteps(order)); // the maker has no "collected" button: the mentor records the cash
        Assert.Equal("CashNeedsConfirmation", Assert.Throws<FulfilmentRuleException>(() => f.MarkCollected(order, Now, Maker)).Code);
        f.MarkCashCollected(order, Now, Maker);
        Assert.True(f.IsPaid);
        Assert.Equal(FulfilmentStatus.Collected, f.Status);
        Assert.Equal("CannotCollect", Assert.Throws<FulfilmentRuleException>(() => f.MarkCashCollected(order, Now, Maker)).Code);
    }

    [Theory]
    [InlineData(PaymentMethod.BankTransfer, OrderStatus.AwaitingPayment, FulfilmentStatus.New, PartStage.AwaitingPayment)]
    [InlineData(PaymentMethod.Card, OrderStatus.AwaitingPayment, FulfilmentStatus.New, PartStage.AwaitingPayment)]
    [InlineData(PaymentMethod.CashOnPickup, OrderStatus.AwaitingPayment, FulfilmentStatus.New, PartStage.ToPrepare)]
    [InlineData(PaymentMethod.BankTransfer, OrderStatus.Paid, FulfilmentStatus.New, PartStage.ToPrepare)]
    [InlineData(PaymentMethod.BankTransfer, OrderStatus.Expired, FulfilmentStatus.Cancelled, PartStage.Cancelled)]
    [InlineData(PaymentMethod.Card, OrderStatus.Paid, FulfilmentStatus.Shipped, PartStage.Shipped)]
    public void A_maker_reads_what_to_do_or_why_to_wait(PaymentMethod method, OrderStatus status, FulfilmentStatus part, PartStage expected) =>
        Assert.Equal(expected, new Fulfilment { Status = part }.Stage(new Order { Status = status, PaymentMethod = method }));

    [Fact]
    public void A_part_on_its_way_or_handed_over_is_not_cancelled()
    {
        foreach (var status in new[] { FulfilmentStatus.Shipped, FulfilmentStatus.Delivered, FulfilmentStatus.Collected, FulfilmentStatus.Cancelled })
            Assert.Equal("CannotCancel", Assert.Throws<FulfilmentRuleException>(() => new Fulfilment { Status = status }.MarkCancelled(Now)).Code);
        var ready = new Fulfilment { Status = FulfilmentStatus.ReadyForPickup };
        ready.MarkCancelled(Now);
        Assert.False(ready.IsLive);
    }
}
