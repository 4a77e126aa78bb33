using PasKreatif.Organisation;

namespace PasKreatif.Orders;

public enum DeliveryProblem { None, NotOffered, PerishableMustStayLocal, PickupDateMissing, PickupDateTooEarly, PickupDateTooLate }

/// <summary>What one maker's part of a cart allows: offered methods, perishables, weight and lead time.</summary>
public sealed record MakerParcel(IReadOnlyList<Catalog.DeliveryOptions> LineOptions, bool Perishable, int WeightGrams, int LeadTimeDays, IndonesianZone MakerZone);

/// <summary>Delivery choices per maker and their price: pure rules, no I/O.</summary>
public static class DeliveryRules
{
    /// <summary>The methods every line of the parcel offers; perishables never travel by shipping.</summary>
    public static IReadOnlyList<DeliveryMethod> Allowed(MakerParcel parcel)
    {
        var all = new List<DeliveryMethod>();
        foreach (var method in Enum.GetValues<DeliveryMethod>())
        {
            if (method == DeliveryMethod.Shipping && parcel.Perishable) continue;
            if (parcel.LineOptions.All(o => o.HasFlag(Flag(method)))) all.Add(method);
        }
        return all;
    }

    /// <summary>When a cash part not collected lapses: the end of the grace period's last day, at the latest Indonesian midnight (WIB), so no zone loses a day.</summary>
    public static DateTimeOffset CashCollectBy(DateOnly pickup, OrderOptions options) =>
        new DateTimeOffset(pickup.AddDays(options.CashPickupGraceDays + 1).ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(7)).ToUniversalTime();

    /// <summary>A pickup may be booked up to this many days after the earliest day, never years ahead.</summary>
    public const int PickupWindowDays = 30;

    public static DateOnly EarliestPickup(MakerParcel parcel, DateTimeOffset now) =>
        DateOnly.FromDateTime(now.ToZone(parcel.MakerZone).DateTime).AddDays(Math.Max(parcel.LeadTimeDays, 0));

    public static DateOnly LatestPickup(MakerParcel parcel, DateTimeOffset now) => EarliestPickup(parcel, now).AddDays(PickupWindowDays);

    public static DeliveryProblem Check(MakerParcel parcel, DeliveryMethod method, DateOnly? pickupDate, DateTimeOffset now)
    {
        if (method == DeliveryMethod.Shipping && parcel.Perishable) return DeliveryProblem.PerishableMustStayLocal;
        if (!Allowed(parcel).Contains(method)) return DeliveryProblem.NotOffered;
        if (method != DeliveryMethod.Pickup) return DeliveryProblem.None;
        if (pickupDate is null) return DeliveryProblem.PickupDateMissing;
        if (pickupDate < EarliestPickup(parcel, now)) return DeliveryProblem.PickupDateTooEarly;
        return pickupDate > LatestPickup(parcel, now) ? DeliveryProblem.PickupDateTooLate : DeliveryProblem.None;
    }

    public static Money Price(MakerParcel parcel, DeliveryMethod method, IndonesianZone buyerZone, OrderOptions options) => method switch
    {
        DeliveryMethod.Pickup => Money.Zero,
        DeliveryMethod.LocalDelivery => Money.Of(options.LocalDeliveryFee),
        // Every started kilogram counts; a parcel weighs at least one.
        _ => Money.Of(Math.Max(1, (parcel.WeightGrams + 999) / 1000) * (buyerZone == parcel.MakerZone ? options.ShippingPerKgSameZone : options.ShippingPerKgOtherZone)),
    };

    static Catalog.DeliveryOptions Flag(DeliveryMethod method) => method switch
    {
        DeliveryMethod.Pickup => Catalog.DeliveryOptions.Pickup,
        DeliveryMethod.LocalDelivery => Catalog.DeliveryOptions.LocalDelivery,
        _ => Catalog.DeliveryOptions.Shipping,
    };
}
