using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PasKreatif.Catalog;
using PasKreatif.Integration.Tests.Fixtures;
using PasKreatif.Orders;
using PasKreatif.Payments.Midtrans;
using static PasKreatif.Browser.Tests.Journeys.CheckoutJourneyTests;

namespace PasKreatif.Browser.Tests.Journeys;

/// <summary>
/// The demo as a newcomer meets it (./run.sh: no Midtrans keys, the labelled payment simulator): a guest
/// checks out, pays in the simulator in a second tab, and the first tab's order page turns paid by its own poll.
/// </summary>
[Collection(BrowserCollection.Name)]
public class PaymentSimulatorJourneyTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData(360, 740, "pembuat")]
    [InlineData(1280, 800, "pembuat2")]
    public async Task A_guest_pays_by_QRIS_in_the_simulator_in_a_second_tab_and_the_first_tab_turns_paid_by_itself(int width, int height, string maker)
    {
        var shop = await fixture.SimulatorShopAsync();
        var page = await fixture.NewPageAsync(width, height, baseUrl: shop.BaseUrl);
        var transaction = await GuestChecksOutAsync(shop, page, maker, $"qris.{width}@contoh.test", "Qris");

        var qr = page.Locator("img.payment-qr");
        Assert.True(await qr.IsVisibleAsync());
        Assert.StartsWith("data:image/", await qr.GetAttributeAsync("src")); // drawn by the shop, not fetched from the gateway
        Assert.Equal(transaction.QrString, QrReader.Read(await qr.ScreenshotAsync())); // read off the screen as another phone's camera would
        Assert.Contains("Simulasi: tidak ada uang yang berpindah", await page.Locator(".payment-simulated").TextContentAsync());
        await AssertFitsAndPassesAxeAsync(page, $"simulator-qris-order-{width}");

        await PaysInSecondTabAsync(page, page.Locator("#simulator-link"), transaction, $"simulator-qris-{width}");
        Assert.Equal(0, await page.Locator("img.payment-qr").CountAsync());
        await AssertFitsAndPassesAxeAsync(page, $"simulator-qris-paid-{width}");
    }

    [Theory]
    [InlineData(360, 740, "pembuat3")]
    [InlineData(1280, 800, "pembuat4")]
    public async Task A_GoPay_order_opens_the_app_by_its_deep_link_on_a_phone_and_shows_that_link_as_a_QR_on_a_computer(int width, int height, string maker)
    {
        var shop = await fixture.SimulatorShopAsync();
        var page = await fixture.NewPageAsync(width, height, baseUrl: shop.BaseUrl);
        var transaction = await GuestChecksOutAsync(shop, page, maker, $"gopay.{width}@contoh.test", "GoPay");

        var app = page.GetByRole(AriaRole.Link, new() { Name = "Buka GoPay dan bayar" });
        var qr = page.Locator("img.payment-qr");
        Assert.Equal(transaction.DeepLink, await page.Locator("a.payment-app-link").GetAttributeAsync("href"));
        if (width < 768)
        {
            Assert.True(await app.IsVisibleAsync()); // one tap on the phone; its camera cannot scan its own screen
            Assert.False(await qr.IsVisibleAsync());
        }
        else
        {
            Assert.False(await app.IsVisibleAsync());
            Assert.Equal(transaction.DeepLink, QrReader.Read(await qr.ScreenshotAsync())); // scanned with the phone, it opens the app there
        }
        await AssertFitsAndPassesAxeAsync(page, $"simulator-gopay-order-{width}");

        // The simulator stands in for GoPay's app: on the phone its deep link opens it over the shop's page.
        await PaysInSecondTabAsync(page, width < 768 ? app : page.Locator("#simulator-link"), transaction, $"simulator-gopay-{width}");
    }

    [Theory]
    [InlineData(360, 740, "pembuat5")]
    [InlineData(1280, 800, "pembuat6")]
    public async Task A_BCA_virtual_account_shows_its_number_with_a_copy_button_that_copies_it_and_the_banks_steps(int width, int height, string maker)
    {
        var shop = await fixture.SimulatorShopAsync();
        var page = await fixture.NewPageAsync(width, height, baseUrl: shop.BaseUrl);
        await page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        var transaction = await GuestChecksOutAsync(shop, page, maker, $"bca.{width}@contoh.test", "BcaVirtualAccount");

        Assert.Equal(transaction.VaNumber, (await page.Locator("#pay-code").TextContentAsync())?.Trim());
        var copy = page.GetByRole(AriaRole.Button, new() { Name = "Salin nomor" });
        await copy.ClickAsync();
        Assert.Equal(transaction.VaNumber, await page.EvaluateAsync<string>("navigator.clipboard.readText()"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Tersalin" }).WaitForAsync(); // says so, then turns back
        var steps = await page.Locator(".payment-steps li").AllTextContentsAsync();
        Assert.True(steps.Count >= 2, string.Join(" | ", steps));
        Assert.Contains(steps, s => s.StartsWith("ATM BCA", StringComparison.Ordinal));
        Assert.Contains(steps, s => s.StartsWith("BCA mobile", StringComparison.Ordinal));
        await AssertFitsAndPassesAxeAsync(page, $"simulator-bca-order-{width}");

        await PaysInSecondTabAsync(page, page.Locator("#simulator-link"), transaction, $"simulator-bca-{width}");
        Assert.Equal(0, await page.Locator("#pay-code").CountAsync());
        await AssertFitsAndPassesAxeAsync(page, $"simulator-bca-paid-{width}");
    }

    /// <summary>Adds a listing of the maker, checks out as a guest with the method, and returns the simulator's transaction of that order.</summary>
    static async Task<MidtransSimulator.Transaction> GuestChecksOutAsync(SimulatorShopFactory shop, IPage page, string maker, string email, string method)
    {
        var listing = await ListingInStockAsync(shop, maker);
        await page.GotoAsync($"/produk/{listing.Slug}");
        await page.GotoAsync($"/keranjang/tambah/{listing.Id}");
        await page.GetByLabel("Jumlah").FillAsync("1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Masukkan ke keranjang" }).ClickAsync();
        await page.WaitForURLAsync("**/keranjang");
        await page.GotoAsync("/checkout");
        await page.GetByLabel("Nama", new() { Exact = true }).FillAsync("Dewi Tamu");
        await page.GetByLabel("Nomor HP").FillAsync("0812 1111 2222");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Alamat lengkap").FillAsync("Jl. Kenanga No. 5, Purwokerto");
        await page.Locator($"#pay-{method}").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Pesan sekarang" }).ClickAsync();
        await page.WaitForURLAsync("**/pesanan/*");
        await using var db = shop.OpenDb();
        var number = await db.Orders.Where(o => o.BuyerEmail == email).OrderByDescending(o => o.Id).Select(o => o.Number).FirstAsync();
        return shop.Services.GetRequiredService<MidtransSimulator>().Transactions.Single(t => t.OrderId.StartsWith(number + "-", StringComparison.Ordinal));
    }

    /// <summary>
    /// Opens the simulator from the order page in a second tab, pays there, comes back: the first tab turns
    /// paid by its own poll, never reloaded. Both pages fit and pass axe.
    /// </summary>
    static async Task PaysInSecondTabAsync(IPage page, ILocator opener, MidtransSimulator.Transaction transaction, string name)
    {
        var url = page.Url;
        await page.EvaluateAsync("window.journeyMark = 'not reloaded'");
        var href = await opener.GetAttributeAsync("href");
        Assert.EndsWith($"/simulasi/bayar/{Uri.EscapeDataString(transaction.OrderId)}", href);
        // The simulator link opens a tab itself; the app's deep link would open the app over the browser.
        var simulator = await opener.GetAttributeAsync("target") == "_blank"
            ? await page.Context.RunAndWaitForPageAsync(() => opener.ClickAsync())
            : await page.Context.NewPageAsync();
        if (simulator.Url == "about:blank") await simulator.GotoAsync(href!);
        await simulator.WaitForLoadStateAsync();
        Assert.Contains("Simulasi: tidak ada uang yang berpindah", await simulator.Locator("#simulator-label").TextContentAsync());
        Assert.Equal("pending", await simulator.Locator("#simulator-transaction").GetAttributeAsync("data-status"));
        await AssertFitsAndPassesAxeAsync(simulator, name + "-simulator");
        await simulator.Locator("form[action$='handler=Pay'] button").ClickAsync();
        await simulator.Locator("#simulator-outcome[data-outcome='Paid']").WaitForAsync();
        Assert.Equal("settlement", await simulator.Locator("#simulator-transaction").GetAttributeAsync("data-status"));
        await AssertFitsAndPassesAxeAsync(simulator, name + "-simulator-paid");

        await page.BringToFrontAsync();
        await page.Locator("#order-status[data-status='Paid']").WaitForAsync(new() { Timeout = 30_000 });
        Assert.Equal(url, page.Url);
        Assert.Equal("not reloaded", await page.EvaluateAsync<string>("window.journeyMark"));
        await simulator.CloseAsync();
    }

    /// <summary>An approved listing of the maker, in stock, ready the next day, picked up.</summary>
    static async Task<Listing> ListingInStockAsync(ShopFactory shop, string maker)
    {
        await using var db = shop.OpenDb();
        var id = await db.Listings.Where(l => l.Status == ListingStatus.Approved && l.Maker!.Person!.UserName == maker).OrderBy(l => l.Id).Select(l => l.Id).FirstAsync();
        await db.Listings.Where(l => l.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(l => l.Stock, 5).SetProperty(l => l.MadeToOrder, false).SetProperty(l => l.LeadTimeDays, 1)
            .SetProperty(l => l.Delivery, DeliveryOptions.Pickup | DeliveryOptions.LocalDelivery));
        return await db.Listings.AsNoTracking().SingleAsync(l => l.Id == id);
    }
}
