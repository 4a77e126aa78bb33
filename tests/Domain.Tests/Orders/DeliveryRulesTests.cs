using PasKreatif.Catalog;
using PasKreatif.Orders;
using PasKreatif.Organisation;
using PasKreatif.Payments;

namespace PasKreatif.Domain.Tests.Orders;

public class DeliveryRulesTests
{
    static readonly OrderOptions Options = new();
    static readonly DateTimeOffset Now = new(2026, 11, 23, 20, 0, 0, TimeSpan.Zero); // already 24 Nov in WITA

    static MakerParcel Parcel(bool perishable = false, int grams = 800, int lead = 0, params DeliveryOptions[] lines) =>
        new(lines.Length == 0 ? [DeliveryOptions.Pickup | DeliveryOptions.LocalDelivery | DeliveryOptions.Shipping] : lines, perishable, grams, lead, IndonesianZone.WITA);

    [Fact]
    public void Perishables_never_go_by_shipping()
    {
        var parcel = Parcel(perishable: true);
        Assert.DoesNotContain(DeliveryMethod.Shipping, DeliveryRules.Allowed(parcel));
        Assert.Equal(DeliveryProblem.PerishableMustStayLocal, DeliveryRules.Check(parcel, DeliveryMethod.Shipping, null, Now));
        Assert.Equal(DeliveryProblem.None, DeliveryRules.Check(parcel, DeliveryMethod.LocalDelivery, null, Now));
    }

    [Fact]
    public void Only_methods_every_line_offers_are_allowed()
    {
        var parcel = Parcel(lines: [DeliveryOptions.Pickup | DeliveryOptions.Shipping, DeliveryOptions.Pickup | DeliveryOptions.LocalDelivery]);
        Assert.Equal([DeliveryMethod.Pickup], DeliveryRules.Allowed(parcel));
        Assert.Equal(DeliveryProblem.NotOffered, DeliveryRules.Check(parcel, DeliveryMethod.Shipping, null, Now));
    }

    [Fact]
    public void Pickup_is_no_earlier_than_the_lead_time_counted_in_the_makers_zone()
    {
        var parcel = Parcel(lead: 2);
        Assert.Equal(new DateOnly(2026, 11, 26), DeliveryRules.EarliestPickup(parcel, Now));
        Assert.Equal(DeliveryProblem.PickupDateTooEarly, DeliveryRules.Check(parcel, DeliveryMethod.Pickup, new DateOnly(2026, 11, 25), Now));
        Assert.Equal(DeliveryProblem.None, DeliveryRules.Check(parcel, DeliveryMethod.Pickup, new DateOnly(2026, 11, 26), Now));
        Assert.Equal(DeliveryProblem.PickupDateMissing, DeliveryRules.Check(parcel, DeliveryMethod.Pickup, null, Now));
    }

    [Theory]
    [InlineData(800, IndonesianZone.WITA, 12_000)]
    [InlineData(1000, IndonesianZone.WITA, 12_000)]
    [InlineData(1001, IndonesianZone.WITA, 24_000)]
    [InlineData(2500, IndonesianZone.WIB, 75_000)]
    public void Shipping_is_priced_by_started_kilogram_and_zone(int grams, IndonesianZone buyer, decimal expected) =>
        Assert.Equal(Money.Of(expected), DeliveryRules.Price(Parcel(grams: grams), DeliveryMethod.Shipping, buyer, Options));

    [Fact]
    public void Pickup_is_free_and_local_delivery_is_the_flat_fee()
    {
        Assert.Equal(Money.Zero, DeliveryRules.Price(Parcel(), DeliveryMethod.Pickup, IndonesianZone.WIB, Options));
        Assert.Equal(Money.Of(15_000), DeliveryRules.Price(Parcel(), DeliveryMethod.LocalDelivery, IndonesianZone.WIB, Options));
    }

