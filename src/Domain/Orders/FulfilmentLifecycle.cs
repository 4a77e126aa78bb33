using PasKreatif.Payments;

namespace PasKreatif.Orders;

/// <summary>A step the fulfilment's current state does not allow; the code names the message.</summary>
public sealed class FulfilmentRuleException(string code) : Exception(code)
{
    public string Code { get; } = code;
}

/// <summary>
/// A maker's own part of an order: New → Preparing → Shipped (with a tracking note) or
/// ReadyForPickup. Shipping fits delivered parts, pickup fits pickup parts; only a live order moves.
/// </summary>
public static class FulfilmentLifecycle
{
    /// <summary>Paid orders, and cash-at-pickup orders that are paid on collection.</summary>
    public static bool OrderAllowsWork(Order order) =>
        order.Status == OrderStatus.Paid
        || order.PaymentMethod == PaymentMethod.CashOnPickup && order.Status is OrderStatus.Placed or OrderStatus.AwaitingPayment;

    public static void MarkPreparing(this Fulfilment f, Order order, DateTimeOffset now)
    {
        Require(f, order, "CannotPrepare", FulfilmentStatus.New);
        Move(f, FulfilmentStatus.Preparing, now);
    }

    public static void MarkShipped(this Fulfilment f, Order order, string trackingNote, DateTimeOffset now)
    {
        Require(f, order, "CannotShip", FulfilmentStatus.New, FulfilmentStatus.Preparing);
        if (f.Delivery == DeliveryMethod.Pickup) throw new FulfilmentRuleException("PickupNotShipped");
        var note = (trackingNote ?? "").Trim();
        if (note.Length is < 3 or > 200) throw new FulfilmentRuleException("TrackingNoteRequired");
        f.TrackingNote = note;
        Move(f, FulfilmentStatus.Shipped, now);
    }

    public static void MarkReadyForPickup(this Fulfilment f, Order order, DateTimeOffset now)
    {
        Require(f, order, "CannotReady", FulfilmentStatus.New, FulfilmentStatus.Preparing);
        if (f.Delivery != DeliveryMethod.Pickup) throw new FulfilmentRuleException("NotAPickup");
        Move(f, FulfilmentStatus.ReadyForPickup, now);
    }

    /// <summary>The steps the maker may take next, for the buttons shown.</summary>
    public static IReadOnlyList<FulfilmentStatus> NextSteps(this Fulfilment f, Order order)
    {
        if (!OrderAllowsWork(order)) return [];
        return f.Status switch
        {
            FulfilmentStatus.New => [FulfilmentStatus.Preparing, f.Delivery == DeliveryMethod.Pickup ? FulfilmentStatus.ReadyForPickup : FulfilmentStatus.Shipped],
            FulfilmentStatus.Preparing => [f.Delivery == DeliveryMethod.Pickup ? FulfilmentStatus.ReadyForPickup : FulfilmentStatus.Shipped],
            _ => [],
        };
    }

    static void Require(Fulfilment f, Order order, string code, params FulfilmentStatus[] allowed)
    {
        if (!OrderAllowsWork(order)) throw new FulfilmentRuleException("OrderNotActive");
        if (!allowed.Contains(f.Status)) throw new FulfilmentRuleException(code);
    }

    static void Move(Fulfilment f, FulfilmentStatus to, DateTimeOffset now)
    {
        f.Status = to;
        f.UpdatedAt = now;
    }
}
