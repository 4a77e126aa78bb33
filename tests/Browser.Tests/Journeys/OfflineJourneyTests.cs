using PasKreatif.Domain.Tests.Media;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PasKreatif.Catalog;
using PasKreatif.Makers;
using PasKreatif.Media;
using PasKreatif.Orders;
using PasKreatif.Payments;
using PasKreatif.Persistence;

namespace PasKreatif.Browser.Tests.Journeys;

/// <summary>The workspace on a phone whose signal comes and goes: kept pages, an outbox sent once and in order, conflicts shown.</summary>
[Collection(BrowserCollection.Name)]
public class OfflineJourneyTests(BrowserFixture fixture)
{
    // Playwright's WaitForFunction takes a returned promise as truthy at once, so the wait polls inside one evaluation.
    const string PagesKept = """
        async () => {
          const ready = async () => {
            const key = document.querySelector('[data-outbox]')?.dataset.key;
            if (!key || !navigator.serviceWorker.controller) return false;
            const cache = await caches.open('pk-workspace-' + key);
            const kept = (await cache.keys()).map(r => new URL(r.url).pathname);
            // This page and its style sheets and scripts: what it links to is kept only once visited.
            const files = [...document.querySelectorAll('link[rel=stylesheet][href], script[src]')].map(el => new URL(el.href || el.src).pathname);
            return kept.includes(location.pathname.replace(/\/$/, '')) && files.every(f => kept.includes(f));
          };
          for (const until = Date.now() + 30000; Date.now() < until; await new Promise(r => setTimeout(r, 200)))
            if (await ready()) return true;
          return false;
        }
        """;

    const string Kept = "async () => { const c = await caches.open('pk-workspace-' + document.querySelector('[data-outbox]').dataset.key); return (await c.keys()).map(r => new URL(r.url).pathname + new URL(r.url).search).sort().join(' '); }";

    static async Task WaitUntilKeptAsync(IPage page) =>
        Assert.True(await page.EvaluateAsync<bool>(PagesKept), "the worker kept this page and its files within 30 s; kept: " + await page.EvaluateAsync<string>(Kept));

    [Theory]
    [InlineData(360, 740)]
    [InlineData(1280, 800)]
    public async Task The_start_page_opens_without_signal_from_the_phones_cache_after_a_first_visit(int width, int height)
    {
        var page = await SignedInMakerAsync(width, height);
        Assert.Equal("/toko-saya/manifest.webmanifest", await page.Locator("link[rel=manifest]").GetAttributeAsync("href"));
        await WaitUntilKeptAsync(page);
        // Renamed after the visit: the copy kept on the phone still shows the old name, so the page below is the cached one.
        int id;
        string title;
        await using (var db = fixture.Shop.OpenDb())
        {
            var listing = await db.Listings.Where(l => l.Maker!.Person!.UserName == "pembuat" && l.Status != ListingStatus.Archived).OrderBy(l => l.Id).FirstAsync();
            (id, title) = (listing.Id, listing.Title);
            listing.Title = title + " (diubah)";
            await db.SaveChangesAsync();
        }
        var kept = await page.EvaluateAsync<string>(Kept);
        try
        {
            await page.Context.SetOfflineAsync(true);
            var response = await page.GotoAsync("/toko-saya");
            Assert.True(response!.FromServiceWorker);
            var heading = await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync();
            Assert.True(heading.StartsWith("Halo", StringComparison.Ordinal), $"{heading}; kept: {kept}");
            await Assertions.Expect(page.Locator($"a[href='/toko-saya/produk/{id}']")).ToContainTextAsync(title);
            await Assertions.Expect(page.Locator($"a[href='/toko-saya/produk/{id}']")).Not.ToContainTextAsync("(diubah)");
            // A page the phone never kept says so, in words.
            await page.GotoAsync("/toko-saya/pendapatan");
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Tanpa sinyal");
            await MakerJourneyTests.AssertAccessibleAsync(page, $"maker-offline-page-{width}");
        }
        finally
        {
            await page.Context.SetOfflineAsync(false);
            await using var db = fixture.Shop.OpenDb();
            (await db.Listings.SingleAsync(l => l.Id == id)).Title = title;
            await db.SaveChangesAsync();
        }
        // The buyer's pages never offer the workspace app.
        await page.GotoAsync("/");
        Assert.Equal(0, await page.Locator("link[rel=manifest]").CountAsync());
    }