    [Fact]
    public void Payment_deadlines_follow_the_settings()
    {
        var placed = new DateTimeOffset(2026, 11, 23, 3, 0, 0, TimeSpan.Zero);
        Assert.Equal(placed.AddMinutes(60), new StripeCardPayment(new StripeOptions(), Microsoft.Extensions.Logging.Abstractions.NullLogger<StripeCardPayment>.Instance).PaymentDue(placed, null, Options));
        Assert.Equal(placed.AddHours(48), new BankTransferPayment().PaymentDue(placed, null, Options));
        var cash = new CashOnPickupPayment().PaymentDue(placed, new DateOnly(2026, 11, 30), Options);
        Assert.Equal(new DateTimeOffset(2026, 12, 7, 17, 0, 0, TimeSpan.Zero), cash); // end of 7 Dec, WIB
        Assert.Equal(TimeSpan.Zero, cash.Offset);
    }

    [Fact]
    public void Pickup_is_no_later_than_thirty_days_after_the_earliest_day_so_stock_is_never_held_for_years()
    {
        var parcel = Parcel(lead: 2);
        Assert.Equal(new DateOnly(2026, 12, 26), DeliveryRules.LatestPickup(parcel, Now));
        Assert.Equal(DeliveryProblem.None, DeliveryRules.Check(parcel, DeliveryMethod.Pickup, new DateOnly(2026, 12, 26), Now));
        Assert.Equal(DeliveryProblem.PickupDateTooLate, DeliveryRules.Check(parcel, DeliveryMethod.Pickup, new DateOnly(2026, 12, 27), Now));
        Assert.Equal(DeliveryProblem.PickupDateTooLate, DeliveryRules.Check(parcel, DeliveryMethod.Pickup, new DateOnly(2031, 12, 1), Now));
        Assert.Equal(DeliveryProblem.PickupDateTooLate, DeliveryRules.Check(parcel, DeliveryMethod.Pickup, DateOnly.MaxValue, Now));
    }

    [Fact]
    public void A_quote_prices_each_part_for_the_chosen_zone_and_the_total_is_their_sum()
    {
        var heavy = Parcel(grams: 2500); // three started kilograms, maker in WITA
        CartView cart = new(Guid.NewGuid(),
        [
            new(1, "Sari", 10, "Kelompok A", "Jl. A", IndonesianZone.WITA, heavy, [new(5, "Tas", "tas", Money.Of(50_000), Money.Of(50_000), 2, 3, true, 0)]),
            new(2, "Bayu", 11, "Kelompok B", "Jl. B", IndonesianZone.WITA, Parcel(), [new(6, "Kue", "kue", Money.Of(20_000), Money.Of(20_000), 1, 3, true, 0)]),
        ]);
        var chosen = new Dictionary<int, DeliveryMethod> { [1] = DeliveryMethod.Shipping, [2] = DeliveryMethod.Pickup };

        var wita = CheckoutPricing.Quote(cart, chosen, IndonesianZone.WITA, Options);
        var wib = CheckoutPricing.Quote(cart, chosen, IndonesianZone.WIB, Options);

        Assert.Equal(Money.Of(3 * 12_000), wita.For(1)!.Delivery); // same zone as the maker
        Assert.Equal(Money.Of(3 * 25_000), wib.For(1)!.Delivery);
        Assert.Equal(Money.Zero, wib.For(2)!.Delivery);
        Assert.Equal(Money.Of(120_000), wib.Subtotal);
        Assert.Equal(Money.Of(120_000 + 75_000), wib.Total);
        var table = CheckoutPricing.PriceTable(heavy, Options);
        Assert.Equal(wib.For(1)!.Delivery, table.Single(p => p.Method == DeliveryMethod.Shipping && p.Zone == IndonesianZone.WIB).Price);
        Assert.Equal(wita.For(1)!.Delivery, table.Single(p => p.Method == DeliveryMethod.Shipping && p.Zone == IndonesianZone.WITA).Price);
    }
}
