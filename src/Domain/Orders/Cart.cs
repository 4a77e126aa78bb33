using PasKreatif.Catalog;

namespace PasKreatif.Orders;

/// <summary>A buyer's cart, kept in the database and keyed by a cookie, so any instance can serve it.</summary>
public class Cart
{
    public Guid Id { get; init; }
    public Guid? PersonId { get; internal set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; internal set; }
    public List<CartLine> Lines { get; init; } = [];
}

public class CartLine
{
    public int Id { get; init; }
    public Guid CartId { get; init; }
    public int ListingId { get; init; }
    public Listing? Listing { get; init; }
    public int Quantity { get; internal set; }
    /// <summary>The price when added, to tell the buyer plainly when it changed since.</summary>
    public Money PriceWhenAdded { get; internal set; }
    public DateTimeOffset AddedAt { get; init; }
}
