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
}
