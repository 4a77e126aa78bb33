using System.Net;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PasKreatif.Integration.Tests.Fixtures;
using PasKreatif.Ledger;
using PasKreatif.Mail;
using PasKreatif.Makers;
using PasKreatif.Orders;
using PasKreatif.Payments;
using static PasKreatif.Integration.Tests.Workspace.WorkspaceSteps;

namespace PasKreatif.Integration.Tests.Workspace;

public class FulfilmentAndEarningsTests(ShopFactory factory) : IClassFixture<ShopFactory>
{
    [Fact]
    public async Task A_maker_marks_their_part_prepared_then_shipped_and_the_buyer_is_told_in_the_orders_language()
    {
        int id;
        string email;
        await using (var db = factory.OpenDb())
        {
            var f = await db.Fulfilments.Include(x => x.Order).Where(x => x.Maker!.Person!.UserName == "pembuat").OrderBy(x => x.Id).FirstAsync();
            f.Status = FulfilmentStatus.New;
            f.Delivery = DeliveryMethod.Shipping;
            f.TrackingNote = null;
            f.Order!.Status = OrderStatus.Paid;
            f.Order.PaymentMethod = PaymentMethod.Card;
            f.Order.Culture = "en";
            f.Order.BuyerEmail = email = $"buyer-{Guid.NewGuid():N}@example.test";
            await db.SaveChangesAsync();
            id = f.Id;
        }
        using var maker = ShopClient.For(factory);
        await maker.SignInAsync("pembuat");
        var page = $"/toko-saya/pesanan/{id}";
        Assert.Contains(page, await TextOfAsync(maker, "/toko-saya/pesanan"));

        await ActAsync(maker, page, "Preparing");
        // A shipment without its note is refused and nothing moves.
        await ActAsync(maker, page, "Shipped", new Dictionary<string, string> { ["trackingNote"] = "" });
        Assert.Contains("Tulis catatan pengiriman", await TextOfAsync(maker, page));
        await ActAsync(maker, page, "Shipped", new Dictionary<string, string> { ["trackingNote"] = "JNE REG 0123456789" });

        await using (var db = factory.OpenDb())
        {
            var f = await db.Fulfilments.SingleAsync(x => x.Id == id);
            Assert.Equal((FulfilmentStatus.Shipped, "JNE REG 0123456789"), (f.Status, f.TrackingNote));
        }
        var mails = factory.Services.GetRequiredService<JobStorage>().GetMonitoringApi().EnqueuedJobs("default", 0, 500)
            .Select(j => j.Value.Job?.Args is [var first, ..] ? first : null).OfType<OutgoingMail>().Where(m => m.To == email).ToList();
        Assert.Equal(2, mails.Count);
        Assert.Contains(mails, m => m.Subject.Contains("has been shipped") && m.TextBody.Contains("JNE REG 0123456789"));
        Assert.Contains(mails, m => m.Subject.Contains("is being prepared"));
        Assert.Contains("Dikirim", await TextOfAsync(maker, page));
    }

    [Fact]
    public async Task The_earnings_page_shows_the_ledger_balance_and_twelve_months_against_the_target()
    {
        using var maker = ShopClient.For(factory);
        await maker.SignInAsync("pembuat");
        var html = await TextOfAsync(maker, "/toko-saya/pendapatan");
        var doc = Parse(html);

        int makerId;
        await using (var db = factory.OpenDb()) makerId = await db.Makers.Where(m => m.Person!.UserName == "pembuat").Select(m => m.Id).SingleAsync();
        var balance = await factory.WithScopeAsync(s => s.GetRequiredService<RevenueLedger>().BalanceAsync(makerId));
        Assert.Equal(balance.ToString(), doc.QuerySelector("#balance")!.TextContent.Trim());
        Assert.Equal(12, doc.QuerySelectorAll("svg.earnings-chart rect").Length);
        Assert.Equal(12, doc.QuerySelectorAll("table tbody tr").Length);
        Assert.NotEmpty(doc.QuerySelectorAll(".ledger-list li"));
    }
}
