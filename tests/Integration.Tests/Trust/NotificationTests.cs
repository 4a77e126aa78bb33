using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PasKreatif.Integration.Tests.Fixtures;
using PasKreatif.Makers;
using PasKreatif.Notifications;
using PasKreatif.Orders;

namespace PasKreatif.Integration.Tests.Trust;

public class NotificationTests(ShopFactory factory) : IClassFixture<ShopFactory>
{
    static int Unread(AngleSharp.Html.Dom.IHtmlDocument workspace) => int.Parse(workspace.QuerySelector("#unread-count")!.TextContent);

    [Fact]
    public async Task A_paid_order_rings_the_makers_bell_with_or_without_email_and_reading_clears_the_count()
    {
        await using var db = factory.OpenDb();
        var listing = await TrustData.FreshListingAsync(db);
        var maker = await db.Makers.Include(m => m.Person).SingleAsync(m => m.Id == listing.MakerId);
        maker.Person!.Email = null; // a maker who reads no email still hears of the order
        maker.Person.NormalizedEmail = null;
        await db.SaveChangesAsync();

        using var client = ShopClient.For(factory);
        await client.SignInAsync(maker.Person.UserName!);
        var before = Unread(await client.GetDocumentAsync("/toko-saya"));

        var (orderId, _) = await TrustData.OrderAsync(db, "pembeli", listing, OrderStatus.AwaitingPayment, FulfilmentStatus.New);
        var change = await factory.WithScopeAsync(sp => sp.GetRequiredService<OrderLifecycle>().MarkPaidAsync(orderId, null, null));
        Assert.Equal(OrderChange.Done, change);

        var workspace = await client.GetDocumentAsync("/toko-saya");
        Assert.Equal(before + 1, Unread(workspace));
        var list = await client.GetDocumentAsync("/toko-saya/notifikasi");
        var number = await db.Orders.Where(o => o.Id == orderId).Select(o => o.Number).SingleAsync();
        var fulfilment = await db.Fulfilments.Where(f => f.OrderId == orderId).Select(f => f.Id).SingleAsync();
        var item = list.QuerySelectorAll(".notification-unread a").Single(a => a.TextContent.Contains(number));
        Assert.Equal($"/toko-saya/pesanan/{fulfilment}", item.GetAttribute("href"));

        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync("/toko-saya/notifikasi", new Dictionary<string, string>(), "form[action*=ReadAll]")).StatusCode);
        Assert.Equal(0, Unread(await client.GetDocumentAsync("/toko-saya")));
        await using var check = factory.OpenDb();
        Assert.Equal(0, await check.Set<Notification>().CountAsync(n => n.MakerId == maker.Id && n.ReadAt == null));
    }
}
