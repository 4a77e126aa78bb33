using Microsoft.EntityFrameworkCore;
using PasKreatif.Catalog;
using PasKreatif.Integration.Tests.Fixtures;
using PasKreatif.Makers;
using PasKreatif.Orders;
using PasKreatif.Questions;
using static PasKreatif.Integration.Tests.Workspace.WorkspaceSteps;

namespace PasKreatif.Integration.Tests.Workspace;

public class StartPageTests(ShopFactory factory) : IClassFixture<ShopFactory>
{
    [Fact]
    public async Task The_start_page_shows_first_what_needs_doing_with_the_oldest_order_and_its_deadline()
    {
        var now = DateTimeOffset.UtcNow;
        int lateId, freshId, rejectedId, lowId;
        string lateNumber;
        await using (var db = factory.OpenDb())
        {
            var own = await db.Makers.SingleAsync(m => m.Person!.UserName == "pembuat");
            // Only the two parts of this test are open for this maker.
            var parts = await db.Fulfilments.Include(f => f.Order).Where(f => f.MakerId == own.Id).OrderBy(f => f.Id).ToListAsync();
            foreach (var f in parts.Where(f => f.Status is FulfilmentStatus.New or FulfilmentStatus.Preparing)) f.Status = FulfilmentStatus.Delivered;
            var late = parts[0];
            var fresh = parts[1];
            foreach (var (part, paid) in new[] { (late, now.AddHours(-26)), (fresh, now.AddHours(-2)) })
            {
                (part.Status, part.UpdatedAt) = (FulfilmentStatus.New, paid);
                (part.Order!.Status, part.Order.PaymentMethod, part.Order.PaidAt) = (OrderStatus.Paid, PasKreatif.Orders.PaymentMethod.BankTransfer, paid);
            }
            (lateId, freshId, lateNumber) = (late.Id, fresh.Id, late.Order!.Number);

            var listings = await db.Listings.Where(l => l.MakerId == own.Id && l.Status == ListingStatus.Approved && !l.MadeToOrder).OrderBy(l => l.Id).Take(2).ToListAsync();
            listings[0].Stock = 1;
            lowId = listings[0].Id;
            db.Set<Question>().Add(new Question
            {
                ListingId = listings[1].Id, MakerId = own.Id, AskerEmail = "tanya@contoh.id", AskerName = "Rina", Text = "Apakah bisa dikirim ke Cilacap?",
                AskedAt = now.AddHours(-5), ClientAddress = "127.0.0.1",
            });
            await db.SaveChangesAsync();
        }
        using var maker = ShopClient.For(factory);
        await maker.SignInAsync("pembuat");
        rejectedId = await CreateListingAsync(maker, "Keset kain perca");
        await using (var db = factory.OpenDb())
        {
            await db.Listings.Where(l => l.Id == rejectedId).ExecuteUpdateAsync(u => u.SetProperty(l => l.Status, ListingStatus.Submitted));
        }
        await DecideAsync(factory, rejectedId, (l, who, at) => l.Reject(who, at, "Foto terlalu gelap, mohon difoto di tempat terang."));

        var html = await TextOfAsync(maker, "/toko-saya");
        var page = Parse(html);
        var orders = page.GetElementById("today-orders")!;
        Assert.Contains("2 pesanan perlu disiapkan", orders.TextContent);
        Assert.Contains($"Paling lama: {lateNumber}, menunggu 1 hari 2 jam", orders.TextContent);
        Assert.Contains("Lewat batas:", orders.TextContent);
        Assert.Contains("1 terlambat", orders.TextContent);
        Assert.Equal($"/toko-saya/pesanan/{lateId}", orders.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("1 pertanyaan menunggu jawaban", page.GetElementById("today-questions")!.TextContent);
        var sentBack = page.QuerySelector($"[data-sent-back='{rejectedId}']")!;
        Assert.Contains("Keset kain perca", sentBack.TextContent);
        Assert.Contains("Foto terlalu gelap", sentBack.TextContent);
        Assert.Contains("sisa 1", page.QuerySelector($"[data-low-stock='{lowId}']")!.TextContent);
        var month = page.GetElementById("today-month")!;
        Assert.Contains("Tahap:", month.TextContent);
        Assert.Matches("Kurang Rp[0-9.]+ lagi|Target bulan ini tercapai", month.TextContent);
        // What needs doing comes first, then the month, then the buttons and the listings.
        Assert.True(html.IndexOf("id=\"today-orders\"", StringComparison.Ordinal) < html.IndexOf("id=\"today-month\"", StringComparison.Ordinal));
        Assert.True(html.IndexOf("id=\"today-month\"", StringComparison.Ordinal) < html.IndexOf("workspace-nav", StringComparison.Ordinal));

        // The mentors' queue flags the same late part; the fresh one is not late.
        using var mentor = ShopClient.For(factory);
        await mentor.SignInAsync("pendamping");
        var queue = await mentor.GetDocumentAsync("/admin/pesanan");
        var lateRow = queue.QuerySelectorAll("tr[data-wait='Preparation']").Single(r => r.GetAttribute("data-order") == lateNumber);
        Assert.Equal("true", lateRow.GetAttribute("data-late"));
        Assert.Contains("Terlambat", lateRow.TextContent);
        await using var check = factory.OpenDb();
        var freshNumber = await check.Fulfilments.Where(f => f.Id == freshId).Select(f => f.Order!.Number).SingleAsync();
        Assert.Equal("false", queue.QuerySelectorAll("tr[data-wait='Preparation']").Single(r => r.GetAttribute("data-order") == freshNumber).GetAttribute("data-late"));
    }

    [Fact]
    public async Task Nothing_of_another_maker_reaches_the_start_page()
    {
        using var maker = ShopClient.For(factory);
        await maker.SignInAsync("pembuat2");
        var html = await TextOfAsync(maker, "/toko-saya");
        await using var db = factory.OpenDb();
        var others = await db.Listings.Where(l => l.Maker!.Person!.UserName == "pembuat").Select(l => l.Title).Distinct().ToListAsync();
        var own = await db.Listings.Where(l => l.Maker!.Person!.UserName == "pembuat2").Select(l => l.Title).ToListAsync();
        Assert.All(others.Except(own), t => Assert.DoesNotContain(System.Net.WebUtility.HtmlEncode(t), html));
    }
}
