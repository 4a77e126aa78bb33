using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PasKreatif.Catalog;
using PasKreatif.Integration.Tests.Fixtures;
using PasKreatif.Orders;

namespace PasKreatif.Integration.Tests.Checkout;

/// <summary>Units sold (the "popular" sort, featured goods, programme totals) follow real payments and refunds.</summary>
public class UnitsSoldTests(CheckoutShopFactory factory) : IClassFixture<CheckoutShopFactory>
{
    async Task<int> UnitsSoldAsync(int listingId)
    {
        await using var db = factory.OpenDb();
        return await db.Listings.Where(l => l.Id == listingId).Select(l => l.UnitsSold).SingleAsync();
    }

    async Task<Order> PlaceAsync(int listingId, int quantity, string email)
    {
        using var buyer = ShopClient.For(factory);
        await Shopping.AddAsync(buyer, listingId, quantity);
        return await Shopping.OrderAsync(factory, Shopping.Token(await Shopping.CheckoutAsync(buyer, "BankTransfer", email)));
    }

    Task<OrderChange> Lifecycle(Func<OrderLifecycle, Task<OrderChange>> change) =>
        factory.WithScopeAsync(s => change(s.GetRequiredService<OrderLifecycle>()));

    [Fact]
    public async Task Payment_raises_units_sold_once_and_a_cancellation_or_refund_of_the_paid_order_lowers_them_again()
    {
        var listing = await Shopping.ListingAsync(factory, "pembuat3", stock: 10);
        var before = await UnitsSoldAsync(listing.Id);

        var first = await PlaceAsync(listing.Id, 3, "laku@contoh.test");
        Assert.Equal(before, await UnitsSoldAsync(listing.Id)); // reserved, not sold
        Assert.Equal(OrderChange.Done, await Lifecycle(l => l.MarkPaidAsync(first.Id, "TRF-1", null)));
        Assert.Equal(OrderChange.AlreadyDone, await Lifecycle(l => l.MarkPaidAsync(first.Id, "TRF-1", null)));
        Assert.Equal(before + 3, await UnitsSoldAsync(listing.Id));

        Assert.Equal(OrderChange.Done, await Lifecycle(l => l.CancelByBuyerAsync(first.PublicToken)));
        Assert.Equal(before, await UnitsSoldAsync(listing.Id));
        Assert.Equal(10, await Shopping.StockAsync(factory, listing.Id));

        var second = await PlaceAsync(listing.Id, 2, "laku-lagi@contoh.test");
        Assert.Equal(OrderChange.Done, await Lifecycle(l => l.MarkPaidAsync(second.Id, "TRF-2", null)));
        Assert.Equal(before + 2, await UnitsSoldAsync(listing.Id));
        Assert.Equal(OrderChange.Done, await Lifecycle(l => l.RefundedAtGatewayAsync("TRF-2", second.Total)));
        Assert.Equal(OrderChange.AlreadyDone, await Lifecycle(l => l.RefundedAtGatewayAsync("TRF-2", second.Total)));
        Assert.Equal(before, await UnitsSoldAsync(listing.Id));
    }

    [Fact]
    public async Task An_unpaid_order_that_lapses_changes_no_units_sold_and_a_reversal_never_goes_below_zero()
    {
        var listing = await Shopping.ListingAsync(factory, "pembuat4", stock: 6);
        var before = await UnitsSoldAsync(listing.Id);
        var unpaid = await PlaceAsync(listing.Id, 1, "lupa-bayar@contoh.test");
        Assert.Equal(OrderChange.Done, await Lifecycle(l => l.CancelByBuyerAsync(unpaid.PublicToken)));
        Assert.Equal(before, await UnitsSoldAsync(listing.Id));

        var paid = await PlaceAsync(listing.Id, 4, "nol@contoh.test");
        Assert.Equal(OrderChange.Done, await Lifecycle(l => l.MarkPaidAsync(paid.Id, "TRF-3", null)));
        await using (var db = factory.OpenDb()) // a count left by an older loader that knew fewer sales
            await db.Listings.Where(l => l.Id == listing.Id).ExecuteUpdateAsync(s => s.SetProperty(l => l.UnitsSold, 1));
        Assert.Equal(OrderChange.Done, await Lifecycle(l => l.RefundedAtGatewayAsync("TRF-3", paid.Total)));
        Assert.Equal(0, await UnitsSoldAsync(listing.Id));
    }
}
