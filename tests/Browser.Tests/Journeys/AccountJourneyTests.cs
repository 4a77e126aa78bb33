using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using PasKreatif.Catalog;
using PasKreatif.Orders;

namespace PasKreatif.Browser.Tests.Journeys;

/// <summary>A new buyer makes an account: the mailed link travels through the real SMTP server, then a first order lands in the history.</summary>
[Collection(MailingBrowserCollection.Name)]
public class AccountJourneyTests(MailingBrowserFixture fixture)
{
    [Theory]
    [InlineData(360, 740)]
    [InlineData(1280, 800)]
    public async Task A_buyer_signs_up_confirms_from_the_mail_signs_in_buys_and_finds_the_order_in_the_history(int width, int height)
    {
        var email = $"rina.{Guid.NewGuid().ToString("N")[..10]}@contoh.test"; // the Maildir outlives runs: an address of its own
        const string password = "rahasia-rina-2026";
        var page = await fixture.NewPageAsync(width, height);
        var shot = $"account-{width}";

        await page.GotoAsync("/");
        await BrowserFixture.OpenMenuAsync(page);
        await page.Locator(".site-menu-panel").GetByRole(AriaRole.Link, new() { Name = "Daftar", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/daftar");
        await page.GetByLabel("Nama", new() { Exact = true }).FillAsync("Rina Pembeli");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Nomor HP (boleh dikosongkan)").FillAsync($"0813 5555 {width:0000}");
        await page.GetByLabel("Kata sandi").FillAsync(password);
        await CheckoutJourneyTests.AssertFitsAndPassesAxeAsync(page, shot + "-signup");
        await page.GetByRole(AriaRole.Button, new() { Name = "Daftar", Exact = true }).ClickAsync();
        await page.Locator("#signup-sent").WaitForAsync();
        await CheckoutJourneyTests.AssertFitsAndPassesAxeAsync(page, shot + "-signup-sent");

        // Not yet: the password is right, but the account waits for its link.
        await SignInAsync(page, email, password);
        Assert.Contains("belum dikonfirmasi", await page.Locator("main").TextContentAsync());

        // The mail went out through the queue to the real SMTP server; its link is the shop's own.
        var mail = await fixture.Mail.WaitForAsync(m => m.To.Mailboxes.Any(b => b.Address == email));
        var body = mail.TextBody ?? "";
        Assert.Contains("Rina Pembeli", body);
        var link = new Uri(Regex.Match(body, @"https?://\S+/konfirmasi-email\?\S+").Value);
        Assert.Equal("http://toko.test", link.GetLeftPart(UriPartial.Authority)); // the configured Shop:BaseUrl, not the request's host
        await page.GotoAsync(link.PathAndQuery);
        await page.WaitForURLAsync("**/akun");
        Assert.Contains("sudah dikonfirmasi", await page.Locator("#account-notice").TextContentAsync());
        await CheckoutJourneyTests.AssertFitsAndPassesAxeAsync(page, shot + "-confirmed");

        // Signed out and back in by email and password, as on the next visit.
        await BrowserFixture.OpenMenuAsync(page);
        await page.Locator(".site-menu-panel").GetByRole(AriaRole.Button, new() { Name = "Keluar" }).ClickAsync();
        await page.WaitForURLAsync(u => !u.Contains("/akun"));
        await SignInAsync(page, email, password);
        await page.WaitForURLAsync(u => !u.Contains("/masuk"));
        await BrowserFixture.OpenMenuAsync(page);
        Assert.True(await page.Locator(".site-menu-panel").GetByRole(AriaRole.Link, new() { Name = "Akun saya" }).IsVisibleAsync());

        var (slug, title) = await ListingAsync();
        await page.GotoAsync($"/produk/{slug}");
        await page.Locator(".buy-bar").GetByRole(AriaRole.Button, new() { Name = "Masukkan ke keranjang" }).ClickAsync();
        await page.WaitForFunctionAsync("() => document.querySelector('[data-cart-count]').textContent === '1'");
        await page.Locator("a.cart-link").ClickAsync();
        await page.WaitForURLAsync("**/keranjang");
        Assert.Contains(title, await page.Locator("main").TextContentAsync());
        await page.GetByRole(AriaRole.Link, new() { Name = "Lanjut ke checkout" }).ClickAsync();
        await page.WaitForURLAsync("**/checkout");
        Assert.Equal("Rina Pembeli", await page.GetByLabel("Nama", new() { Exact = true }).InputValueAsync()); // filled from the account
        Assert.Equal(email, await page.GetByLabel("Email").InputValueAsync());
        await page.GetByLabel("Alamat lengkap").FillAsync("Jl. Kenanga No. 5, Purwokerto");
        await page.GetByLabel("Transfer bank").CheckAsync();
        await CheckoutJourneyTests.AssertFitsAndPassesAxeAsync(page, shot + "-checkout");
        await page.GetByRole(AriaRole.Button, new() { Name = "Pesan sekarang" }).ClickAsync();
        await page.WaitForURLAsync("**/pesanan/*");
        var number = await OrderNumberAsync(email);
        Assert.Contains(number, await page.Locator("main").TextContentAsync());

        await BrowserFixture.OpenMenuAsync(page);
        await page.Locator(".site-menu-panel").GetByRole(AriaRole.Link, new() { Name = "Pesanan saya" }).ClickAsync();
        await page.WaitForURLAsync("**/pesanan");
        var row = page.Locator(".order-row");
        Assert.Equal(1, await row.CountAsync());
        Assert.Equal(number, (await row.GetByRole(AriaRole.Link).TextContentAsync())?.Trim());
        Assert.Contains("Menunggu pembayaran", await row.TextContentAsync());
        await CheckoutJourneyTests.AssertFitsAndPassesAxeAsync(page, shot + "-history");
        await row.GetByRole(AriaRole.Link).ClickAsync();
        await page.WaitForURLAsync("**/pesanan/*");
        Assert.Contains(title, await page.Locator("main").TextContentAsync());
    }

    static async Task SignInAsync(IPage page, string login, string password)
    {
        await page.GotoAsync("/masuk");
        await page.GetByLabel("Nama pengguna atau email").FillAsync(login);
        await page.GetByLabel("Kata sandi").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Masuk" }).ClickAsync();
        await page.WaitForLoadStateAsync();
    }

    /// <summary>An approved listing in stock that ships or is picked up, so any checkout can take it.</summary>
    async Task<(string Slug, string Title)> ListingAsync()
    {
        await using var db = fixture.Shop.OpenDb();
        var id = await db.Listings.Where(l => l.Status == ListingStatus.Approved && l.Maker!.Person!.UserName == "pembuat3")
            .OrderBy(l => l.Id).Select(l => l.Id).FirstAsync();
        await db.Listings.Where(l => l.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(l => l.Stock, 20).SetProperty(l => l.MadeToOrder, false).SetProperty(l => l.LeadTimeDays, 1)
            .SetProperty(l => l.Delivery, DeliveryOptions.Pickup | DeliveryOptions.LocalDelivery));
        return await db.Listings.Where(l => l.Id == id).Select(l => new ValueTuple<string, string>(l.Slug, l.Title)).SingleAsync();
    }

    async Task<string> OrderNumberAsync(string email)
    {
        await using var db = fixture.Shop.OpenDb();
        return await db.Orders.Where(o => o.BuyerEmail == email && o.BuyerId != null).Select(o => o.Number).SingleAsync();
    }
}
