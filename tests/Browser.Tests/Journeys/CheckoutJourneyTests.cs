using Deque.AxeCore.Playwright;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PasKreatif.Catalog;
using PasKreatif.Orders;

namespace PasKreatif.Browser.Tests.Journeys;

[Collection(BrowserCollection.Name)]
public class CheckoutJourneyTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_guest_buys_from_two_makers_by_bank_transfer_an_officer_confirms_and_the_order_completes()
    {
        var (first, second, officer) = await TwoMakersOfOneOfficeAsync();
        var page = await fixture.NewPageAsync(360, 740);
        foreach (var listing in new[] { first, second })
        {
            await page.GotoAsync($"/keranjang/tambah/{listing.Id}");
            await page.GetByLabel("Jumlah").FillAsync("1");
            await page.GetByRole(AriaRole.Button, new() { Name = "Masukkan ke keranjang" }).ClickAsync();
            await page.WaitForURLAsync("**/keranjang");
        }
        Assert.Equal(2, await page.Locator(".cart-line").CountAsync());
        await AssertFitsAndPassesAxeAsync(page, "checkout-cart");

        await page.GetByRole(AriaRole.Link, new() { Name = "Lanjut ke checkout" }).ClickAsync();
        await page.WaitForURLAsync("**/checkout");
        await page.GetByLabel("Nama", new() { Exact = true }).FillAsync("Dewi Tamu");
        await page.GetByLabel("Nomor HP").FillAsync("0812 1111 2222");
        await page.GetByLabel("Email").FillAsync("dewi.tamu@contoh.test");
        await page.GetByLabel("Alamat lengkap").FillAsync("Jl. Kenanga No. 5, Purwokerto");
        Assert.True(await page.GetByLabel("Transfer bank").IsCheckedAsync());
        await AssertFitsAndPassesAxeAsync(page, "checkout-form");
        await page.GetByRole(AriaRole.Button, new() { Name = "Pesan sekarang" }).ClickAsync();
        await page.WaitForURLAsync("**/pesanan/*");
        Assert.Equal("AwaitingPayment", await page.Locator("#order-status").GetAttributeAsync("data-status"));
        Assert.Equal(2, await page.Locator(".order-part").CountAsync());
        await AssertFitsAndPassesAxeAsync(page, "checkout-awaiting-payment");
        var token = page.Url[(page.Url.LastIndexOf('/') + 1)..];

        var desk = await fixture.NewPageAsync(1280, 800);
        await desk.GotoAsync("/masuk");
        await desk.GetByLabel("Nama pengguna atau email").FillAsync(officer);
        await desk.GetByLabel("Kata sandi").FillAsync("PasKreatif-2026");
        await desk.GetByRole(AriaRole.Button, new() { Name = "Masuk" }).ClickAsync();
        await desk.WaitForURLAsync(u => !u.Contains("/masuk"));
        await desk.GotoAsync("/admin/pembayaran");
        var number = await OrderNumberAsync(token);
        await desk.Locator($"tr[data-order='{number}']").GetByRole(AriaRole.Button, new() { Name = "Transfer diterima" }).ClickAsync();
        await desk.WaitForURLAsync("**/admin/pembayaran");
        Assert.Equal(0, await desk.Locator($"tr[data-order='{number}']").CountAsync());

        await page.ReloadAsync();
        Assert.Equal("Paid", await page.Locator("#order-status").GetAttributeAsync("data-status"));

        // Each maker ships (the workspace's step, done here through the model), then the order completes.
        await using (var db = fixture.Shop.OpenDb())
            await db.Fulfilments.Where(f => f.Order!.PublicToken == token).ExecuteUpdateAsync(s => s.SetProperty(f => f.Status, FulfilmentStatus.Shipped));
        var completed = await fixture.Shop.WithScopeAsync(async s =>
        {
            await using var db = fixture.Shop.OpenDb();
            var id = await db.Orders.Where(o => o.PublicToken == token).Select(o => o.Id).SingleAsync();
            return await s.GetRequiredService<OrderLifecycle>().CompleteIfFulfilledAsync(id);
        });
        Assert.Equal(OrderChange.Done, completed);
        await page.ReloadAsync();
        Assert.Equal("Completed", await page.Locator("#order-status").GetAttributeAsync("data-status"));
        Assert.Equal("Selesai", (await page.Locator("#order-status").TextContentAsync())?.Trim());
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "Batalkan pesanan" }).CountAsync());
        await AssertFitsAndPassesAxeAsync(page, "checkout-completed");
    }

    static async Task AssertFitsAndPassesAxeAsync(IPage page, string name)
    {
        var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"{name}: the page is {overflow}px wider than the screen.");
        var axe = await page.RunAxe();
        var serious = axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help} {string.Join(" | ", v.Nodes.Select(n => n.Html))}").ToList();
        Assert.True(serious.Count == 0, name + ":\n" + string.Join("\n", serious));
        await BrowserFixture.ScreenshotAsync(page, name);
    }

    async Task<string> OrderNumberAsync(string token)
    {
        await using var db = fixture.Shop.OpenDb();
        return await db.Orders.Where(o => o.PublicToken == token).Select(o => o.Number).SingleAsync();
    }

    /// <summary>One listing each of two makers whose groups share an office, in stock, and that office's officer.</summary>
    async Task<(Listing First, Listing Second, string Officer)> TwoMakersOfOneOfficeAsync()
    {
        await using var db = fixture.Shop.OpenDb();
        var office = await db.OfficeOfficers.Where(o => db.Users.Any(u => u.Id == o.PersonId && u.UserName == "petugas")).Select(o => o.OfficeId).SingleAsync();
        var picks = await db.Listings.Where(l => l.Status == ListingStatus.Approved && l.Maker!.HomeGroup!.OfficeId == office)
            .GroupBy(l => l.MakerId).Select(g => g.OrderBy(l => l.Id).First().Id).Take(2).ToListAsync();
        Assert.Equal(2, picks.Count);
        await db.Listings.Where(l => picks.Contains(l.Id)).ExecuteUpdateAsync(s => s
            .SetProperty(l => l.Stock, 5).SetProperty(l => l.MadeToOrder, false).SetProperty(l => l.LeadTimeDays, 1)
            .SetProperty(l => l.Delivery, DeliveryOptions.Pickup | DeliveryOptions.LocalDelivery));
        var listings = await db.Listings.AsNoTracking().Where(l => picks.Contains(l.Id)).OrderBy(l => l.Id).ToListAsync();
        return (listings[0], listings[1], "petugas");
    }
}
