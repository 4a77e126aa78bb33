using PasKreatif.Catalog;
using PasKreatif.Makers;
using PasKreatif.Organisation;
using PasKreatif.Payments;

namespace PasKreatif.Orders;

public enum OrderStatus { Placed, AwaitingPayment, Paid, Completed, Cancelled, Expired, Refunded }

/// <summary>One checkout: one payment, one fulfilment per maker.</summary>
public class Order
{
    public int Id { get; set; }
    public string Number { get; set; } = "";
    /// <summary>The unguessable part of the order's status link.</summary>
    public string PublicToken { get; set; } = "";
    /// <summary>The cart this order was placed from; unique, so one cart gives at most one order.</summary>
    public Guid? CartId { get; set; }
    public Guid? BuyerId { get; set; }
    public string BuyerName { get; set; } = "";
    public string BuyerEmail { get; set; } = "";
    public string BuyerPhone { get; set; } = "";
    public string Address { get; set; } = "";
    public string Culture { get; set; } = "id";
    public IndonesianZone Zone { get; set; } = IndonesianZone.WIB;
    public OrderStatus Status { get; set; }
    public PaymentMethod PaymentMethod { get; set; }
    public Money Subtotal { get; set; }
    public Money DeliveryTotal { get; set; }
    public Money Total { get; set; }
    public DateTimeOffset PlacedAt { get; set; }
    /// <summary>Bank transfer and card: the order lapses unpaid after this. Cash: the last part's collection deadline.</summary>
    public DateTimeOffset? PaymentDueAt { get; set; }
    public DateTimeOffset? PaidAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public List<Fulfilment> Fulfilments { get; set; } = [];
    public List<OrderLine> Lines { get; set; } = [];
    public List<Payment> Payments { get; set; } = [];

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
    public int Id { get; set; }
    public int OrderId { get; set; }
    public Order? Order { get; set; }
    public int MakerId { get; set; }
    public Maker? Maker { get; set; }
    public int GroupId { get; set; }
    public DeliveryMethod Delivery { get; set; }
    public DateOnly? PickupDate { get; set; }
    public Money DeliveryCost { get; set; }
    public FulfilmentStatus Status { get; set; }
    public string? TrackingNote { get; set; }
    /// <summary>When the part last moved a step: "since when" for whoever it waits for now.</summary>
    public DateTimeOffset UpdatedAt { get; set; }

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

    public List<OrderLine> Lines { get; set; } = [];

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
    public int Id { get; set; }
    public int OrderId { get; set; }
    public int FulfilmentId { get; set; }
    public int ListingId { get; set; }
    public Listing? Listing { get; set; }
    public int MakerId { get; set; }
    /// <summary>The title as sold, kept even if the listing changes later.</summary>
    public string Title { get; set; } = "";
    public Money UnitPrice { get; set; }
    public int Quantity { get; set; }
    public Money LineTotal { get; set; }
}
