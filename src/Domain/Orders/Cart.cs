using PasKreatif.Catalog;

namespace PasKreatif.Orders;

/// <summary>A buyer's cart, kept in the database and keyed by a cookie, so any instance can serve it.</summary>
public class Cart
{
    public Guid Id { get; set; }
    public Guid? PersonId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public List<CartLine> Lines { get; set; } = [];
}

public class CartLine
{
    public int Id { get; set; }
    public Guid CartId { get; set; }
    public int ListingId { get; set; }
    public Listing? Listing { get; set; }
    public int Quantity { get; set; }
    /// <summary>The price when added, to tell the buyer plainly when it changed since.</summary>
    public Money PriceWhenAdded { get; set; }
    public DateTimeOffset AddedAt { get; set; }
}
