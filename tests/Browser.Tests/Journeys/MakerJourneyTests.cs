using PasKreatif.Domain.Tests.Media;
using Deque.AxeCore.Playwright;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PasKreatif.Catalog;
using PasKreatif.Integration.Tests.Fixtures;
using PasKreatif.Media;
using PasKreatif.Orders;
using PasKreatif.Payments;

namespace PasKreatif.Browser.Tests.Journeys;

[Collection(BrowserCollection.Name)]
public class MakerJourneyTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_maker_creates_a_listing_with_a_photo_from_a_phone_and_submits_it()
    {
        var page = await SignedInMakerAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Tambah produk" }).ClickAsync();
        await page.GetByLabel("Nama produk").FillAsync("Keranjang Bunga Sampah");
        await page.GetByLabel("Keterangan").FillAsync("Keranjang dari plastik bekas.\nTahan air, muat 5 kg.");
        await page.GetByLabel("Harga (rupiah)").FillAsync("45000");
        await page.GetByLabel("Stok", new() { Exact = true }).FillAsync("3");
        await page.GetByLabel("Dikirim lewat ekspedisi").CheckAsync();
        await AssertAccessibleAsync(page, "maker-new-listing-360");
        await page.GetByRole(AriaRole.Button, new() { Name = "Simpan sebagai draf" }).ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/toko-saya/produk/\\d+$"));
        var listingUrl = page.Url;

        await page.GetByLabel("Tambah foto").SetInputFilesAsync(new FilePayload { Name = "IMG_0001.jpg", MimeType = "image/jpeg", Buffer = PhoneShots.SidewaysJpegWithGps() });
        await page.GetByRole(AriaRole.Button, new() { Name = "Unggah foto" }).ClickAsync();
        // With JavaScript the photo gets its own line on the listing page; the worker is off in tests,
        // so run the job that line is waiting for.
        var listingId = int.Parse(new Uri(listingUrl).Segments.Last(), System.Globalization.CultureInfo.InvariantCulture);
        await RunUploadJobsAsync(fixture, listingId, 1);
        await Assertions.Expect(page.Locator(".upload-item")).ToContainTextAsync("sudah ditambahkan", new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator(".workspace-photo img")).ToHaveCountAsync(1, new() { Timeout = 30_000 });
        await BrowserFixture.ScreenshotAsync(page, "maker-upload-done-360");

        await page.GotoAsync(listingUrl);
        Assert.Equal(1, await page.Locator(".workspace-photo img").CountAsync());
        await AssertAccessibleAsync(page, "maker-listing-360");
        await page.GetByRole(AriaRole.Button, new() { Name = "Kirim untuk ditinjau" }).ClickAsync();
        await Assertions.Expect(page.Locator(".status-badge").First).ToHaveTextAsync("Menunggu tinjauan");
        await BrowserFixture.ScreenshotAsync(page, "maker-listing-submitted-360");

        await using var db = fixture.Shop.OpenDb();
        Assert.Equal(ListingStatus.Submitted, await db.Listings.Where(l => l.Title == "Keranjang Bunga Sampah").Select(l => l.Status).SingleAsync());
    }

    [Fact]
    public async Task A_maker_marks_an_order_shipped_from_a_phone()
    {
        string number;
        await using (var db = fixture.Shop.OpenDb())
        {
            var f = await db.Fulfilments.Include(x => x.Order).Where(x => x.Maker!.Person!.UserName == "pembuat").OrderByDescending(x => x.Id).FirstAsync();
            (f.Status, f.Delivery, f.TrackingNote) = (FulfilmentStatus.New, DeliveryMethod.Shipping, null);
            (f.Order!.Status, f.Order.PaymentMethod) = (OrderStatus.Paid, PaymentMethod.BankTransfer);
            await db.SaveChangesAsync();
            number = f.Order.Number;
        }
        var page = await SignedInMakerAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Pesanan", Exact = true }).ClickAsync();
        await page.Locator(".order-row", new() { HasText = number }).ClickAsync();
        await page.GetByLabel("Catatan pengiriman (nomor resi atau nama kurir)").FillAsync("J&T 8800123");
        await AssertAccessibleAsync(page, "maker-order-360");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tandai sudah dikirim" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Pembeli diberi tahu" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".status-badge").First).ToHaveTextAsync("Dikirim");
        await BrowserFixture.ScreenshotAsync(page, "maker-order-shipped-360");
    }

    /// <summary>Waits for the page to send <paramref name="count"/> uploads for the listing, then runs their jobs.</summary>
    internal static async Task<List<Guid>> RunUploadJobsAsync(BrowserFixture fixture, int listingId, int count, IReadOnlyCollection<Guid>? done = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        List<Guid> ids;
        do
        {
            await using var db = fixture.Shop.OpenDb();
            ids = await db.PhotoUploads.Where(u => u.ListingId == listingId).OrderBy(u => u.CreatedAt).Select(u => u.Id).ToListAsync();
            if (done is not null) ids = ids.Except(done).ToList();
            if (ids.Count >= count) break;
            await Task.Delay(100);
        } while (DateTime.UtcNow < deadline);
        Assert.True(ids.Count >= count, $"{ids.Count} of {count} uploads arrived");
        foreach (var id in ids)
        {
            await using var scope = fixture.Shop.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<PhotoUploadJob>().RunAsync(id, CancellationToken.None);
        }
        return ids;
    }

    async Task<IPage> SignedInMakerAsync()
    {
        var page = await fixture.NewPageAsync(360, 740);
        await page.GotoAsync("/masuk");
        await page.GetByLabel("Nama pengguna atau email").FillAsync("pembuat");
        await page.GetByLabel("Kata sandi").FillAsync("PasKreatif-2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Masuk" }).ClickAsync();
        await page.WaitForURLAsync("**/toko-saya");
        return page;
    }

    internal static async Task AssertAccessibleAsync(IPage page, string name)
    {
        await BrowserFixture.ScreenshotAsync(page, name);
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), $"{name} scrolls sideways at {page.ViewportSize?.Width} px");
        var axe = await page.RunAxe();
        var serious = axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {string.Join(", ", v.Nodes.Select(n => n.Html))}").ToList();
        Assert.True(serious.Count == 0, string.Join("; ", serious));
    }
}
