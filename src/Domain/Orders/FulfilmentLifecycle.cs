
namespace PasKreatif.Orders;

/// <summary>A step the fulfilment's current state does not allow; the code names the message.</summary>
public sealed class FulfilmentRuleException(string code) : Exception(code)
{
    public string Code { get; } = code;
}

/// <summary>Where a part stands as its maker reads it: what to do now, or why to wait.</summary>
public enum PartStage { AwaitingPayment, ToPrepare, Preparing, ReadyForPickup, Shipped, Delivered, Collected, Cancelled }

/// <summary>
/// A maker's own part of an order: New → Preparing → Shipped → Delivered (shipping), → Delivered
/// (local delivery), or → ReadyForPickup → Collected (pickup). Only a live order moves; a cash part is
/// collected when a mentor or officer confirms the cash (<see cref="OrderPayments"/>), never by the maker alone.
/// </summary>
public static class FulfilmentLifecycle
{
    /// <summary>Paid orders, and cash-at-pickup orders that are paid on collection.</summary>
    public static bool OrderAllowsWork(Order order) =>
        order.Status == OrderStatus.Paid
        || order.PaymentMethod == PaymentMethod.CashOnPickup && order.Status is OrderStatus.Placed or OrderStatus.AwaitingPayment;

    public static PartStage Stage(this Fulfilment f, Order order) => f.Status switch
    {
        FulfilmentStatus.Cancelled => PartStage.Cancelled,
        FulfilmentStatus.New when !OrderAllowsWork(order) && order.Status is OrderStatus.Placed or OrderStatus.AwaitingPayment => PartStage.AwaitingPayment,
        FulfilmentStatus.New => PartStage.ToPrepare,
        FulfilmentStatus.Preparing => PartStage.Preparing,
        FulfilmentStatus.ReadyForPickup => PartStage.ReadyForPickup,
        FulfilmentStatus.Shipped => PartStage.Shipped,
        FulfilmentStatus.Delivered => PartStage.Delivered,
        _ => PartStage.Collected,
    };

    public static void MarkPreparing(this Fulfilment f, Order order, DateTimeOffset now)
    {
        Require(f, order, "CannotPrepare", FulfilmentStatus.New);
        f.Move(FulfilmentStatus.Preparing, now);
    }

    public static void MarkShipped(this Fulfilment f, Order order, string trackingNote, DateTimeOffset now)
    {
        Require(f, order, "CannotShip", FulfilmentStatus.New, FulfilmentStatus.Preparing);
        if (f.Delivery == DeliveryMethod.Pickup) throw new FulfilmentRuleException("PickupNotShipped");
        var note = (trackingNote ?? "").Trim();
        if (note.Length is < 3 or > 200) throw new FulfilmentRuleException("TrackingNoteRequired");
        f.TrackingNote = note;
        f.Move(FulfilmentStatus.Shipped, now);
    }

    public static void MarkReadyForPickup(this Fulfilment f, Order order, DateTimeOffset now)
    {
        Require(f, order, "CannotReady", FulfilmentStatus.New, FulfilmentStatus.Preparing);
        if (f.Delivery != DeliveryMethod.Pickup) throw new FulfilmentRuleException("NotAPickup");
        f.Move(FulfilmentStatus.ReadyForPickup, now);
    }

    /// <summary>The buyer has the goods: a local delivery handed over, or a shipment arrived. Null <paramref name="by"/>: marked automatically.</summary>
    public static void MarkDelivered(this Fulfilment f, Order order, DateTimeOffset now, Guid? by)
    {
        if (f.Delivery == DeliveryMethod.Pickup) throw new FulfilmentRuleException("PickupNotDelivered");
        if (f.Delivery == DeliveryMethod.Shipping) Require(f, order, "NotShippedYet", FulfilmentStatus.Shipped);
        else Require(f, order, "CannotDeliver", FulfilmentStatus.New, FulfilmentStatus.Preparing, FulfilmentStatus.Shipped);
        f.Move(FulfilmentStatus.Delivered, now, by);
    }

    /// <summary>A paid pickup part handed to the buyer, recorded by its maker or a mentor or officer of its group.</summary>
    public static void MarkCollected(this Fulfilment f, Order order, DateTimeOffset now, Guid by)
    {
        if (f.Delivery != DeliveryMethod.Pickup) throw new FulfilmentRuleException("NotAPickup");
        if (order.PaymentMethod == PaymentMethod.CashOnPickup && !f.IsPaid) throw new FulfilmentRuleException("CashNeedsConfirmation");
        Require(f, order, "NotReadyYet", FulfilmentStatus.ReadyForPickup);
        f.Move(FulfilmentStatus.Collected, now, by);
    }

    /// <summary>Cash handed over at pickup: paid and collected in one step, from any step before handover.</summary>
    public static void MarkCashCollected(this Fulfilment f, Order order, DateTimeOffset now, Guid by)
    {
        if (order.PaymentMethod != PaymentMethod.CashOnPickup) throw new FulfilmentRuleException("NotCash");
        Require(f, order, "CannotCollect", FulfilmentStatus.New, FulfilmentStatus.Preparing, FulfilmentStatus.ReadyForPickup);
        f.RecordPaid(now);
        f.Move(FulfilmentStatus.Collected, now, by);
    }

    /// <summary>A part may be cancelled until it is on its way to the buyer.</summary>
    public static bool CanBeCancelled(this Fulfilment f) => f.Status is FulfilmentStatus.New or FulfilmentStatus.Preparing or FulfilmentStatus.ReadyForPickup;

    public static void MarkCancelled(this Fulfilment f, DateTimeOffset now)
    {
        if (!f.CanBeCancelled()) throw new FulfilmentRuleException("CannotCancel");
        f.Move(FulfilmentStatus.Cancelled, now);
    }

    /// <summary>The steps the maker may take next, for the buttons shown.</summary>
    public static IReadOnlyList<FulfilmentStatus> NextSteps(this Fulfilment f, Order order)
    {
        if (!OrderAllowsWork(order)) return [];
        var cash = order.PaymentMethod == PaymentMethod.CashOnPickup;
        return (f.Status, f.Delivery) switch
        {
            (FulfilmentStatus.New, DeliveryMethod.Pickup) => [FulfilmentStatus.Preparing, FulfilmentStatus.ReadyForPickup],
            (FulfilmentStatus.New, DeliveryMethod.Shipping) => [FulfilmentStatus.Preparing, FulfilmentStatus.Shipped],
            (FulfilmentStatus.New, _) => [FulfilmentStatus.Preparing, FulfilmentStatus.Delivered],
            (FulfilmentStatus.Preparing, DeliveryMethod.Pickup) => [FulfilmentStatus.ReadyForPickup],
            (FulfilmentStatus.Preparing, DeliveryMethod.Shipping) => [FulfilmentStatus.Shipped],
            (FulfilmentStatus.Preparing, _) => [FulfilmentStatus.Delivered],
            (FulfilmentStatus.Shipped, _) => [FulfilmentStatus.Delivered],
            (FulfilmentStatus.ReadyForPickup, _) when !cash => [FulfilmentStatus.Collected],
            _ => [],
        };
    }

    static void Require(Fulfilment f, Order order, string code, params FulfilmentStatus[] allowed)
    {
        if (!OrderAllowsWork(order)) throw new FulfilmentRuleException("OrderNotActive");
        if (!allowed.Contains(f.Status)) throw new FulfilmentRuleException(code);
    }
}
