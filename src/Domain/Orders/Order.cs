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
    public DateTimeOffset? PaymentDueAt { get; set; }
    public DateTimeOffset? PaidAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public List<Fulfilment> Fulfilments { get; set; } = [];
    public List<OrderLine> Lines { get; set; } = [];
    public List<Payment> Payments { get; set; } = [];
}

public enum DeliveryMethod { Pickup, LocalDelivery, Shipping }

public enum FulfilmentStatus { New, Preparing, Shipped, ReadyForPickup, Delivered, Collected, Cancelled }

/// <summary>The part of an order one maker prepares and hands over.</summary>
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
    public DateTimeOffset UpdatedAt { get; set; }
    public List<OrderLine> Lines { get; set; } = [];
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