    [Fact]
    public async Task A_listing_drafted_offline_with_a_photo_is_kept_then_submitted_once_when_the_signal_returns()
    {
        const string title = "Tempat pensil bambu tanpa sinyal";
        var page = await SignedInMakerAsync();
        await page.GotoAsync("/toko-saya/produk/baru");
        await page.Context.SetOfflineAsync(true);
        await page.GetByLabel("Nama produk").FillAsync(title);
        await page.GetByLabel("Keterangan").FillAsync("Dianyam dari bambu, kuat dan ringan.");
        await page.GetByLabel("Harga (rupiah)").FillAsync("35000");
        await page.GetByLabel("Foto (boleh ditambah nanti)").SetInputFilesAsync(new FilePayload { Name = "bambu.jpg", MimeType = "image/jpeg", Buffer = PhoneShots.Jpeg(800, 600) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Simpan sebagai draf" }).ClickAsync();

        var outbox = page.Locator("#outbox");
        await Assertions.Expect(outbox).ToBeVisibleAsync();
        await Assertions.Expect(outbox).ToContainTextAsync("Menunggu sinyal");
        await Assertions.Expect(outbox).ToContainTextAsync("2 perubahan"); // the listing and its photo
        await Assertions.Expect(outbox).ToContainTextAsync(title);
        await Assertions.Expect(outbox).ToContainTextAsync("bambu.jpg");
        await MakerJourneyTests.AssertAccessibleAsync(page, "maker-outbox-queued-360");
        await using (var db = fixture.Shop.OpenDb())
            Assert.Equal(0, await db.Listings.CountAsync(l => l.Title == title));

        await page.Context.SetOfflineAsync(false); // the browser's online event sends them
        await Assertions.Expect(outbox.GetByRole(AriaRole.Status)).ToContainTextAsync("terkirim", new() { Timeout = 30_000 });
        await Assertions.Expect(outbox.GetByRole(AriaRole.Link, new() { Name = "Buka produk" })).ToBeVisibleAsync();
        // Opening the app again sends nothing twice.
        await page.GotoAsync("/toko-saya");
        await page.GotoAsync("/toko-saya/produk/baru");
        await using (var db = fixture.Shop.OpenDb())
        {
            var made = await db.Listings.Where(l => l.Title == title).ToListAsync();
            var listing = Assert.Single(made);
            Assert.Equal(ListingStatus.Draft, listing.Status);
            Assert.Equal(1, await db.PhotoUploads.CountAsync(u => u.ListingId == listing.Id));
            Assert.Equal(35000m, listing.Price.Amount);
        }
        Assert.Equal(0, await page.EvaluateAsync<int>("() => document.querySelectorAll('[data-outbox-item=Listing], [data-outbox-item=Photo]').length"));
    }

    [Fact]
    public async Task An_order_marked_prepared_then_shipped_offline_is_sent_later_in_order()
    {
        int fulfilmentId;
        await using (var db = fixture.Shop.OpenDb())
        {
            var f = await db.Fulfilments.Include(x => x.Order).Where(x => x.Maker!.Person!.UserName == "pembuat").OrderByDescending(x => x.Id).Skip(1).FirstAsync();
            (f.Status, f.Delivery, f.TrackingNote) = (FulfilmentStatus.New, DeliveryMethod.Shipping, null);
            (f.Order!.Status, f.Order.PaymentMethod) = (OrderStatus.Paid, PaymentMethod.BankTransfer);
            await db.SaveChangesAsync();
            fulfilmentId = f.Id;
        }
        var page = await SignedInMakerAsync();
        await page.GotoAsync($"/toko-saya/pesanan/{fulfilmentId}");
        await page.Context.SetOfflineAsync(true);
        await page.GetByRole(AriaRole.Button, new() { Name = "Tandai sedang disiapkan" }).ClickAsync();
        await Assertions.Expect(page.Locator("#outbox")).ToContainTextAsync("1 perubahan");
        await page.GetByLabel("Catatan pengiriman (nomor resi atau nama kurir)").FillAsync("JNE 0042 7781");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tandai sudah dikirim" }).ClickAsync();
        await Assertions.Expect(page.Locator("#outbox")).ToContainTextAsync("2 perubahan");
        await Assertions.Expect(page.Locator("#outbox")).ToContainTextAsync("JNE 0042 7781");
        await using (var db = fixture.Shop.OpenDb())
            Assert.Equal(FulfilmentStatus.New, (await db.Fulfilments.SingleAsync(f => f.Id == fulfilmentId)).Status);

        await page.Context.SetOfflineAsync(false);
        await Assertions.Expect(page.Locator("#outbox")).ToBeHiddenAsync(new() { Timeout = 30_000 });
        await using (var db = fixture.Shop.OpenDb())
        {
            var sent = await db.Fulfilments.SingleAsync(f => f.Id == fulfilmentId);
            Assert.Equal((FulfilmentStatus.Shipped, "JNE 0042 7781"), (sent.Status, sent.TrackingNote));
        }
    }

    [Theory]
    [InlineData(360, 740)]
    [InlineData(1280, 800)]
    public async Task A_price_changed_elsewhere_while_offline_is_shown_with_both_values_and_the_maker_chooses(int width, int height)
    {
        var page = await SignedInMakerAsync(width, height);
        int id;
        await using (var db = fixture.Shop.OpenDb())
            id = await db.Listings.Where(l => l.Maker!.Person!.UserName == "pembuat" && l.Status == ListingStatus.Approved && !l.MadeToOrder).OrderByDescending(l => l.Id).Select(l => l.Id).FirstAsync();
        await page.GotoAsync($"/toko-saya/produk/{id}");
        await page.Context.SetOfflineAsync(true);
        await page.GetByLabel("Harga (langsung berlaku)").FillAsync("71000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Simpan harga" }).ClickAsync();
        await Assertions.Expect(page.Locator("#outbox")).ToContainTextAsync("Rp71.000");
        // Meanwhile the price is changed on another phone.
        await using (var db = fixture.Shop.OpenDb())
        {
            var listing = await db.Listings.SingleAsync(l => l.Id == id);
            listing.SetPrice(Money.Of(64000m), DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
        }

        await page.Context.SetOfflineAsync(false);
        var conflict = page.Locator(".outbox-conflict");
        await Assertions.Expect(conflict).ToContainTextAsync("Di ponsel Anda: Rp71.000", new() { Timeout = 30_000 });
        await Assertions.Expect(conflict).ToContainTextAsync("Di toko sekarang: Rp64.000");
        await MakerJourneyTests.AssertAccessibleAsync(page, $"maker-outbox-conflict-{width}");
        await using (var db = fixture.Shop.OpenDb())
            Assert.Equal(64000m, (await db.Listings.SingleAsync(l => l.Id == id)).Price.Amount); // never silently overwritten

        await conflict.GetByRole(AriaRole.Button, new() { Name = "Pakai punya saya" }).ClickAsync();
        await Assertions.Expect(page.Locator("#outbox")).ToBeHiddenAsync(new() { Timeout = 30_000 });
        await using (var db = fixture.Shop.OpenDb())
            Assert.Equal(71000m, (await db.Listings.SingleAsync(l => l.Id == id)).Price.Amount);
    }

    // A listing of the maker's made for one journey and put on sale, so its words change by a revision and no other journey touches it.
    async Task<int> ListingOnSaleAsync(string title)
    {
        await using var scope = fixture.Shop.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MarketplaceDb>();
        var maker = await db.Makers.SingleAsync(m => m.Person!.UserName == "pembuat");
        var like = await db.Listings.Where(l => l.MakerId == maker.Id).OrderBy(l => l.Id).FirstAsync();
        var listing = await scope.ServiceProvider.GetRequiredService<ListingEditor>().CreateAsync(maker.Id, maker.PersonId,
            new ListingDraft(title, "Dibuat tangan, satu per satu.", like.CategoryId, like.ProgrammeId, 42000m, false, 5, 0, 400, DeliveryOptions.Pickup | DeliveryOptions.Shipping));
        var now = DateTimeOffset.UtcNow;
        db.ListingAudit.Add(listing.Submit(maker.PersonId, now));
        db.ListingAudit.Add(listing.Approve(maker.PersonId, now));
        await db.SaveChangesAsync();
        return listing.Id;
    }

    // A listing of the maker's whose words edit without a revision waiting for review, not one the other journeys touch.
    async Task<(int Id, string Title)> EditableListingAsync(int skip)
    {
        await using var db = fixture.Shop.OpenDb();
        var listing = await db.Listings.Include(l => l.Revisions)
            .Where(l => l.Maker!.Person!.UserName == "pembuat" && l.Status != ListingStatus.Archived && l.Status != ListingStatus.Submitted && !l.MadeToOrder
                && !l.Revisions.Any(r => r.Status == RevisionStatus.Submitted))
            .OrderBy(l => l.Id).Skip(skip).FirstAsync();
        return (listing.Id, OfflineEdit.Shown(listing).Title);
    }

    async Task<(string Title, int Receipts)> ShownAsync(int id)
    {
        await using var db = fixture.Shop.OpenDb();
        var listing = await db.Listings.Include(l => l.Revisions).SingleAsync(l => l.Id == id);
        return (OfflineEdit.Shown(listing).Title, await db.OfflineEditReceipts.CountAsync(r => r.ListingId == id));
    }

    [Theory]
    [InlineData(360, 740)]
    [InlineData(1280, 800)]
    public async Task An_existing_listings_words_edited_offline_are_kept_then_saved_once_when_the_signal_returns(int width, int height)
    {
        var (id, _) = await EditableListingAsync(1);
        var before = await ShownAsync(id);
        var title = $"Keranjang rotan diubah tanpa sinyal {width}";
        var page = await SignedInMakerAsync(width, height);
        await page.GotoAsync($"/toko-saya/produk/{id}/ubah");
        await page.Context.SetOfflineAsync(true);
        await page.GetByLabel("Nama produk").FillAsync(title);
        await page.GetByRole(AriaRole.Button, new() { Name = "Simpan perubahan" }).ClickAsync();
        var outbox = page.Locator("#outbox");
        await Assertions.Expect(outbox).ToContainTextAsync("1 perubahan");
        await Assertions.Expect(outbox).ToContainTextAsync("Nama produk"); // the field changed
        await MakerJourneyTests.AssertAccessibleAsync(page, $"maker-outbox-edit-queued-{width}");
        Assert.Equal(before, await ShownAsync(id));

        await page.Context.SetOfflineAsync(false); // the browser's online event sends it
        await Assertions.Expect(outbox).ToBeHiddenAsync(new() { Timeout = 30_000 });
        // Opening the app again sends nothing twice.
        await page.GotoAsync("/toko-saya");
        await page.GotoAsync($"/toko-saya/produk/{id}");
        Assert.Equal((title, before.Receipts + 1), await ShownAsync(id));
        Assert.Equal(0, await page.EvaluateAsync<int>("() => document.querySelectorAll('[data-outbox-item=Edit]').length"));
    }

    [Theory]
    [InlineData(360, 740)]
    [InlineData(1280, 800)]
    public async Task Words_changed_elsewhere_while_offline_are_shown_beside_the_makers_and_the_maker_chooses(int width, int height)
    {
        var (id, _) = await EditableListingAsync(2);
        var mine = $"Tikar pandan versi ponsel {width}";
        var theirs = $"Tikar pandan versi komputer {width}";
        var page = await SignedInMakerAsync(width, height);
        await page.GotoAsync($"/toko-saya/produk/{id}/ubah");
        await page.Context.SetOfflineAsync(true);
        await page.GetByLabel("Nama produk").FillAsync(mine);
        await page.GetByRole(AriaRole.Button, new() { Name = "Simpan perubahan" }).ClickAsync();
        await Assertions.Expect(page.Locator("#outbox")).ToContainTextAsync("1 perubahan");
        // Meanwhile the words are changed elsewhere.
        await using (var db = fixture.Shop.OpenDb())
        {
            var listing = await db.Listings.Include(l => l.Revisions).SingleAsync(l => l.Id == id);
            if (ListingEditor.OpenRevision(listing) is { } open && !listing.EditsInPlace()) open.Title = theirs;
            else listing.Title = theirs;
            listing.SetPrice(Money.Of(listing.Price.Amount + 1000), DateTimeOffset.UtcNow); // a new edit version either way
            await db.SaveChangesAsync();
        }

        await page.Context.SetOfflineAsync(false);
        var conflict = page.Locator(".outbox-conflict");
        await Assertions.Expect(conflict).ToContainTextAsync("Di ponsel Anda: " + mine, new() { Timeout = 30_000 });
        await Assertions.Expect(conflict).ToContainTextAsync("Di toko sekarang: " + theirs);
        await MakerJourneyTests.AssertAccessibleAsync(page, $"maker-outbox-edit-conflict-{width}");
        Assert.Equal(theirs, (await ShownAsync(id)).Title); // never silently overwritten

        await conflict.GetByRole(AriaRole.Button, new() { Name = "Pakai punya saya" }).ClickAsync();
        await Assertions.Expect(page.Locator("#outbox")).ToBeHiddenAsync(new() { Timeout = 30_000 });
        Assert.Equal(mine, (await ShownAsync(id)).Title);
    }

    [Theory]
    [InlineData(360, 740)]
    [InlineData(1280, 800)]
    public async Task An_edit_refused_when_the_signal_returns_reopens_in_its_form_with_the_message_beside_its_field_and_is_saved_once_corrected(int width, int height)
    {
        var id = await ListingOnSaleAsync($"Vas tanah liat {width}");
        var before = await ShownAsync(id);
        var title = $"Vas tanah liat diubah tanpa sinyal {width}";
        var page = await SignedInMakerAsync(width, height);
        await page.GotoAsync($"/toko-saya/produk/{id}/ubah");
        await page.Context.SetOfflineAsync(true);
        await page.GetByLabel("Nama produk").FillAsync(title);
        await page.GetByLabel("Berat (gram)").FillAsync("0"); // the shop takes 1 gram to 100 kg
        await page.GetByRole(AriaRole.Button, new() { Name = "Simpan perubahan" }).ClickAsync();
        await Assertions.Expect(page.Locator("#outbox")).ToContainTextAsync("1 perubahan");

        await page.Context.SetOfflineAsync(false);
        var refused = page.Locator(".outbox-refused");
        await Assertions.Expect(refused).ToContainTextAsync("Berat antara 1 gram dan 100 kg.", new() { Timeout = 30_000 });
        Assert.Equal(before, await ShownAsync(id)); // nothing of it saved

        // The outbox is on every workspace page: from the start page, the refused edit opens again in its own form.
        await page.GotoAsync("/toko-saya");
        await Assertions.Expect(refused).ToContainTextAsync("Berat antara 1 gram dan 100 kg.");
        await refused.GetByRole(AriaRole.Link, new() { Name = "Ubah lagi" }).ClickAsync();
        await page.WaitForURLAsync(u => new Uri(u).AbsolutePath == $"/toko-saya/produk/{id}/ubah");
        await Assertions.Expect(page.Locator("[data-outbox-reopened]")).ToContainTextAsync("dibuka lagi");
        var weight = page.GetByLabel("Berat (gram)");
        await Assertions.Expect(weight).ToHaveValueAsync("0");
        await Assertions.Expect(page.GetByLabel("Nama produk")).ToHaveValueAsync(title);
        await Assertions.Expect(weight).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(weight).ToHaveAccessibleDescriptionAsync("Berat antara 1 gram dan 100 kg.");
        await Assertions.Expect(page.Locator("#Form_WeightGrams + .invalid-feedback")).ToHaveTextAsync("Berat antara 1 gram dan 100 kg.");
        await Assertions.Expect(weight).ToBeFocusedAsync();
        await Assertions.Expect(page.GetByLabel("Nama produk")).Not.ToHaveAttributeAsync("aria-invalid", "true");
        await MakerJourneyTests.AssertAccessibleAsync(page, $"maker-outbox-edit-reopened-{width}");

        // Corrected with signal: sent under its first key, then the listing opens.
        await weight.FillAsync("350");
        await page.GetByRole(AriaRole.Button, new() { Name = "Simpan perubahan" }).ClickAsync();
        await page.WaitForURLAsync(u => new Uri(u).AbsolutePath == $"/toko-saya/produk/{id}", new() { Timeout = 30_000 });
        await page.GotoAsync("/toko-saya");
        Assert.Equal((title, before.Receipts + 1), await ShownAsync(id));
        await using (var db = fixture.Shop.OpenDb())
            Assert.Equal(350, (await db.Listings.SingleAsync(l => l.Id == id)).WeightGrams);
        Assert.Equal(0, await page.EvaluateAsync<int>("() => document.querySelectorAll('[data-outbox-item=Edit]').length"));
    }

    [Theory]
    [InlineData(360, 740)]
    [InlineData(1280, 800)]
    public async Task A_draft_refused_when_the_signal_returns_reopens_with_the_message_beside_its_field_and_keeps_its_photo(int width, int height)
    {
        var title = $"Tatakan gelas eceng gondok {width}";
        var page = await SignedInMakerAsync(width, height);
        await page.GotoAsync("/toko-saya/produk/baru");
        await page.Context.SetOfflineAsync(true);
        await page.GetByLabel("Nama produk").FillAsync(title);
        await page.GetByLabel("Keterangan").FillAsync("Enam tatakan anyaman eceng gondok.");
        await page.GetByLabel("Harga (rupiah)").FillAsync("100"); // under the shop's Rp500
        await page.GetByLabel("Foto (boleh ditambah nanti)").SetInputFilesAsync(new FilePayload { Name = "tatakan.jpg", MimeType = "image/jpeg", Buffer = PhoneShots.Jpeg(800, 600) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Simpan sebagai draf" }).ClickAsync();
        await Assertions.Expect(page.Locator("#outbox")).ToContainTextAsync("2 perubahan");

        await page.Context.SetOfflineAsync(false);
        var refused = page.Locator(".outbox-refused");
        await Assertions.Expect(refused).ToContainTextAsync("Harga antara Rp500 dan Rp100.000.000", new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("#outbox")).ToContainTextAsync("tatakan.jpg"); // held behind its draft, not sent alone
        await using (var db = fixture.Shop.OpenDb())
            Assert.Equal(0, await db.Listings.CountAsync(l => l.Title == title));

        await refused.GetByRole(AriaRole.Link, new() { Name = "Ubah lagi" }).ClickAsync();
        var price = page.GetByLabel("Harga (rupiah)");
        await Assertions.Expect(price).ToHaveValueAsync("100");
        await Assertions.Expect(page.GetByLabel("Nama produk")).ToHaveValueAsync(title);
        await Assertions.Expect(price).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(price).ToHaveAccessibleDescriptionAsync(new System.Text.RegularExpressions.Regex("^Harga antara Rp500 dan Rp100\\.000\\.000"));
        await Assertions.Expect(page.Locator(".input-group:has(#Form_Price) + .invalid-feedback")).ToContainTextAsync("Harga antara Rp500");
        await Assertions.Expect(price).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator("[data-outbox-photos-kept]")).ToContainTextAsync("tatakan.jpg");
        await MakerJourneyTests.AssertAccessibleAsync(page, $"maker-outbox-draft-reopened-{width}");

        await price.FillAsync("15000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Simpan sebagai draf" }).ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/toko-saya/produk/\\d+$"), new() { Timeout = 30_000 });
        await page.GotoAsync("/toko-saya");
        await using (var db = fixture.Shop.OpenDb())
        {
            var listing = Assert.Single(await db.Listings.Where(l => l.Title == title).ToListAsync());
            Assert.Equal((ListingStatus.Draft, 15000m), (listing.Status, listing.Price.Amount));
            Assert.Equal(1, await db.PhotoUploads.CountAsync(u => u.ListingId == listing.Id));
        }
        Assert.Equal(0, await page.EvaluateAsync<int>("() => document.querySelectorAll('[data-outbox-item=Listing], [data-outbox-item=Photo]').length"));
    }

    [Fact]
    public async Task An_existing_listing_edited_offline_with_a_photo_is_saved_once_and_the_photo_shows_on_it_when_the_signal_returns()
    {
        var id = await ListingOnSaleAsync("Dompet tenun ikat");
        var before = await ShownAsync(id);
        List<Guid> uploadsBefore;
        await using (var db = fixture.Shop.OpenDb())
            uploadsBefore = await db.PhotoUploads.Where(u => u.ListingId == id).Select(u => u.Id).ToListAsync();
        const string title = "Dompet tenun dengan foto baru";
        var page = await SignedInMakerAsync();
        await page.GotoAsync($"/toko-saya/produk/{id}");
        var photosBefore = await page.Locator(".workspace-photo img").CountAsync();
        await page.GotoAsync($"/toko-saya/produk/{id}/ubah");
        await page.Context.SetOfflineAsync(true);
        await page.GetByLabel("Nama produk").FillAsync(title);
        await page.GetByLabel("Foto (boleh ditambah nanti)").SetInputFilesAsync(new FilePayload { Name = "dompet-samping.jpg", MimeType = "image/jpeg", Buffer = PhoneShots.Jpeg(900, 700) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Simpan perubahan" }).ClickAsync();
        var outbox = page.Locator("#outbox");
        await Assertions.Expect(outbox).ToContainTextAsync("2 perubahan"); // the edit and its photo
        await Assertions.Expect(outbox).ToContainTextAsync("dompet-samping.jpg");
        Assert.Equal(before, await ShownAsync(id));
        await using (var db = fixture.Shop.OpenDb())
            Assert.Equal(uploadsBefore.Count, await db.PhotoUploads.CountAsync(u => u.ListingId == id));

        await page.Context.SetOfflineAsync(false);
        await Assertions.Expect(outbox).ToBeHiddenAsync(new() { Timeout = 30_000 });
        // The worker is off in tests: run the job the photo's upload waits for.
        var sent = await MakerJourneyTests.RunUploadJobsAsync(fixture, id, 1, uploadsBefore);
        // Opening the app again sends nothing twice.
        await page.GotoAsync("/toko-saya");
        await page.GotoAsync($"/toko-saya/produk/{id}");
        await Assertions.Expect(page.Locator(".workspace-photo img")).ToHaveCountAsync(photosBefore + 1);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(title);
        Assert.Equal((title, before.Receipts + 1), await ShownAsync(id));
        await using (var db = fixture.Shop.OpenDb())
        {
            var upload = await db.PhotoUploads.SingleAsync(u => u.Id == Assert.Single(sent));
            Assert.Equal(PhotoUploadState.Done, upload.State);
            Assert.Equal(uploadsBefore.Count + 1, await db.PhotoUploads.CountAsync(u => u.ListingId == id));
        }
        Assert.Equal(0, await page.EvaluateAsync<int>("() => document.querySelectorAll('[data-outbox-item=Edit], [data-outbox-item=Photo]').length"));
    }

    [Fact]
    public async Task Signing_out_leaves_no_cache_and_no_outbox_on_the_phone()
    {
        var page = await SignedInMakerAsync();
        await WaitUntilKeptAsync(page);
        Assert.True(await page.EvaluateAsync<int>("async () => (await caches.keys()).length") > 0);
        Assert.True(await page.EvaluateAsync<int>("async () => (await indexedDB.databases()).length") > 0);
        await BrowserFixture.OpenMenuAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Keluar" }).ClickAsync();
        await page.WaitForURLAsync(u => new Uri(u).AbsolutePath == "/");
        Assert.Equal(0, await page.EvaluateAsync<int>("async () => (await caches.keys()).length"));
        Assert.Equal(0, await page.EvaluateAsync<int>("async () => (await indexedDB.databases()).length"));
        Assert.Equal(0, await page.EvaluateAsync<int>("async () => (await navigator.serviceWorker.getRegistrations()).length"));
    }

    [Fact]
    public async Task A_worker_registered_again_by_an_earlier_session_or_its_late_forget_leaves_the_kept_pages()
    {
        var page = await SignedInMakerAsync();
        await WaitUntilKeptAsync(page);
        var kept = await page.EvaluateAsync<string>(Kept);
        // A tab left open since before the stamp changed still holds the earlier key: it registers its worker and says forget.
        const string earlier = "0123456789abcdef01234567";
        var outcome = await page.EvaluateAsync<string>("""
            async earlier => {
              const forgotten = new Promise(r => navigator.serviceWorker.addEventListener('message', e => { if (e.data.type === 'forgotten') r(); }));
              navigator.serviceWorker.controller.postMessage({ type: 'forget', key: earlier });
              // Bounded, so a worker that never answers fails the test below instead of hanging it.
              await Promise.race([forgotten, new Promise(r => setTimeout(r, 10000))]);
              const reg = await navigator.serviceWorker.register('/toko-saya/sw.js?k=' + earlier, { scope: '/toko-saya' });
              const worker = reg.installing || reg.waiting;
              if (worker && worker.state !== 'redundant')
                await Promise.race([new Promise(r => worker.addEventListener('statechange', () => { if (worker.state === 'redundant' || worker.state === 'activated') r(); })), new Promise(r => setTimeout(r, 20000))]);
              return (worker ? worker.state : 'none') + ' ' + new URL(reg.active.scriptURL).search;
            }
            """, earlier);
        var key = await page.Locator("[data-outbox]").GetAttributeAsync("data-key");
        Assert.Equal($"redundant ?k={key}", outcome);
        Assert.Equal(kept, await page.EvaluateAsync<string>(Kept));
        await page.Context.SetOfflineAsync(true);
        var response = await page.GotoAsync("/toko-saya");
        Assert.True(response!.FromServiceWorker);
        Assert.StartsWith("Halo", await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync(), StringComparison.Ordinal);
        await page.Context.SetOfflineAsync(false);
    }

    async Task<IPage> SignedInMakerAsync(int width = 360, int height = 740)
    {
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
}
