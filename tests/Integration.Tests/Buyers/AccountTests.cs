using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using PasKreatif.Integration.Tests.BackOffice;
using PasKreatif.Integration.Tests.Checkout;
using PasKreatif.Integration.Tests.Fixtures;
using PasKreatif.Mail;
using PasKreatif.Orders;
using PasKreatif.People;

namespace PasKreatif.Integration.Tests.Buyers;

public class AccountTests(CheckoutShopFactory factory) : IClassFixture<CheckoutShopFactory>
{
    static Dictionary<string, string> SignUp(string email, string? phone = null) => new()
    {
        ["Name"] = "Rina Pembeli", ["Email"] = email, ["Phone"] = phone ?? "", ["Password"] = "rahasia-rina-2026",
    };

    List<OutgoingMail> MailsTo(string address) => BackOfficeData.QueuedMails(factory).Where(m => m.To == address).ToList();

    static string ConfirmLink(OutgoingMail mail) =>
        new Uri(Regex.Match(mail.TextBody, @"https?://\S+/konfirmasi-email\?\S+").Value).PathAndQuery;

    [Fact]
    public async Task A_buyer_signs_up_confirms_by_the_mailed_link_and_finds_the_orders_made_as_a_guest()
    {
        var listing = await Shopping.ListingAsync(factory, "pembuat2", stock: 5);
        using (var guest = ShopClient.For(factory))
        {
            await Shopping.AddAsync(guest, listing.Id);
            Shopping.Token(await Shopping.CheckoutAsync(guest, "BankTransfer", "Rina.Tamu@Contoh.test"));
        }
        using var browser = ShopClient.For(factory);
        var made = await browser.SubmitAsync("/daftar", SignUp("rina.tamu@contoh.test", "0813-2222-3333"));
        Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
        Assert.Contains("Kami mengirim tautan konfirmasi", await browser.Http.GetStringAsync(made.Headers.Location!.OriginalString));
        var mail = Assert.Single(MailsTo("rina.tamu@contoh.test"));
        Assert.Contains("Rina Pembeli", mail.TextBody);

        // The password is right, but the account waits for its link.
        var early = await browser.SignInAsync("rina.tamu@contoh.test", "rahasia-rina-2026");
        Assert.Equal(HttpStatusCode.OK, early.StatusCode);
        Assert.Contains("belum dikonfirmasi", await early.Content.ReadAsStringAsync());

        var link = ConfirmLink(mail);
        var confirmed = await browser.Http.GetAsync(link);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal("/akun", confirmed.Headers.Location!.OriginalString);
        Assert.Contains("sudah dikonfirmasi", await browser.Http.GetStringAsync("/akun"));
        var history = await browser.GetDocumentAsync("/pesanan");
        Assert.Single(history.QuerySelectorAll(".order-row"));

        // Used once: the same link neither confirms again nor signs anyone in.
        using var stranger = ShopClient.For(factory);
        var reused = await stranger.Http.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, reused.StatusCode);
        Assert.Contains("sudah pernah dipakai", await reused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await stranger.Http.GetAsync("/akun")).StatusCode);

        // Signing in by phone number, in any of its usual shapes.
        using var phone = ShopClient.For(factory);
        Assert.Equal(HttpStatusCode.Redirect, (await phone.SignInAsync("+62 813 2222 3333", "rahasia-rina-2026")).StatusCode);
        Assert.Contains("Rina Pembeli", await phone.Http.GetStringAsync("/akun"));
    }

    [Fact]
    public async Task Sign_up_refuses_what_is_wrong_in_the_visitors_language_and_keeps_what_was_typed()
    {
        using var first = ShopClient.For(factory);
        Assert.Equal(HttpStatusCode.Redirect, (await first.SubmitAsync("/daftar", SignUp("dua.kali@contoh.test", "0814 1111 2222"))).StatusCode);
        foreach (var (fields, expected) in new (Dictionary<string, string>, string)[]
        {
            (SignUp("dua.kali@contoh.test"), "sudah dipakai sebuah akun"),
            (SignUp("lain@contoh.test", "0814 1111 2222"), "sudah dipakai akun lain"),
            (SignUp("bukan-email"), "Alamat email belum benar"),
            (SignUp("hp@contoh.test", "12"), "Nomor HP belum benar"),
            (new Dictionary<string, string>(SignUp("pendek@contoh.test")) { ["Password"] = "pendek" }, "paling sedikit 8"),
            (new Dictionary<string, string>(SignUp("panjang@contoh.test")) { ["Password"] = new string('k', PasswordRule.MaxLength + 1) }, "paling banyak 200"),
            (new Dictionary<string, string>(SignUp("nama@contoh.test")) { ["Name"] = "" }, "Tulis nama Anda"),
        })
        {
            using var visitor = ShopClient.For(factory);
            var refused = await visitor.SubmitAsync("/daftar", fields);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
            Assert.Contains(expected, html);
            if (fields["Email"].Length > 0) Assert.Contains($"value=\"{fields["Email"]}\"", html);
        }
        using var english = ShopClient.For(factory);
        english.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var en = await english.SubmitAsync("/daftar", SignUp("dua.kali@contoh.test"));
        Assert.Contains("already has an account", WebUtility.HtmlDecode(await en.Content.ReadAsStringAsync()));
        Assert.Equal(1, await factory.OpenDb().Users.CountAsync(u => u.Email == "dua.kali@contoh.test"));

        var wrong = await english.Http.GetAsync("/konfirmasi-email?orang=" + Guid.NewGuid() + "&token=palsu");
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("This link is wrong", await wrong.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_profile_keeps_name_phone_and_addresses_and_checkout_is_filled_from_them()
    {
        using var buyer = ShopClient.For(factory);
        await buyer.SignInAsync("pembeli2");
        Assert.Equal(HttpStatusCode.Redirect, (await buyer.SubmitAsync("/akun", new Dictionary<string, string> { ["Name"] = "Bu Wati", ["Phone"] = "0815 7777 8888" }, "form[action$='handler=Profile']")).StatusCode);
        foreach (var (label, text) in new[] { ("Rumah", "Jl. Kenari No. 3, Wonosari"), ("Kantor", "Jl. Pemuda No. 10, Wonosari") })
            Assert.Equal(HttpStatusCode.Redirect, (await buyer.SubmitAsync("/akun", new Dictionary<string, string> { ["Label"] = label, ["AddressText"] = text }, "form[action$='handler=Address']")).StatusCode);
        var tooShort = await buyer.SubmitAsync("/akun", new Dictionary<string, string> { ["Label"] = "Pos", ["AddressText"] = "pendek" }, "form[action$='handler=Address']");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooShort.StatusCode);
        Assert.Contains("paling sedikit 10 huruf", await tooShort.Content.ReadAsStringAsync());

        await Shopping.AddAsync(buyer, (await Shopping.ListingAsync(factory, "pembuat3", stock: 5)).Id);
        var checkout = await buyer.GetDocumentAsync("/checkout");
        Assert.Equal("Bu Wati", checkout.QuerySelector("#Name")!.GetAttribute("value"));
        Assert.Equal("6281577778888", checkout.QuerySelector("#Phone")!.GetAttribute("value"));
        Assert.Equal("Jl. Pemuda No. 10, Wonosari", checkout.QuerySelector("#Address")!.TextContent.Trim()); // the newest first
        var home = checkout.QuerySelectorAll(".saved-address-choice a").Single(a => a.TextContent == "Rumah").GetAttribute("href")!;
        Assert.Equal("Jl. Kenari No. 3, Wonosari", (await buyer.GetDocumentAsync(home)).QuerySelector("#Address")!.TextContent.Trim());

        // Another buyer cannot remove these.
        int id;
        await using (var db = factory.OpenDb()) id = await db.BuyerAddresses.Where(a => a.Label == "Rumah").Select(a => a.Id).FirstAsync();
        using var other = ShopClient.For(factory);
        await other.SignInAsync("pembeli3");
        var forged = await other.PostWithTokenAsync("/akun?handler=RemoveAddress", new Dictionary<string, string> { ["addressId"] = id.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, forged.StatusCode);
        await using (var db = factory.OpenDb()) Assert.True(await db.BuyerAddresses.AnyAsync(a => a.Id == id));
        var removed = await buyer.PostWithTokenAsync("/akun?handler=RemoveAddress", new Dictionary<string, string> { ["addressId"] = id.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        await using (var db = factory.OpenDb()) Assert.False(await db.BuyerAddresses.AnyAsync(a => a.Id == id));
    }

    [Fact]
    public async Task The_order_history_pages_ten_at_a_time_newest_first()
    {
        Guid person;
        await using (var db = factory.OpenDb())
        {
            person = await db.Users.Where(u => u.UserName == "pembeli4").Select(u => u.Id).SingleAsync();
            var ids = await db.Orders.OrderBy(o => o.Id).Take(23).Select(o => o.Id).ToListAsync();
            Assert.Equal(23, ids.Count);
            await db.Orders.Where(o => o.BuyerId == person).ExecuteUpdateAsync(s => s.SetProperty(o => o.BuyerId, (Guid?)null));
            await db.Orders.Where(o => ids.Contains(o.Id)).ExecuteUpdateAsync(s => s.SetProperty(o => o.BuyerId, person));
        }
        using var buyer = ShopClient.For(factory);
        await buyer.SignInAsync("pembeli4");
        var seen = new List<string>();
        for (var page = 1; page <= 3; page++)
        {
            var doc = await buyer.GetDocumentAsync($"/pesanan?halaman={page}");
            seen.AddRange(doc.QuerySelectorAll(".order-row a").Select(a => a.TextContent));
            Assert.Contains($"Halaman {page} dari 3", doc.QuerySelector(".history-pages")!.TextContent);
        }
        Assert.Equal(23, seen.Distinct().Count());
        await using var check = factory.OpenDb();
        var newest = await check.Orders.Where(o => o.BuyerId == person).OrderByDescending(o => o.PlacedAt).ThenByDescending(o => o.Id).Select(o => o.Number).FirstAsync();
        Assert.Equal(newest, seen[0]);
        Assert.Equal(3, (await buyer.GetDocumentAsync("/pesanan?halaman=99")).QuerySelectorAll(".order-row").Length);
    }

    [Fact]
    public async Task Deleting_the_account_removes_personal_data_keeps_the_orders_and_waits_for_open_ones()
    {
        using var browser = ShopClient.For(factory);
        await browser.SubmitAsync("/daftar", SignUp("hapus.saya@contoh.test", "0816 3333 4444"));
        await browser.Http.GetAsync(ConfirmLink(Assert.Single(MailsTo("hapus.saya@contoh.test"))));
        await browser.SubmitAsync("/akun", new Dictionary<string, string> { ["Label"] = "Rumah", ["AddressText"] = "Jl. Hapus No. 9, Bangli" }, "form[action$='handler=Address']");
        await Shopping.AddAsync(browser, (await Shopping.ListingAsync(factory, "pembuat4", stock: 5)).Id);
        var token = Shopping.Token(await Shopping.CheckoutAsync(browser, "BankTransfer", "hapus.saya@contoh.test"));

        var wrong = await browser.SubmitAsync("/akun/hapus", new Dictionary<string, string> { ["Password"] = "salah-sekali" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrong.StatusCode);
        var open = await browser.SubmitAsync("/akun/hapus", new Dictionary<string, string> { ["Password"] = "rahasia-rina-2026" });
        Assert.Contains("Masih ada pesanan yang berjalan", await open.Content.ReadAsStringAsync());

        await using (var db = factory.OpenDb())
            await db.Orders.Where(o => o.PublicToken == token).ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, OrderStatus.Cancelled));
        var deleted = await browser.SubmitAsync("/akun/hapus", new Dictionary<string, string> { ["Password"] = "rahasia-rina-2026" });
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.Contains("Akun Anda sudah dihapus", await deleted.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await browser.Http.GetAsync("/akun")).StatusCode);

        await using var check = factory.OpenDb();
        Assert.False(await check.Users.AnyAsync(u => u.Email == "hapus.saya@contoh.test" || u.PhoneNumber == "6281633334444"));
        Assert.Equal("", (await check.Users.SingleAsync(u => u.Id == check.Set<Order>().Where(o => o.PublicToken == token).Select(o => o.BuyerId).First())).DisplayName);
        var order = await check.Orders.SingleAsync(o => o.PublicToken == token);
        Assert.Equal(("", "", ""), (order.BuyerEmail, order.BuyerPhone, order.Address));
        Assert.NotEqual(Money.Zero, order.Total);
        Assert.False(await check.BuyerAddresses.AnyAsync(a => a.Text.Contains("Jl. Hapus")));
        using var again = ShopClient.For(factory);
        Assert.Equal(HttpStatusCode.OK, (await again.SignInAsync("hapus.saya@contoh.test", "rahasia-rina-2026")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await again.SignInAsync("0816 3333 4444", "rahasia-rina-2026")).StatusCode);
    }
}
