using PasKreatif.Organisation;

namespace PasKreatif.Orders;

/// <summary>One maker's part of a checkout priced for the chosen delivery and zone.</summary>
public sealed record PartQuote(int MakerId, DeliveryMethod Method, Money Goods, Money Delivery)
{
    public Money Total => Goods + Delivery;
}

/// <summary>What the buyer will pay, part by part: the same figures shown before placing and charged after.</summary>
public sealed record CheckoutQuote(IndonesianZone Zone, IReadOnlyList<PartQuote> Parts)
{
    public Money Subtotal => Money.Sum(Parts.Select(p => p.Goods));
    public Money DeliveryTotal => Money.Sum(Parts.Select(p => p.Delivery));
    public Money Total => Subtotal + DeliveryTotal;
    public PartQuote? For(int makerId) => Parts.FirstOrDefault(p => p.MakerId == makerId);
}

/// <summary>The one place a checkout is priced: the page shows this quote, the order is placed with it.</summary>
public static class CheckoutPricing
{
    /// <summary>Prices every part of the cart for its chosen method (the first allowed one when none or an unknown one was chosen).</summary>
    public static CheckoutQuote Quote(CartView cart, IReadOnlyDictionary<int, DeliveryMethod> chosen, IndonesianZone zone, OrderOptions options) =>
        new(zone, cart.Makers.Select(m =>
        {
            var allowed = DeliveryRules.Allowed(m.Parcel);
            var method = chosen.TryGetValue(m.MakerId, out var c) && allowed.Contains(c) ? c : allowed.Count > 0 ? allowed[0] : default;
            return new PartQuote(m.MakerId, method, m.Subtotal, DeliveryRules.Price(m.Parcel, method, zone, options));
        }).ToList());

    /// <summary>Every allowed method's price in every zone, for the page's script to update the figures as the buyer chooses.</summary>
    public static IReadOnlyList<(DeliveryMethod Method, IndonesianZone Zone, Money Price)> PriceTable(MakerParcel parcel, OrderOptions options) =>
        DeliveryRules.Allowed(parcel).SelectMany(method => Enum.GetValues<IndonesianZone>().Select(zone => (method, zone, DeliveryRules.Price(parcel, method, zone, options)))).ToList();
}
