using AngleSharp.Dom;
using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using PasKreatif.Catalog;
using PasKreatif.Integration.Tests.Checkout;
using PasKreatif.Integration.Tests.Fixtures;
using PasKreatif.Orders;

namespace PasKreatif.Integration.Tests.OrderFlows;

/// <summary>The buyer sees each part's delivery and the total for their zone before placing, and pays exactly that.</summary>
public class CheckoutPricesTests(CheckoutShopFactory factory) : IClassFixture<CheckoutShopFactory>
{
    static readonly OrderOptions Prices = new();

    [Fact]
    public async Task Recalculating_shows_each_parts_delivery_and_the_total_for_the_chosen_zone_and_the_order_charges_exactly_that()
    {
        var shipped = await Shopping.ListingAsync(factory, "pembuat", stock: 5);
        var collected = await Shopping.ListingAsync(factory, "pembuat2", stock: 5);
        await using (var db = factory.OpenDb())
            await db.Listings.Where(l => l.Id == shipped.Id).ExecuteUpdateAsync(s => s.SetProperty(l => l.WeightGrams, 1800));
        await OrderSteps.NotPerishableAsync(factory, shipped.Id);
        using var buyer = ShopClient.For(factory);
        await Shopping.AddAsync(buyer, shipped.Id, 1);
        await Shopping.AddAsync(buyer, collected.Id, 2);
        var (form, fields) = await Shopping.FormAsync(buyer, "BankTransfer", "zona@contoh.test");
        fields["Zone"] = "WITA";
        fields["Deliveries[0].Method"] = "Shipping";

        var quote = await buyer.PostFormAsync(form, "/checkout?handler=Quote", fields);
        Assert.Equal(HttpStatusCode.OK, quote.StatusCode);
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await quote.Content.ReadAsStringAsync());
        var shipping = Money.Of(2 * Prices.ShippingPerKgOtherZone); // two started kilograms, from a WIB maker to a WITA buyer
        var parts = page.QuerySelectorAll("fieldset.checkout-maker");
        Assert.Equal(shipping.ToString(), parts[0].QuerySelector(".part-delivery")!.TextContent.Trim());
        Assert.Equal((shipped.Price + shipping).ToString(), parts[0].QuerySelector(".part-total")!.TextContent.Trim());
        Assert.Equal(Money.Zero.ToString(), parts[1].QuerySelector(".part-delivery")!.TextContent.Trim());
        var total = shipped.Price + collected.Price * 2 + shipping;
        Assert.Equal(total.ToString(), page.QuerySelector("#checkout-total")!.TextContent.Trim());
        Assert.Equal("WITA", page.QuerySelector<IHtmlSelectElement>("#Zone")!.Value);
        // The script's prices come from the same rule, for every zone.
        var radio = page.QuerySelector<IHtmlInputElement>($"#delivery-{shipped.MakerId}-Shipping")!;
        Assert.Contains($"\"WITA\":{shipping.Amount}", radio.GetAttribute("data-prices"));
        Assert.Contains($"\"WIB\":{2 * Prices.ShippingPerKgSameZone}", radio.GetAttribute("data-prices"));

        fields["ShownTotal"] = page.QuerySelector<IHtmlInputElement>("input[name=ShownTotal]")!.Value;
        var order = await Shopping.OrderAsync(factory, Shopping.Token(await buyer.PostFormAsync(form, "/checkout", fields)));
        Assert.Equal((total, shipping), (order.Total, order.DeliveryTotal));
        Assert.Equal(total, order.Payments.Single().Amount);
        Assert.Equal(shipping, order.Fulfilments.Single(f => f.Delivery == DeliveryMethod.Shipping).DeliveryCost);
    }

    [Fact]
    public async Task A_zone_changed_without_recalculating_is_never_charged_at_another_price_than_shown()
    {
        var listing = await Shopping.ListingAsync(factory, "pembuat3", stock: 5);
        await OrderSteps.NotPerishableAsync(factory, listing.Id);
        using var buyer = ShopClient.For(factory);
        await Shopping.AddAsync(buyer, listing.Id, 1);
        var (form, fields) = await Shopping.FormAsync(buyer, "BankTransfer", "tanpa-js@contoh.test");
        fields["Deliveries[0].Method"] = "Shipping";
        fields["ShownTotal"] = await Shopping.RecalculatedTotalAsync(buyer, form, fields); // shown for WIB
        fields["Zone"] = "WIT"; // changed, then "Pesan sekarang" straight away, without JavaScript

        var refused = await buyer.PostFormAsync(form, "/checkout", fields);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await refused.Content.ReadAsStringAsync());
        var witTotal = listing.Price + Money.Of(Prices.ShippingPerKgOtherZone);
        Assert.Contains($"Total untuk pilihan Anda sekarang {witTotal}", page.Body!.TextContent);
        Assert.Equal(witTotal.ToString(), page.QuerySelector("#checkout-total")!.TextContent.Trim());
        await using (var db = factory.OpenDb()) Assert.False(await db.Orders.AnyAsync(o => o.BuyerEmail == "tanpa-js@contoh.test"));
        Assert.Equal(5, await Shopping.StockAsync(factory, listing.Id));

        fields["ShownTotal"] = page.QuerySelector<IHtmlInputElement>("input[name=ShownTotal]")!.Value;
        var order = await Shopping.OrderAsync(factory, Shopping.Token(await buyer.PostFormAsync(form, "/checkout", fields)));
        Assert.Equal(witTotal, order.Total);
    }
}
