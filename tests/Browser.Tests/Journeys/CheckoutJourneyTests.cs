using Deque.AxeCore.Playwright;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PasKreatif.Catalog;
using PasKreatif.Integration.Tests.Fixtures;
using PasKreatif.Orders;
using PasKreatif.Payments;

namespace PasKreatif.Browser.Tests.Journeys;

/// <summary>Orders of every shape, carried to their end on a 360 px phone: buyers, makers, mentors and officers each at their step.</summary>
[Collection(BrowserCollection.Name)]
public class CheckoutJourneyTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_buyer_buys_from_two_makers_of_two_offices_both_officers_see_it_one_confirms_each_maker_hands_over_and_the_buyer_reviews()
    {
        var (pickup, delivered) = await ListingsAsync(("pembuat", 0), ("pembuat2", 0));
        await using (var db = fixture.Shop.OpenDb()) // the account's cart holds only what this journey adds
            await db.Carts.Where(c => db.Users.Any(u => u.Id == c.PersonId && u.UserName == "pembeli")).ExecuteDeleteAsync();
        var page = await fixture.NewPageAsync();
        await SignInAsync(page, "pembeli");
        foreach (var listing in new[] { pickup, delivered }) await AddToCartAsync(page, listing);
        await page.GetByRole(AriaRole.Link, new() { Name = "Lanjut ke checkout" }).ClickAsync();
        await page.WaitForURLAsync("**/checkout");
        await page.GetByLabel("Nomor HP").FillAsync("0812 1111 2222");
        await page.GetByLabel("Alamat lengkap").FillAsync("Jl. Kenanga No. 5, Purwokerto");
        var before = Money.Of(pickup.Price.Amount + delivered.Price.Amount);
        Assert.Equal(before.ToString(), (await page.Locator("#checkout-total").TextContentAsync())?.Trim());
        // The second maker delivers locally: its price and the total follow at once, before anything is placed.
        await page.Locator($"#delivery-{delivered.MakerId}-LocalDelivery").CheckAsync();
        var withDelivery = before + Money.Of(new OrderOptions().LocalDeliveryFee);
        await Expect(page.Locator("#checkout-total"), withDelivery.ToString());
        await AssertFitsAndPassesAxeAsync(page, "journey-checkout-totals");
        await page.GetByRole(AriaRole.Button, new() { Name = "Pesan sekarang" }).ClickAsync();
        await page.WaitForURLAsync("**/pesanan/*");
        var token = page.Url[(page.Url.LastIndexOf('/') + 1)..];
        var order = await OrderAsync(token);
        Assert.Equal(withDelivery, order.Total);

        var first = await StaffAsync("petugas");
        var second = await StaffAsync("petugas2");
        foreach (var desk in new[] { first, second })
        {
            await desk.GotoAsync("/admin/pembayaran");
            Assert.Equal(1, await desk.Locator($"tr[data-order='{order.Number}']").CountAsync());
        }
        await AssertFitsAndPassesAxeAsync(second, "journey-payments-desk");
        await second.Locator($"tr[data-order='{order.Number}'] input[name=reference]").FillAsync("BNI 445566");
        await second.Locator($"tr[data-order='{order.Number}']").GetByRole(AriaRole.Button, new() { Name = "Transfer diterima" }).ClickAsync();
        await second.WaitForURLAsync("**/admin/pembayaran");
        await first.GotoAsync("/admin/pesanan");
        Assert.True(await first.Locator($"tr[data-order='{order.Number}'][data-wait='Preparation']").CountAsync() == 2);
        await AssertFitsAndPassesAxeAsync(first, "journey-open-orders");

        var makerA = await StaffAsync("pembuat");
        await makerA.GotoAsync($"/toko-saya/pesanan/{order.Fulfilments.Single(f => f.MakerId == pickup.MakerId).Id}");
        await makerA.GetByRole(AriaRole.Button, new() { Name = "Tandai siap diambil" }).ClickAsync();
        await makerA.GetByRole(AriaRole.Button, new() { Name = "Tandai sudah diambil pembeli" }).ClickAsync();
        await Expect(makerA.Locator("#part-stage"), "Sudah diambil");
        var makerB = await StaffAsync("pembuat2");
        await makerB.GotoAsync($"/toko-saya/pesanan/{order.Fulfilments.Single(f => f.MakerId == delivered.MakerId).Id}");
        await makerB.GetByRole(AriaRole.Button, new() { Name = "Tandai sudah diantar" }).ClickAsync();
        await AssertFitsAndPassesAxeAsync(makerB, "journey-maker-delivered");

        await page.ReloadAsync();
        Assert.Equal("Completed", await page.Locator("#order-status").GetAttributeAsync("data-status"));
        await AssertFitsAndPassesAxeAsync(page, "journey-completed-invites-review");
        await page.Locator("#ulasan a").First.ClickAsync();
        await page.WaitForURLAsync("**/pesanan/ulasan/*");
        await page.GetByLabel("5 bintang").CheckAsync();
        await page.GetByLabel("Cerita Anda (boleh dikosongkan)").FillAsync("Rapi dan cepat, terima kasih.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Kirim ulasan" }).ClickAsync();
        await page.WaitForURLAsync("**/pesanan/ulasan");
        Assert.Contains("Terima kasih!", await page.ContentAsync());
    }

    [Fact]
    public async Task A_paid_pickup_order_is_cancelled_after_a_confirmation_and_refunded_to_the_account_the_buyer_gives()
    {
        var (listing, _) = await ListingsAsync(("pembuat3", 0), ("pembuat3", 1));
        var page = await fixture.NewPageAsync();
        var token = await GuestCheckoutAsync(page, [listing], "batal.tamu@contoh.test", "Transfer bank");
        var order = await OrderAsync(token);
        Assert.Equal(OrderChange.Done, await fixture.Shop.WithScopeAsync(s => s.GetRequiredService<OrderLifecycle>().MarkPaidAsync(order.Id, "TRF-JOURNEY", null)));

        await page.ReloadAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Batalkan pesanan" }).ClickAsync();
        await page.WaitForURLAsync("**/batal");
        Assert.Contains(order.Total.ToString(), await page.Locator("#cancel-refund").TextContentAsync());
        await AssertFitsAndPassesAxeAsync(page, "journey-cancel-confirmation");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ya, batalkan pesanan" }).ClickAsync();
        await page.WaitForURLAsync($"**/pesanan/{token}");
        Assert.Equal("Cancelled", await page.Locator("#order-status").GetAttributeAsync("data-status"));
        await page.GetByLabel("Nama bank").FillAsync("BRI");
        await page.GetByLabel("Nomor rekening").FillAsync("0123 0100 0456 507");
        await page.GetByLabel("Atas nama").FillAsync("Dewi Tamu");
        await AssertFitsAndPassesAxeAsync(page, "journey-refund-account");
        await page.GetByRole(AriaRole.Button, new() { Name = "Simpan rekening" }).ClickAsync();
        await page.WaitForURLAsync($"**/pesanan/{token}*");

        var officer = await StaffAsync("petugas");
        await officer.GotoAsync("/admin/pengembalian");
        var row = officer.Locator($"tr[data-order='{order.Number}']");
        Assert.Contains("012301000456507", await row.TextContentAsync());
        await AssertFitsAndPassesAxeAsync(officer, "journey-refunds-desk");
        await row.Locator("input[name=reference]").FillAsync("TRF-KEMBALI-01");
        await row.GetByRole(AriaRole.Button, new() { Name = "Dana sudah dikirim" }).ClickAsync();
        await officer.WaitForURLAsync("**/admin/pengembalian");

        await page.ReloadAsync();
        Assert.Equal("Refunded", await page.Locator("#order-status").GetAttributeAsync("data-status"));
        Assert.Equal("Sent", await page.Locator(".order-refund").GetAttributeAsync("data-status"));
        Assert.Contains("TRF-KEMBALI-01", await page.Locator(".order-refund").TextContentAsync());
    }

    [Fact]
    public async Task A_card_order_paid_after_it_expired_is_refunded_automatically_and_the_buyer_sees_it()
    {
        var (listing, _) = await ListingsAsync(("pembuat4", 0), ("pembuat4", 1));
        var page = await fixture.NewPageAsync();
        var token = await GuestCheckoutAsync(page, [listing], "kartu.telat@contoh.test", "Kartu kredit/debit", waitForOrderPage: false); // off to Stripe's page
        var order = await OrderAsync(token);
        var started = DateTime.UtcNow;
        FakeStripe.FakeSession? session;
        while ((session = fixture.Stripe.Sessions.SingleOrDefault(s => s.OrderId == order.Id)) is null && DateTime.UtcNow < started.AddSeconds(30)) await Task.Delay(100);
        Assert.NotNull(session);

        // Paid at Stripe in the last second, while the shop let the order lapse.
        var paid = fixture.Stripe.PaidAnyway(session.Id, $"pi_journey_{order.Id}");
        await using (var db = fixture.Shop.OpenDb())
            await db.Orders.Where(o => o.Id == order.Id).ExecuteUpdateAsync(s => s.SetProperty(o => o.PaymentDueAt, DateTimeOffset.UtcNow.AddMinutes(-1)));
        await fixture.Shop.WithScopeAsync(s => s.GetRequiredService<OrderExpiryJob>().RunAsync(CancellationToken.None));
        using var client = fixture.Shop.CreateClient();
        Assert.True((await FakeStripe.DeliverAsync(client, $"evt_journey_{order.Id}", "checkout.session.completed", paid)).IsSuccessStatusCode);

        await page.GotoAsync($"/pesanan/{token}");
        Assert.Equal("Expired", await page.Locator("#order-status").GetAttributeAsync("data-status"));
        Assert.Equal("Sent", await page.Locator(".order-refund").GetAttributeAsync("data-status"));
        Assert.Contains("Sudah dikembalikan ke kartu Anda", await page.Locator(".order-refund").TextContentAsync());
        Assert.Contains(fixture.Stripe.Refunds, r => r.PaymentIntent == $"pi_journey_{order.Id}");
        await AssertFitsAndPassesAxeAsync(page, "journey-late-card-refunded");
    }

    [Fact]
    public async Task A_guest_pays_by_QRIS_on_a_phone_and_the_order_page_turns_paid_by_itself()
    {
        var (listing, _) = await ListingsAsync(("pembuat5", 0), ("pembuat5", 1));
        var page = await fixture.NewPageAsync();
        var token = await GuestCheckoutAsync(page, [listing], "qris.tamu@contoh.test", "QRIS");
        var transaction = fixture.Midtrans.For((await OrderAsync(token)).Number);
        var qr = page.Locator("img.payment-qr");
        await qr.WaitForAsync();
        Assert.Equal(transaction.QrString, QrReader.Read(await qr.ScreenshotAsync())); // read off the screen as another phone's camera would
        await AssertFitsAndPassesAxeAsync(page, "journey-qris-waiting");

        await PaidAtMidtransAsync(page, transaction.OrderId);
        Assert.Equal(0, await page.Locator("img.payment-qr").CountAsync());
        await AssertFitsAndPassesAxeAsync(page, "journey-qris-paid");
    }

    [Fact]
    public async Task A_guest_pays_into_a_BRI_virtual_account_and_the_order_page_turns_paid_by_itself()
    {
        var (listing, _) = await ListingsAsync(("pembuat6", 0), ("pembuat6", 1));
        var page = await fixture.NewPageAsync();
        var token = await GuestCheckoutAsync(page, [listing], "va.tamu@contoh.test", "BRIVA");
        var transaction = fixture.Midtrans.For((await OrderAsync(token)).Number);
        Assert.Equal(transaction.VaNumber, (await page.Locator("#pay-code").TextContentAsync())?.Trim());
        Assert.True(await page.GetByRole(AriaRole.Button, new() { Name = "Salin nomor" }).IsVisibleAsync()); // shown where the phone can copy
        Assert.True(await page.Locator(".payment-steps li").CountAsync() >= 2);
        await AssertFitsAndPassesAxeAsync(page, "journey-va-waiting");

        await PaidAtMidtransAsync(page, transaction.OrderId);
        Assert.Equal(0, await page.Locator("#pay-code").CountAsync());
        await AssertFitsAndPassesAxeAsync(page, "journey-va-paid");
    }

    /// <summary>The buyer pays at Midtrans and Midtrans notifies the shop; the open page turns paid by its own poll, never reloaded.</summary>
    async Task PaidAtMidtransAsync(IPage page, string reference)
    {
        var url = page.Url;
        await page.EvaluateAsync("window.journeyMark = 'not reloaded'");
        fixture.Midtrans.Pay(reference);
        using var client = fixture.Shop.CreateClient();
        Assert.True((await FakeMidtrans.DeliverAsync(client, fixture.Midtrans.Notification(reference))).IsSuccessStatusCode);
        await page.Locator("#order-status[data-status='Paid']").WaitForAsync(new() { Timeout = 20_000 });
        Assert.Equal(url, page.Url);
        Assert.Equal("not reloaded", await page.EvaluateAsync<string>("window.journeyMark"));
    }

    [Fact]
    public async Task A_cash_order_across_two_groups_is_collected_and_paid_part_by_part()
    {
        var (first, second) = await ListingsAsync(("pembuat", 1), ("pembuat3", 2));
        var page = await fixture.NewPageAsync();
        var token = await GuestCheckoutAsync(page, [first, second], "tunai.tamu@contoh.test", "Tunai saat diambil");
        var order = await OrderAsync(token);
        Assert.Equal(2, await page.Locator(".part-payment").CountAsync());

        foreach (var (mentorLogin, listing) in new[] { ("pendamping", first), ("pendamping3", second) })
        {
            var mentor = await StaffAsync(mentorLogin);
            await mentor.GotoAsync("/admin/pembayaran");
            var rows = mentor.Locator($"tr[data-order='{order.Number}']");
            Assert.Equal(1, await rows.CountAsync()); // each group confirms only its own part
            await AssertFitsAndPassesAxeAsync(mentor, $"journey-cash-{mentorLogin}");
            await rows.GetByRole(AriaRole.Button, new() { Name = "Uang tunai diterima" }).ClickAsync();
            await mentor.WaitForURLAsync("**/admin/pembayaran");
            await page.ReloadAsync();
            Assert.Contains("Dibayar tunai", await page.Locator($".order-part[data-part='{order.Fulfilments.Single(f => f.MakerId == listing.MakerId).Id}']").TextContentAsync());
        }
        Assert.Equal("Completed", await page.Locator("#order-status").GetAttributeAsync("data-status"));
        await AssertFitsAndPassesAxeAsync(page, "journey-cash-completed");
    }

    async Task<string> GuestCheckoutAsync(IPage page, IEnumerable<Listing> listings, string email, string method, bool waitForOrderPage = true)
    {
        foreach (var listing in listings) await AddToCartAsync(page, listing);
        await page.GotoAsync("/checkout");
        await page.GetByLabel("Nama", new() { Exact = true }).FillAsync("Dewi Tamu");
        await page.GetByLabel("Nomor HP").FillAsync("0812 1111 2222");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Alamat lengkap").FillAsync("Jl. Kenanga No. 5, Purwokerto");
        await page.GetByLabel(method).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Pesan sekarang" }).ClickAsync();
        if (waitForOrderPage) await page.WaitForURLAsync("**/pesanan/*");
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            await using var db = fixture.Shop.OpenDb();
            var token = await db.Orders.Where(o => o.BuyerEmail == email).OrderByDescending(o => o.Id).Select(o => o.PublicToken).FirstOrDefaultAsync();
            if (token is not null) return token;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"No order for {email}");
            await Task.Delay(100);
        }
    }

    static async Task AddToCartAsync(IPage page, Listing listing)
    {
        await page.GotoAsync($"/keranjang/tambah/{listing.Id}");
        await page.GetByLabel("Jumlah").FillAsync("1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Masukkan ke keranjang" }).ClickAsync();
        await page.WaitForURLAsync("**/keranjang");
    }

    async Task<IPage> StaffAsync(string login)
    {
        var page = await fixture.NewPageAsync();
        await SignInAsync(page, login);
        return page;
    }

    internal static async Task SignInAsync(IPage page, string login)
    {
        await page.GotoAsync("/masuk");
        await page.GetByLabel("Nama pengguna atau email").FillAsync(login);
        await page.GetByLabel("Kata sandi").FillAsync("PasKreatif-2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Masuk" }).ClickAsync();
        await page.WaitForURLAsync(u => !u.Contains("/masuk"));
    }

    /// <summary>Waits (polling, generous deadline) until an element shows the text.</summary>
    static async Task Expect(ILocator locator, string text)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while ((await locator.TextContentAsync())?.Trim() != text)
        {
            if (DateTime.UtcNow > deadline) Assert.Equal(text, (await locator.TextContentAsync())?.Trim());
            await Task.Delay(100);
        }
    }

    internal static async Task AssertFitsAndPassesAxeAsync(IPage page, string name)
    {
        var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"{name}: the page is {overflow}px wider than the screen.");
        var axe = await page.RunAxe();
        var serious = axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help} {string.Join(" | ", v.Nodes.Select(n => n.Html))}").ToList();
        Assert.True(serious.Count == 0, name + ":\n" + string.Join("\n", serious));
        await BrowserFixture.ScreenshotAsync(page, name);
    }

    async Task<Order> OrderAsync(string token)
    {
        await using var db = fixture.Shop.OpenDb();
        return await db.Orders.AsNoTracking().Include(o => o.Fulfilments).Include(o => o.Lines).SingleAsync(o => o.PublicToken == token);
    }

    /// <summary>One listing each of two makers (or two of one), in stock, ready the next day, picked up or delivered locally.</summary>
    async Task<(Listing First, Listing Second)> ListingsAsync((string Maker, int Skip) a, (string Maker, int Skip) b)
    {
        await using var db = fixture.Shop.OpenDb();
        var ids = new List<int>();
        foreach (var (maker, skip) in new[] { a, b })
            ids.Add(await db.Listings.Where(l => l.Status == ListingStatus.Approved && l.Maker!.Person!.UserName == maker).OrderBy(l => l.Id).Skip(skip).Select(l => l.Id).FirstAsync());
        await db.Listings.Where(l => ids.Contains(l.Id)).ExecuteUpdateAsync(s => s
            .SetProperty(l => l.Stock, 5).SetProperty(l => l.MadeToOrder, false).SetProperty(l => l.LeadTimeDays, 1)
            .SetProperty(l => l.Delivery, DeliveryOptions.Pickup | DeliveryOptions.LocalDelivery));
        var listings = await db.Listings.AsNoTracking().Where(l => ids.Contains(l.Id)).ToListAsync();
        return (listings.Single(l => l.Id == ids[0]), listings.Single(l => l.Id == ids[1]));
    }
}
