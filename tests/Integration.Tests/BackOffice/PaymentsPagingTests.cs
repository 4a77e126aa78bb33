using System.Net;
using Microsoft.EntityFrameworkCore;
using PasKreatif.Integration.Tests.Checkout;
using PasKreatif.Integration.Tests.Fixtures;
using PasKreatif.Makers;
using PasKreatif.Orders;
using PasKreatif.Organisation;

namespace PasKreatif.Integration.Tests.BackOffice;

/// <summary>The money to confirm comes fifty rows a page, oldest order first, with a search by order number or buyer.</summary>
public class PaymentsPagingTests(ShopFactory factory) : IClassFixture<ShopFactory>
{
    const int Placed = 53;

    [Fact]
    public async Task Transfers_page_by_fifty_oldest_first_and_the_search_finds_an_order_by_its_buyer_or_number()
    {
        var tag = "Pembeli Halaman " + Guid.NewGuid().ToString("N")[..6];
        var listing = await Shopping.ListingAsync(factory, "pembuat", stock: Placed + 5);
        using var buyer = ShopClient.For(factory);
        for (var i = 0; i < Placed; i++)
        {
            await Shopping.AddAsync(buyer, listing.Id);
            Assert.Equal(HttpStatusCode.Redirect, (await Shopping.CheckoutAsync(buyer, "BankTransfer", $"halaman-{i}@contoh.test", new Dictionary<string, string> { ["Name"] = tag })).StatusCode);
        }
        string officer, stranger;
        List<string> numbers;
        await using (var db = factory.OpenDb())
        {
            var office = await db.Makers.Where(m => m.Id == listing.MakerId).Select(m => m.HomeGroup!.OfficeId).SingleAsync();
            officer = await db.OfficeOfficers.Where(o => o.OfficeId == office).Join(db.Users, o => o.PersonId, u => u.Id, (o, u) => u.UserName!).OrderBy(n => n).FirstAsync();
            stranger = await db.OfficeOfficers.Where(o => o.OfficeId != office && !db.Set<OfficeOfficer>().Any(x => x.PersonId == o.PersonId && x.OfficeId == office))
                .Join(db.Users, o => o.PersonId, u => u.Id, (o, u) => u.UserName!).OrderBy(n => n).FirstAsync();
            numbers = await db.Orders.Where(o => o.BuyerName == tag).OrderBy(o => o.PlacedAt).ThenBy(o => o.Id).Select(o => o.Number).ToListAsync();
        }
        Assert.Equal(Placed, numbers.Count);

        using var desk = ShopClient.For(factory);
        await desk.SignInAsync(officer);
        var first = await desk.GetDocumentAsync($"/admin/pembayaran?cari={Uri.EscapeDataString(tag)}");
        var second = await desk.GetDocumentAsync(first.QuerySelector("a[rel=next]")!.GetAttribute("href")!);
        string[] Rows(AngleSharp.Html.Dom.IHtmlDocument page) => page.QuerySelectorAll("tr[data-order]").Select(r => r.GetAttribute("data-order")!).ToArray();
        Assert.Equal(numbers.Take(ListRequest.PageSize), Rows(first));
        Assert.Equal(numbers.Skip(ListRequest.PageSize), Rows(second));
        Assert.Null(second.QuerySelector("a[rel=next]"));
        var back = await desk.GetDocumentAsync(second.QuerySelector("a[rel=prev]")!.GetAttribute("href")!);
        Assert.Equal(Rows(first), Rows(back));

        Assert.Equal([numbers[7]], Rows(await desk.GetDocumentAsync($"/admin/pembayaran?cari={Uri.EscapeDataString(numbers[7])}")));
        Assert.InRange((await desk.GetDocumentAsync("/admin/pembayaran")).QuerySelectorAll("tr[data-order]").Length, 1, ListRequest.PageSize);
        Assert.NotNull((await desk.GetDocumentAsync("/admin/pembayaran?cari=tidak-ada-pesanan-begini")).QuerySelector("#list-empty"));
        foreach (var odd in new[] { "x", "MS4y", "OTk5OTk5OTk5OTk5OTk5OTk5LjEKMQ" })
            Assert.Equal(HttpStatusCode.OK, (await desk.Http.GetAsync($"/admin/pembayaran?setelah={odd}")).StatusCode);

        // An officer of another office sees none of them, so the rows above are the office's own.
        using var other = ShopClient.For(factory);
        await other.SignInAsync(stranger);
        Assert.Empty(Rows(await other.GetDocumentAsync($"/admin/pembayaran?cari={Uri.EscapeDataString(tag)}")));
    }
}
