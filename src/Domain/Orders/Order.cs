using PasKreatif.Catalog;
using PasKreatif.Makers;
using PasKreatif.Organisation;

namespace PasKreatif.Orders;

public enum OrderStatus { Placed, AwaitingPayment, Paid, Completed, Cancelled, Expired, Refunded }

/// <summary>One checkout: one payment, one fulfilment per maker.</summary>
public class Order
{
    public int Id { get; init; }
    public string Number { get; init; } = "";
    /// <summary>The unguessable part of the order's status link.</summary>
    public string PublicToken { get; init; } = "";
    /// <summary>The cart this order was placed from; unique, so one cart gives at most one order.</summary>
    public Guid? CartId { get; init; }
    public Guid? BuyerId { get; init; }
    public string BuyerName { get; internal set; } = "";
    public string BuyerEmail { get; internal set; } = "";
    public string BuyerPhone { get; init; } = "";
    public string Address { get; internal set; } = "";
    public string Culture { get; internal set; } = "id";
    public IndonesianZone Zone { get; internal set; } = IndonesianZone.WIB;
    public OrderStatus Status { get; internal set; }
    public PaymentMethod PaymentMethod { get; internal set; }
    public Money Subtotal { get; internal set; }
    public Money DeliveryTotal { get; internal set; }
    public Money Total { get; internal set; }
    public DateTimeOffset PlacedAt { get; init; }
    /// <summary>Bank transfer and card: the order lapses unpaid after this. Cash: the last part's collection deadline.</summary>
    public DateTimeOffset? PaymentDueAt { get; internal set; }
    public DateTimeOffset? PaidAt { get; internal set; }
    public DateTimeOffset? ClosedAt { get; internal set; }
    public List<Fulfilment> Fulfilments { get; init; } = [];
    public List<OrderLine> Lines { get; init; } = [];
    public List<Payment> Payments { get; init; } = [];

    public bool IsOpen => Status is OrderStatus.Placed or OrderStatus.AwaitingPayment or OrderStatus.Paid;
}

public enum DeliveryMethod { Pickup, LocalDelivery, Shipping }

public enum FulfilmentStatus { New, Preparing, Shipped, ReadyForPickup, Delivered, Collected, Cancelled }

/// <summary>
/// The part of an order one maker prepares and hands over. Its steps are taken through
/// <see cref="FulfilmentLifecycle"/>; the timestamps below say when each thing happened.
/// </summary>
public class Fulfilment
{
    public int Id { get; init; }
    public int OrderId { get; internal set; }
    public Order? Order { get; init; }
    public int MakerId { get; init; }
    public Maker? Maker { get; init; }
    public int GroupId { get; init; }
    public DeliveryMethod Delivery { get; internal set; }
    public DateOnly? PickupDate { get; init; }
    public Money DeliveryCost { get; init; }
    public FulfilmentStatus Status { get; internal set; }
    public string? TrackingNote { get; internal set; }
    /// <summary>When the part last moved a step: "since when" for whoever it waits for now.</summary>
    public DateTimeOffset UpdatedAt { get; internal set; }

    /// <summary>When the money for this part was confirmed: the whole order's payment, or cash at this part's pickup.</summary>
    public DateTimeOffset? PaidAt { get; private set; }
    /// <summary>Cash at pickup only: the part is cancelled when not collected (and paid) by then.</summary>
    public DateTimeOffset? CollectBy { get; private set; }
    /// <summary>When the maker handed a shipped part to the courier.</summary>
    public DateTimeOffset? ShippedAt { get; private set; }
    /// <summary>When the buyer got the goods: delivered or collected.</summary>
    public DateTimeOffset? HandedOverAt { get; private set; }
    /// <summary>Who recorded the handover (the maker or a mentor/officer); null when marked delivered automatically.</summary>
    public Guid? HandedOverById { get; private set; }

    public List<OrderLine> Lines { get; init; } = [];

    public bool IsPaid => PaidAt is not null;
    public bool IsHandedOver => Status is FulfilmentStatus.Delivered or FulfilmentStatus.Collected;
    public bool IsLive => Status != FulfilmentStatus.Cancelled;
    /// <summary>Whole part's value: its lines and its delivery.</summary>
    public Money Total => Money.Sum(Lines.Select(l => l.LineTotal)) + DeliveryCost;

    public void RecordPaid(DateTimeOffset at) => PaidAt ??= at;

    public void SetCollectBy(DateTimeOffset? deadline) => CollectBy = deadline;

    internal void Move(FulfilmentStatus to, DateTimeOffset now, Guid? by = null)
    {
        Status = to;
        UpdatedAt = now;
        if (to == FulfilmentStatus.Shipped) ShippedAt = now;
        if (to is FulfilmentStatus.Delivered or FulfilmentStatus.Collected)
        {
            HandedOverAt = now;
            HandedOverById = by;
        }
    }
}

public class OrderLine
{
    public int Id { get; init; }
    public int OrderId { get; internal set; }
    public int FulfilmentId { get; internal set; }
    public int ListingId { get; init; }
    public Listing? Listing { get; init; }
    public int MakerId { get; init; }
    /// <summary>The title as sold, kept even if the listing changes later.</summary>
    public string Title { get; init; } = "";
    public Money UnitPrice { get; init; }
    public int Quantity { get; init; }
    public Money LineTotal { get; init; }
}
