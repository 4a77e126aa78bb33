using AngleSharp.Dom;
using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using PasKreatif.Catalog;
using PasKreatif.Integration.Tests.Fixtures;
using PasKreatif.Orders;

namespace PasKreatif.Integration.Tests.Checkout;

/// <summary>What a buyer does through the pages: add to cart, fill the checkout form, post it.</summary>
static class Shopping
{
    /// <summary>An approved listing of the maker, with exactly this stock, no lead time, every delivery method.</summary>
    public static async Task<Listing> ListingAsync(ShopFactory factory, string makerLogin, int stock, int skip = 0)
    {
        await using var db = factory.OpenDb();
        var listing = await db.Listings.Where(l => l.Status == ListingStatus.Approved && l.Maker!.Person!.UserName == makerLogin)
            .OrderBy(l => l.Id).Skip(skip).FirstAsync();
        await db.Listings.Where(l => l.Id == listing.Id).ExecuteUpdateAsync(s => s
            .SetProperty(l => l.Stock, stock).SetProperty(l => l.MadeToOrder, false).SetProperty(l => l.LeadTimeDays, 0)
            .SetProperty(l => l.Delivery, DeliveryOptions.Pickup | DeliveryOptions.LocalDelivery | DeliveryOptions.Shipping));
        return await db.Listings.AsNoTracking().SingleAsync(l => l.Id == listing.Id);
    }

    public static async Task AddAsync(ShopClient client, int listingId, int quantity = 1)
    {
        var response = await client.SubmitAsync($"/keranjang/tambah/{listingId}", new Dictionary<string, string> { ["Quantity"] = quantity.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    /// <summary>The checkout form, filled as a buyer would: every maker's part picked up a week from now.</summary>
    public static async Task<(IHtmlFormElement Form, Dictionary<string, string> Fields)> FormAsync(ShopClient client, string method, string email, string culture = "id")
    {
        var page = await client.GetDocumentAsync("/checkout");
        var form = page.QuerySelector<IHtmlFormElement>("main form[method=post]")!;
        var fields = new Dictionary<string, string>
        {
            ["Name"] = "Sari Pembeli", ["Phone"] = "0812 3456 7890", ["Email"] = email,
            ["Address"] = "Jl. Melati No. 12, Purwokerto", ["Zone"] = "WIB", ["Method"] = method,
        };
        var makers = form.QuerySelectorAll("input[type=hidden][name$='.MakerId']").Length;
        for (var i = 0; i < makers; i++)
        {
            fields[$"Deliveries[{i}].Method"] = "Pickup";
            fields[$"Deliveries[{i}].PickupDate"] = DateTime.UtcNow.AddDays(7).ToString("yyyy-MM-dd");
        }
        return (form, fields);
    }

    /// <summary>
    /// Places the order as a buyer without JavaScript would: when the delivery or the zone changed, "Hitung ulang"
    /// first, so the total shown (and then charged) is the one for those choices.
    /// </summary>
    public static async Task<HttpResponseMessage> CheckoutAsync(ShopClient client, string method, string email, IDictionary<string, string>? extra = null)
    {
        var (form, fields) = await FormAsync(client, method, email);
        foreach (var (key, value) in extra ?? new Dictionary<string, string>()) fields[key] = value;
        if (extra?.Keys.Any(k => k.StartsWith("Deliveries", StringComparison.Ordinal) || k == "Zone") == true)
            fields["ShownTotal"] = await RecalculatedTotalAsync(client, form, fields);
        return await client.PostFormAsync(form, "/checkout", fields);
    }

    /// <summary>Presses "Hitung ulang" with these fields and reads the total the page then shows.</summary>
    public static async Task<string> RecalculatedTotalAsync(ShopClient client, IHtmlFormElement form, IDictionary<string, string> fields)
    {
        var response = await client.PostFormAsync(form, "/checkout?handler=Quote", fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        return page.QuerySelector<IHtmlInputElement>("input[name=ShownTotal]")!.Value;
    }

    /// <summary>The buyer cancels from the order page: the confirmation page, then its button.</summary>
    public static async Task<HttpResponseMessage> CancelAsync(ShopClient client, string token) =>
        await client.SubmitAsync($"/pesanan/{token}/batal", new Dictionary<string, string>(), "main form.order-cancel-confirm");

    public static string Token(HttpResponseMessage placed)
    {
        Assert.Equal(HttpStatusCode.Redirect, placed.StatusCode);
        var location = placed.Headers.Location!.OriginalString;
        Assert.StartsWith("/pesanan/", location);
        return location["/pesanan/".Length..];
    }

    public static async Task<Order> OrderAsync(ShopFactory factory, string token)
    {
        await using var db = factory.OpenDb();
        return await db.Orders.AsNoTracking().Include(o => o.Lines).Include(o => o.Fulfilments).Include(o => o.Payments).SingleAsync(o => o.PublicToken == token);
    }

    public static async Task<int> StockAsync(ShopFactory factory, int listingId)
    {
        await using var db = factory.OpenDb();
        return await db.Listings.Where(l => l.Id == listingId).Select(l => l.Stock).SingleAsync();
    }
}
