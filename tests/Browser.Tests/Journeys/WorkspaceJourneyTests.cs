using PasKreatif.Domain.Tests.Media;
using System.Text;
using Deque.AxeCore.Playwright;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using PasKreatif.Orders;

namespace PasKreatif.Browser.Tests.Journeys;

/// <summary>The makers' workspace as a phone uses it: forms that say what to fix, photos that say why not.</summary>
[Collection(BrowserCollection.Name)]
public class WorkspaceJourneyTests(BrowserFixture fixture)
{
    [Fact]
    public async Task The_empty_new_listing_form_names_each_missing_field_and_focuses_the_first()
    {
        var page = await SignedInMakerAsync();
        var blocked = new List<string>();
        page.Console += (_, m) => { if (m.Text.Contains("Content Security Policy", StringComparison.Ordinal)) blocked.Add(m.Text); };
        await page.GotoAsync("/toko-saya/produk/baru");
        Assert.Equal(0, await page.Locator(".alert-danger, .error-summary").CountAsync()); // no empty red box before anything is typed
        await page.GetByRole(AriaRole.Button, new() { Name = "Simpan sebagai draf" }).ClickAsync();

        var summary = page.Locator(".error-summary");
        await Assertions.Expect(summary).ToBeVisibleAsync();
        await Assertions.Expect(summary).ToHaveAttributeAsync("role", "alert");
        var items = await summary.Locator("li").AllInnerTextsAsync();
        Assert.Equal(3, items.Count);
        Assert.Contains(items, i => i.StartsWith("Nama produk", StringComparison.Ordinal));
        Assert.Contains(items, i => i.StartsWith("Keterangan", StringComparison.Ordinal));
        Assert.Contains(items, i => i.StartsWith("Harga", StringComparison.Ordinal));
        Assert.Equal("Form_Title", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        // The field's accessible description is its error.
        await Assertions.Expect(page.GetByLabel("Nama produk")).ToHaveAccessibleDescriptionAsync(new System.Text.RegularExpressions.Regex("Nama produk belum diisi"));
        await MakerJourneyTests.AssertAccessibleAsync(page, "maker-new-listing-errors-360");
        Assert.Empty(blocked);
    }

    [Fact]
    public async Task A_refused_photo_shows_its_message_with_javascript_on()
    {
        var page = await SignedInMakerAsync();
        var id = await NewListingAsync(page, "Vas bunga sampah");
        await page.GetByLabel("Tambah foto").SetInputFilesAsync(new FilePayload { Name = "gambar.svg", MimeType = "image/svg+xml", Buffer = Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\"/>") });
        await page.GetByRole(AriaRole.Button, new() { Name = "Unggah foto" }).ClickAsync();
        await Assertions.Expect(page.Locator(".upload-item")).ToContainTextAsync("bukan foto JPEG");

        // A damaged file passes every check on the phone; the shop's job refuses it and its line says why.
        var whole = PhoneShots.Jpeg(1200, 900);
        await page.GetByLabel("Tambah foto").SetInputFilesAsync(new FilePayload { Name = "potong.jpg", MimeType = "image/jpeg", Buffer = whole[..(whole.Length / 2)] });
        await page.GetByRole(AriaRole.Button, new() { Name = "Unggah foto" }).ClickAsync();
        await MakerJourneyTests.RunUploadJobsAsync(fixture, id, 1);
        await Assertions.Expect(page.Locator(".upload-item").Nth(1)).ToContainTextAsync("terpotong", new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator(".upload-item").Nth(1)).ToContainTextAsync("Produk Anda tidak berubah");
        await Assertions.Expect(page.Locator(".upload-item").Nth(1).GetByRole(AriaRole.Button, new() { Name = "Kirim ulang: potong.jpg" })).ToBeVisibleAsync();
        Assert.Contains("/toko-saya/produk/" + id, page.Url);
        await MakerJourneyTests.AssertAccessibleAsync(page, "maker-photo-refused-js-360");
    }

