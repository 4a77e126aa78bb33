using AngleSharp.Dom;
using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PasKreatif.Catalog;
using PasKreatif.Integration.Tests.Checkout;
using PasKreatif.Integration.Tests.Fixtures;
using PasKreatif.Ledger;
using PasKreatif.Makers;
using PasKreatif.Orders;

namespace PasKreatif.Integration.Tests.OrderFlows;

/// <summary>Orders of every shape, placed and moved through the pages as buyers, makers and staff would.</summary>
static class OrderSteps
{
    /// <summary>A guest's order with one listing of each maker (each part picked up in a week, or as <paramref name="extra"/> says).</summary>
    public static async Task<Order> PlaceAsync(ShopFactory factory, string method, string email, IReadOnlyList<(string Maker, int Skip, int Quantity)> items,
        IDictionary<string, string>? extra = null, int stock = 10)
    {
        using var buyer = ShopClient.For(factory);
        foreach (var (maker, skip, quantity) in items)
        {
            var listing = await Shopping.ListingAsync(factory, maker, stock, skip);
            if (extra?.Values.Contains("Shipping") == true) await NotPerishableAsync(factory, listing.Id);
            await Shopping.AddAsync(buyer, listing.Id, quantity);
        }
        var placed = await Shopping.CheckoutAsync(buyer, method, email, extra);
        Assert.True(placed.StatusCode == HttpStatusCode.Redirect, await placed.Content.ReadAsStringAsync());
        var location = placed.Headers.Location!.OriginalString;
        await using var db = factory.OpenDb();
        var order = await db.Orders.AsNoTracking().Where(o => o.BuyerEmail == email).OrderByDescending(o => o.Id).FirstAsync();
        return await Shopping.OrderAsync(factory, order.PublicToken);
    }

    /// <summary>Demo orders left unpaid past their deadline lapse first, so a test counting stock counts only its own orders.</summary>
    public static Task<int> LapseOverdueOrdersAsync(ShopFactory factory) =>
        factory.WithScopeAsync(s => s.GetRequiredService<OrderExpiryJob>().RunAsync(CancellationToken.None));

    /// <summary>Moves a listing to a category that may travel by courier.</summary>
    public static async Task NotPerishableAsync(ShopFactory factory, int listingId)
    {
        await using var db = factory.OpenDb();
        var category = await db.Categories.Where(c => !c.Perishable).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
        await db.Listings.Where(l => l.Id == listingId).ExecuteUpdateAsync(s => s.SetProperty(l => l.CategoryId, category));
    }

    public static async Task<ShopClient> SignedInAsync(ShopFactory factory, string login)
    {
        var client = ShopClient.For(factory);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(login)).StatusCode);
        return client;
    }

    /// <summary>Posts the action form of one part on the maker's order page.</summary>
    public static async Task<HttpResponseMessage> MakerStepAsync(ShopClient maker, int fulfilmentId, string handler, IDictionary<string, string>? fields = null) =>
        await maker.SubmitAsync($"/toko-saya/pesanan/{fulfilmentId}", fields ?? new Dictionary<string, string>(), $"form[action$='handler={handler}']");

    public static async Task<HttpResponseMessage> StaffActAsync(ShopClient staff, int orderId, string handler, IDictionary<string, string>? fields = null, string? within = null) =>
        await staff.SubmitAsync($"/admin/pesanan/{orderId}", fields ?? new Dictionary<string, string>(), $"{within ?? "main"} form[action*='handler={handler}']");

    public static async Task<int> MakerIdAsync(ShopFactory factory, string login)
    {
        await using var db = factory.OpenDb();
        return await db.Makers.Where(m => m.Person!.UserName == login).Select(m => m.Id).SingleAsync();
    }

    public static async Task<Money> NetAsync(ShopFactory factory, int makerId) =>
        await factory.WithScopeAsync(s => s.GetRequiredService<RevenueLedger>().BalanceAsync(makerId));

    public static async Task<T> InScopeAsync<T>(ShopFactory factory, Func<IServiceProvider, Task<T>> work) => await factory.WithScopeAsync(work);

    /// <summary>Everything the follow-up job would do now: refunds through gateways, sessions closed, shipped parts past their days, mail queued.</summary>
    public static Task<int> FollowUpsAsync(ShopFactory factory) =>
        factory.WithScopeAsync(s => s.GetRequiredService<OrderFollowUpJob>().RunAsync(CancellationToken.None));

    public static IHtmlFormElement Form(AngleSharp.Dom.IDocument page, string selector) =>
        page.QuerySelector<IHtmlFormElement>(selector) ?? throw new InvalidOperationException($"No form {selector}");
}