    [Fact]
    public async Task A_refused_photo_shows_its_message_with_javascript_off()
    {
        var setup = await SignedInMakerAsync();
        var id = await NewListingAsync(setup, "Lukisan perahu");
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = fixture.BaseUrl, ViewportSize = new ViewportSize { Width = 360, Height = 740 }, Locale = "id-ID", JavaScriptEnabled = false,
            StorageState = await setup.Context.StorageStateAsync(),
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/toko-saya/produk/{id}");
        await page.GetByLabel("Tambah foto").SetInputFilesAsync(new FilePayload { Name = "besar.png", MimeType = "image/png", Buffer = PhoneShots.Png(10_000, 6_000) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Unggah foto" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("lebih dari 50 megapiksel");
        await BrowserFixture.ScreenshotAsync(page, "maker-photo-refused-nojs-360");
    }

    [Fact]
    public async Task Two_photos_each_get_a_line_the_failed_one_is_sent_again_and_the_cover_is_chosen_by_touch()
    {
        var page = await SignedInMakerAsync();
        var id = await NewListingAsync(page, "Taplak meja konveksi");
        // The first send is lost on the way, as on a phone losing signal.
        var dropped = 0;
        await page.RouteAsync("**/toko-saya/produk/*?handler=Photo", async route =>
        {
            if (Interlocked.Increment(ref dropped) == 1) await route.AbortAsync("internetdisconnected");
            else await route.ContinueAsync();
        });
        await page.GetByLabel("Tambah foto").SetInputFilesAsync(new[]
        {
            new FilePayload { Name = "depan.jpg", MimeType = "image/jpeg", Buffer = PhoneShots.Jpeg(800, 600) },
            new FilePayload { Name = "samping.jpg", MimeType = "image/jpeg", Buffer = PhoneShots.Jpeg(600, 800) },
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Unggah foto" }).ClickAsync();
        var lines = page.Locator(".upload-item");
        await Assertions.Expect(lines).ToHaveCountAsync(2);
        await Assertions.Expect(lines.Nth(0)).ToContainTextAsync("Sinyal terputus");
        var first = await MakerJourneyTests.RunUploadJobsAsync(fixture, id, 1);
        await Assertions.Expect(lines.Nth(1)).ToContainTextAsync("sudah ditambahkan", new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator(".workspace-photo img")).ToHaveCountAsync(1, new() { Timeout = 30_000 });

        await lines.Nth(0).GetByRole(AriaRole.Button, new() { Name = "Kirim ulang: depan.jpg" }).TapAsync();
        await MakerJourneyTests.RunUploadJobsAsync(fixture, id, 1, first);
        await Assertions.Expect(lines.Nth(0)).ToContainTextAsync("sudah ditambahkan", new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator(".workspace-photo img")).ToHaveCountAsync(2, new() { Timeout = 30_000 });

        var photos = page.Locator(".workspace-photo");
        var second = await photos.Nth(1).GetAttributeAsync("data-photo");
        await page.GetByRole(AriaRole.Button, new() { Name = "Jadikan sampul: foto 2" }).TapAsync();
        await Assertions.Expect(photos.Nth(0)).ToHaveAttributeAsync("data-photo", second!, new() { Timeout = 30_000 });
        await Assertions.Expect(photos.Nth(0)).ToContainTextAsync("Sampul");
        Assert.Contains("/toko-saya/produk/" + id, page.Url);
        await MakerJourneyTests.AssertAccessibleAsync(page, "maker-photos-360");
    }

    [Theory]
    [InlineData(360, 740)]
    [InlineData(1280, 800)]
    public async Task The_earnings_page_passes_axe_contrast_included(int width, int height)
    {
        var page = await SignedInMakerAsync(width, height);
        await page.GotoAsync("/toko-saya/pendapatan");
        var axe = await page.RunAxe();
        var found = axe.Violations.Select(v => $"{v.Id}: {string.Join(", ", v.Nodes.Select(n => n.Html))}").ToList();
        await BrowserFixture.ScreenshotAsync(page, $"maker-earnings-{width}");
        Assert.True(found.Count == 0, string.Join("; ", found));
    }

    [Theory]
    [InlineData(360, 740)]
    [InlineData(1280, 800)]
    public async Task The_start_page_lists_an_order_waiting_since_yesterday_first(int width, int height)
    {
        string number;
        await using (var db = fixture.Shop.OpenDb())
        {
            var parts = await db.Fulfilments.Include(f => f.Order).Where(f => f.Maker!.Person!.UserName == "pembuat").OrderBy(f => f.Id).ToListAsync();
            foreach (var f in parts.Where(f => f.Status is FulfilmentStatus.New or FulfilmentStatus.Preparing)) f.Status = FulfilmentStatus.Delivered;
            var yesterday = DateTimeOffset.UtcNow.AddHours(-25);
            var part = parts[0];
            (part.Status, part.UpdatedAt) = (FulfilmentStatus.New, yesterday);
            (part.Order!.Status, part.Order.PaymentMethod, part.Order.PaidAt) = (OrderStatus.Paid, PasKreatif.Orders.PaymentMethod.BankTransfer, yesterday);
            await db.SaveChangesAsync();
            number = part.Order.Number;
        }
        var page = await SignedInMakerAsync(width, height);
        var first = page.Locator(".today-item").First;
        await Assertions.Expect(first).ToContainTextAsync("1 pesanan perlu disiapkan");
        await Assertions.Expect(first).ToContainTextAsync(number);
        await Assertions.Expect(first).ToContainTextAsync("1 terlambat");
        await MakerJourneyTests.AssertAccessibleAsync(page, $"maker-start-{width}");
    }

    async Task<IPage> SignedInMakerAsync(int width = 360, int height = 740)
    {
        // A phone: touch, no mouse.
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = fixture.BaseUrl, ViewportSize = new ViewportSize { Width = width, Height = height }, Locale = "id-ID", HasTouch = width < 800,
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/masuk");
        await page.GetByLabel("Nama pengguna atau email").FillAsync("pembuat");
        await page.GetByLabel("Kata sandi").FillAsync("PasKreatif-2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Masuk" }).ClickAsync();
        await page.WaitForURLAsync("**/toko-saya");
        return page;
    }

    static async Task<int> NewListingAsync(IPage page, string title)
    {
        await page.GotoAsync("/toko-saya/produk/baru");
        await page.GetByLabel("Nama produk").FillAsync(title);
        await page.GetByLabel("Keterangan").FillAsync("Dibuat tangan di kelompok kami, rapi dan kuat.");
        await page.GetByLabel("Harga (rupiah)").FillAsync("55000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Simpan sebagai draf" }).ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/toko-saya/produk/\\d+$"));
        return int.Parse(new Uri(page.Url).Segments.Last(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
