using AngleSharp.Dom;
using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PasKreatif.Integration.Tests.BackOffice;
using PasKreatif.Integration.Tests.Checkout;
using PasKreatif.Integration.Tests.Fixtures;
using PasKreatif.Ledger;
using PasKreatif.Makers;
using PasKreatif.Orders;
using PasKreatif.Payments;
using static PasKreatif.Integration.Tests.OrderFlows.OrderSteps;

namespace PasKreatif.Integration.Tests.OrderFlows;

/// <summary>Every open order has an owner at every step, and every order reaches its end.</summary>
public class OrderOwnershipTests(CheckoutShopFactory factory) : IClassFixture<CheckoutShopFactory>
{
    [Fact]
    public async Task A_transfer_across_two_offices_is_in_both_officers_queues_and_one_confirmation_pays_it_whole()
    {
        var order = await PlaceAsync(factory, "BankTransfer", "dua-bapas@contoh.test", [("pembuat", 0, 1), ("pembuat2", 0, 2)]);
        using var first = await SignedInAsync(factory, "petugas");
        using var second = await SignedInAsync(factory, "petugas2");
        using var mentor = await SignedInAsync(factory, "pendamping");
        foreach (var officer in new[] { first, second })
        {
            Assert.Single((await officer.GetDocumentAsync("/admin/pembayaran")).QuerySelectorAll($"tr[data-order='{order.Number}']"));
            Assert.Contains((await officer.GetDocumentAsync("/admin/pesanan")).QuerySelectorAll($"tr[data-order='{order.Number}']"), r => r.GetAttribute("data-wait") == "Transfer");
        }
        var since = (await first.GetDocumentAsync("/admin/pesanan")).QuerySelectorAll("tr[data-since]").Select(r => long.Parse(r.GetAttribute("data-since")!)).ToList();
        Assert.Equal(since.Order(), since); // the longest waiting first
        // The group's mentor sees the order waiting, though a transfer is an officer's to confirm.
        Assert.NotEmpty((await mentor.GetDocumentAsync("/admin/pesanan")).QuerySelectorAll($"tr[data-order='{order.Number}']"));
        Assert.Empty((await mentor.GetDocumentAsync("/admin/pembayaran")).QuerySelectorAll($"tr[data-order='{order.Number}']"));
        Assert.Equal(HttpStatusCode.NotFound, (await mentor.PostWithTokenAsync("/admin/pembayaran?handler=Confirm", new Dictionary<string, string> { ["orderId"] = order.Id.ToString() })).StatusCode);

        var makers = new[] { await MakerIdAsync(factory, "pembuat"), await MakerIdAsync(factory, "pembuat2") };
        var before = await Task.WhenAll(makers.Select(m => NetAsync(factory, m)));
        var page = await second.GetDocumentAsync("/admin/pembayaran");
        var form = Form(page, $"tr[data-order='{order.Number}'] form");
        Assert.Equal(HttpStatusCode.Redirect, (await second.PostFormAsync(form, "/admin/pembayaran", new Dictionary<string, string> { ["reference"] = "BNI 7788" })).StatusCode);

        var paid = await Shopping.OrderAsync(factory, order.PublicToken);
        Assert.Equal(OrderStatus.Paid, paid.Status);
        Assert.All(paid.Fulfilments, f => Assert.NotNull(f.PaidAt));
        for (var i = 0; i < makers.Length; i++)
            Assert.Equal(before[i] + Money.Sum(paid.Lines.Where(l => l.MakerId == makers[i]).Select(l => l.LineTotal)), await NetAsync(factory, makers[i]));

        var detail = await first.GetDocumentAsync($"/admin/pesanan/{order.Id}");
        Assert.Empty(detail.QuerySelectorAll("form[action*='handler=ConfirmTransfer']")); // nothing left to confirm
        var late = await first.PostWithTokenAsync("/admin/pembayaran?handler=Confirm", new Dictionary<string, string> { ["orderId"] = order.Id.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, late.StatusCode);
        Assert.Contains("sudah dikonfirmasi", await first.Http.GetStringAsync("/admin/pembayaran"));
    }

    [Fact]
    public async Task A_cash_order_across_two_groups_is_seen_by_both_groups_and_paid_part_by_part_until_it_completes()
    {
        var order = await PlaceAsync(factory, "CashOnPickup", "dua-kelompok@contoh.test", [("pembuat", 1, 1), ("pembuat3", 0, 1)]);
        var partOf = order.Fulfilments.ToDictionary(f => f.MakerId, f => f.Id);
        var (a, b) = (partOf[await MakerIdAsync(factory, "pembuat")], partOf[await MakerIdAsync(factory, "pembuat3")]);
        using var mentorA = await SignedInAsync(factory, "pendamping");
        using var mentorB = await SignedInAsync(factory, "pendamping3");
        Assert.Equal([a.ToString()], (await mentorA.GetDocumentAsync("/admin/pembayaran")).QuerySelectorAll($"tr[data-order='{order.Number}']").Select(r => r.GetAttribute("data-part")));
        Assert.Equal([b.ToString()], (await mentorB.GetDocumentAsync("/admin/pembayaran")).QuerySelectorAll($"tr[data-order='{order.Number}']").Select(r => r.GetAttribute("data-part")));
        // A mentor confirms only their own group's cash.
        Assert.Equal(HttpStatusCode.NotFound, (await mentorA.PostWithTokenAsync("/admin/pembayaran?handler=ConfirmCash", new Dictionary<string, string> { ["fulfilmentId"] = b.ToString() })).StatusCode);

        var cashA = Form(await mentorA.GetDocumentAsync("/admin/pembayaran"), $"tr[data-part='{a}'] form");
        Assert.Equal(HttpStatusCode.Redirect, (await mentorA.PostFormAsync(cashA, "/admin/pembayaran", new Dictionary<string, string>())).StatusCode);
        var half = await Shopping.OrderAsync(factory, order.PublicToken);
        Assert.Equal(OrderStatus.AwaitingPayment, half.Status);
        Assert.Equal((FulfilmentStatus.Collected, true), (half.Fulfilments.Single(f => f.Id == a).Status, half.Fulfilments.Single(f => f.Id == a).IsPaid));
        Assert.Equal((FulfilmentStatus.New, false), (half.Fulfilments.Single(f => f.Id == b).Status, half.Fulfilments.Single(f => f.Id == b).IsPaid));
        await using (var db = factory.OpenDb())
            Assert.Equal(half.Lines.Where(l => l.FulfilmentId == a).Select(l => l.Id).Order(),
                await db.LedgerEntries.Where(e => e.Kind == LedgerEntryKind.Credit && half.Lines.Select(l => l.Id).Contains(e.OrderLineId!.Value)).Select(e => e.OrderLineId!.Value).OrderBy(i => i).ToListAsync());

        var cashB = Form(await mentorB.GetDocumentAsync("/admin/pembayaran"), $"tr[data-part='{b}'] form");
        Assert.Equal(HttpStatusCode.Redirect, (await mentorB.PostFormAsync(cashB, "/admin/pembayaran", new Dictionary<string, string>())).StatusCode);
        var done = await Shopping.OrderAsync(factory, order.PublicToken);
        Assert.Equal(OrderStatus.Completed, done.Status);
        Assert.Equal((PaymentStatus.Succeeded, order.Total), (done.Payments.Single().Status, done.Payments.Single().Amount));
        var mails = BackOfficeData.QueuedMails(factory).Where(m => m.To == "dua-kelompok@contoh.test").Select(m => m.Subject).ToList();
        Assert.Contains($"Pembayaran pesanan {order.Number} diterima", mails);
        Assert.Contains($"Pesanan {order.Number} selesai: bagaimana barangnya?", mails);
    }

    [Fact]
    public async Task A_prepaid_pickup_part_is_handed_over_by_its_maker_or_a_mentor_and_completion_invites_the_review()
    {
        var order = await PlaceAsync(factory, "BankTransfer", "ambil-sendiri@contoh.test", [("pembuat", 2, 1), ("pembuat3", 1, 1)]);
        var partOf = order.Fulfilments.ToDictionary(f => f.MakerId, f => f.Id);
        var (a, b) = (partOf[await MakerIdAsync(factory, "pembuat")], partOf[await MakerIdAsync(factory, "pembuat3")]);
        Assert.Equal(OrderChange.Done, await factory.WithScopeAsync(s => s.GetRequiredService<OrderLifecycle>().MarkPaidAsync(order.Id, "TRF-PICK", null)));

        using var makerA = await SignedInAsync(factory, "pembuat");
        await MakerStepAsync(makerA, a, "ReadyForPickup");
        Assert.Contains("Tandai sudah diambil pembeli", await makerA.Http.GetStringAsync($"/toko-saya/pesanan/{a}"));
        Assert.Equal(HttpStatusCode.Redirect, (await MakerStepAsync(makerA, a, "Collected")).StatusCode);

        using var makerB = await SignedInAsync(factory, "pembuat3");
        await MakerStepAsync(makerB, b, "ReadyForPickup");
        Assert.Equal(OrderStatus.Paid, (await Shopping.OrderAsync(factory, order.PublicToken)).Status); // one part still waits
        using var mentorB = await SignedInAsync(factory, "pendamping3");
        Assert.Equal(HttpStatusCode.Redirect, (await StaffActAsync(mentorB, order.Id, "Collected", within: "div.part-actions")).StatusCode);

        var done = await Shopping.OrderAsync(factory, order.PublicToken);
        Assert.Equal(OrderStatus.Completed, done.Status);
        var partB = done.Fulfilments.Single(f => f.Id == b);
        await using (var db = factory.OpenDb())
            Assert.Equal(await db.Users.Where(u => u.UserName == "pendamping3").Select(u => (Guid?)u.Id).SingleAsync(), partB.HandedOverById);
        Assert.Contains(BackOfficeData.QueuedMails(factory), m => m.To == "ambil-sendiri@contoh.test" && m.Subject.Contains("selesai") && m.TextBody.Contains($"/pesanan/{order.PublicToken}#ulasan"));
        using var buyer = ShopClient.For(factory);
        var page = await buyer.GetDocumentAsync($"/pesanan/{order.PublicToken}");
        Assert.Equal(2, page.QuerySelectorAll("#ulasan a[href]").Length);
    }

    [Fact]
    public async Task A_shipment_nobody_marks_delivered_is_delivered_after_the_set_days_and_the_order_completes()
    {
        var order = await PlaceAsync(factory, "BankTransfer", "kirim@contoh.test", [("pembuat6", 1, 1)], new Dictionary<string, string> { ["Deliveries[0].Method"] = "Shipping" });
        Assert.Equal(OrderChange.Done, await factory.WithScopeAsync(s => s.GetRequiredService<OrderLifecycle>().MarkPaidAsync(order.Id, "TRF-SHIP", null)));
        var part = order.Fulfilments.Single().Id;
        using var maker = await SignedInAsync(factory, "pembuat6");
        await MakerStepAsync(maker, part, "Shipped", new Dictionary<string, string> { ["trackingNote"] = "JNE 0099887766" });
        Assert.Equal(OrderStatus.Paid, (await Shopping.OrderAsync(factory, order.PublicToken)).Status); // shipped is not delivered

        await FollowUpsAsync(factory);
        Assert.Equal(FulfilmentStatus.Shipped, (await Shopping.OrderAsync(factory, order.PublicToken)).Fulfilments.Single().Status);
        await using (var db = factory.OpenDb())
            await db.Fulfilments.Where(f => f.Id == part).ExecuteUpdateAsync(s => s.SetProperty(f => f.ShippedAt, DateTimeOffset.UtcNow.AddDays(-15)));
        await FollowUpsAsync(factory);
        var done = await Shopping.OrderAsync(factory, order.PublicToken);
        Assert.Equal((OrderStatus.Completed, FulfilmentStatus.Delivered), (done.Status, done.Fulfilments.Single().Status));
        Assert.Null(done.Fulfilments.Single().HandedOverById); // marked by the shop, not a person
    }

    [Fact]
    public async Task Cash_orders_whose_parts_are_being_prepared_still_lapse_once_and_give_their_stock_back()
    {
        await LapseOverdueOrdersAsync(factory);
        var listing = await Shopping.ListingAsync(factory, "pembuat4", stock: 5);
        using var buyer = ShopClient.For(factory);
        await Shopping.AddAsync(buyer, listing.Id, 2);
        var order = await Shopping.OrderAsync(factory, Shopping.Token(await Shopping.CheckoutAsync(buyer, "CashOnPickup", "tidak-datang@contoh.test")));
        var part = order.Fulfilments.Single();
        Assert.NotNull(part.CollectBy);
        using var maker = await SignedInAsync(factory, "pembuat4");
        await MakerStepAsync(maker, part.Id, "Preparing");
        Assert.Equal(3, await Shopping.StockAsync(factory, listing.Id));

        await using (var db = factory.OpenDb())
            await db.Fulfilments.Where(f => f.Id == part.Id).ExecuteUpdateAsync(s => s.SetProperty(f => f.CollectBy, DateTimeOffset.UtcNow.AddMinutes(-1)));
        var first = await factory.WithScopeAsync(s => s.GetRequiredService<OrderExpiryJob>().RunAsync(CancellationToken.None));
        var second = await factory.WithScopeAsync(s => s.GetRequiredService<OrderExpiryJob>().RunAsync(CancellationToken.None));

        Assert.True(first >= 1);
        Assert.Equal(0, second); // handled once, never retried
        var lapsed = await Shopping.OrderAsync(factory, order.PublicToken);
        Assert.Equal((OrderStatus.Expired, FulfilmentStatus.Cancelled, PaymentStatus.Failed), (lapsed.Status, lapsed.Fulfilments.Single().Status, lapsed.Payments.Single().Status));
        Assert.Equal(5, await Shopping.StockAsync(factory, listing.Id));
    }

    [Fact]
    public async Task A_cash_part_not_collected_in_time_lapses_alone_and_the_collected_part_completes_the_order()
    {
        await LapseOverdueOrdersAsync(factory);
        var order = await PlaceAsync(factory, "CashOnPickup", "separuh@contoh.test", [("pembuat", 0, 1), ("pembuat3", 2, 2)], stock: 4);
        var partOf = order.Fulfilments.ToDictionary(f => f.MakerId, f => f);
        var collected = partOf[await MakerIdAsync(factory, "pembuat")];
        var forgotten = partOf[await MakerIdAsync(factory, "pembuat3")];
        using var mentor = await SignedInAsync(factory, "pendamping");
        Assert.Equal(HttpStatusCode.Redirect, (await StaffActAsync(mentor, order.Id, "ConfirmCash", within: "div.part-actions")).StatusCode);
        await using (var db = factory.OpenDb())
            await db.Fulfilments.Where(f => f.Id == forgotten.Id).ExecuteUpdateAsync(s => s.SetProperty(f => f.CollectBy, DateTimeOffset.UtcNow.AddMinutes(-1)));

        Assert.True(await factory.WithScopeAsync(s => s.GetRequiredService<OrderExpiryJob>().RunAsync(CancellationToken.None)) >= 1);

        var done = await Shopping.OrderAsync(factory, order.PublicToken);
        Assert.Equal(OrderStatus.Completed, done.Status);
        Assert.Equal(FulfilmentStatus.Cancelled, done.Fulfilments.Single(f => f.Id == forgotten.Id).Status);
        Assert.Equal(Money.Sum(done.Lines.Where(l => l.FulfilmentId == collected.Id).Select(l => l.LineTotal)), done.Payments.Single().Amount); // what was actually received
        Assert.Equal(4, await Shopping.StockAsync(factory, done.Lines.Single(l => l.FulfilmentId == forgotten.Id).ListingId));
        Assert.Contains(BackOfficeData.QueuedMails(factory), m => m.To == "separuh@contoh.test" && m.Subject == $"Sebagian pesanan {order.Number} dibatalkan");
    }

    [Fact]
    public async Task An_unpaid_transfer_tells_its_maker_it_waits_for_payment_and_what_happens_next_not_new()
    {
        var order = await PlaceAsync(factory, "BankTransfer", "belum-bayar@contoh.test", [("pembuat5", 0, 1)]);
        var part = order.Fulfilments.Single().Id;
        using var maker = await SignedInAsync(factory, "pembuat5");
        var list = await maker.GetDocumentAsync("/toko-saya/pesanan");
        var row = list.QuerySelector($"a[href='/toko-saya/pesanan/{part}']")!;
        Assert.Equal("AwaitingPayment", row.QuerySelector("[data-stage]")!.GetAttribute("data-stage"));
        Assert.Contains("Menunggu pembayaran", row.TextContent);
        Assert.DoesNotContain("Baru", row.TextContent);
        var detail = await maker.GetDocumentAsync($"/toko-saya/pesanan/{part}");
        Assert.Contains("Jangan disiapkan dulu", detail.QuerySelector("#stage-help")!.TextContent);
        Assert.Empty(detail.QuerySelectorAll("form[action*='handler=Preparing']"));

        Assert.Equal(OrderChange.Done, await factory.WithScopeAsync(s => s.GetRequiredService<OrderLifecycle>().MarkPaidAsync(order.Id, "TRF-WAIT", null)));
        var paid = await maker.GetDocumentAsync($"/toko-saya/pesanan/{part}");
        Assert.Equal("ToPrepare", paid.QuerySelector("#part-stage")!.GetAttribute("data-stage"));
        Assert.NotEmpty(paid.QuerySelectorAll("form[action*='handler=Preparing']"));
    }

    [Fact]
    public async Task One_cart_submitted_five_times_at_once_gives_one_order_and_every_submit_shows_it()
    {
        var listing = await Shopping.ListingAsync(factory, "pembuat6", stock: 20);
        using var buyer = ShopClient.For(factory);
        await Shopping.AddAsync(buyer, listing.Id, 2);
        var (form, fields) = await Shopping.FormAsync(buyer, "BankTransfer", "tekan-lima@contoh.test");

        var start = new TaskCompletionSource();
        var posts = Enumerable.Range(0, 5).Select(async _ => { await start.Task; return await buyer.PostFormAsync(form, "/checkout", fields); }).ToList();
        start.SetResult();
        var responses = await Task.WhenAll(posts);

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        await using var db = factory.OpenDb();
        var orders = await db.Orders.Where(o => o.BuyerEmail == "tekan-lima@contoh.test").ToListAsync();
        var order = Assert.Single(orders);
        Assert.All(responses, r => Assert.Equal($"/pesanan/{order.PublicToken}", r.Headers.Location!.OriginalString));
        Assert.Equal(18, await Shopping.StockAsync(factory, listing.Id));

        // Later, the back button and the same form again: still that order, nothing new.
        var again = await buyer.PostFormAsync(form, "/checkout", fields);
        Assert.Equal($"/pesanan/{order.PublicToken}", again.Headers.Location!.OriginalString);
        Assert.Contains("sudah dibuat", await buyer.Http.GetStringAsync(again.Headers.Location!.OriginalString));
        Assert.Equal(1, await db.Orders.CountAsync(o => o.BuyerEmail == "tekan-lima@contoh.test"));
    }

    [Theory]
    [InlineData("2031-12-01", "terlalu jauh")]
    [InlineData("9999-12-31", "terlalu jauh")]
    [InlineData("bukan-tanggal", "tidak bisa dibaca")]
    [InlineData("0000-00-00", "tidak bisa dibaca")]
    public async Task A_pickup_date_outside_the_window_or_unreadable_is_a_clear_message_and_nothing_is_held(string date, string message)
    {
        var listing = await Shopping.ListingAsync(factory, "pembuat7", stock: 3);
        using var buyer = ShopClient.For(factory);
        await Shopping.AddAsync(buyer, listing.Id, 1);
        var email = $"tanggal-{Guid.NewGuid():N}@contoh.test";
        var response = await Shopping.CheckoutAsync(buyer, "BankTransfer", email, new Dictionary<string, string> { ["Deliveries[0].PickupDate"] = date });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync());
        Assert.Equal(3, await Shopping.StockAsync(factory, listing.Id));
        await using var db = factory.OpenDb();
        Assert.False(await db.Orders.AnyAsync(o => o.BuyerEmail == email));
    }

    [Fact]
    public async Task The_same_transfer_reference_for_a_second_order_is_a_clear_message_not_an_error()
    {
        var first = await PlaceAsync(factory, "BankTransfer", "ref-satu@contoh.test", [("pembuat8", 0, 1)]);
        var second = await PlaceAsync(factory, "BankTransfer", "ref-dua@contoh.test", [("pembuat8", 1, 1)]);
        using var officer = await SignedInAsync(factory, "petugas2"); // the makers' office
        async Task<HttpResponseMessage> ConfirmAsync(Order order, string reference)
        {
            var form = Form(await officer.GetDocumentAsync("/admin/pembayaran"), $"tr[data-order='{order.Number}'] form");
            return await officer.PostFormAsync(form, "/admin/pembayaran", new Dictionary<string, string> { ["reference"] = reference });
        }
        Assert.Equal(HttpStatusCode.Redirect, (await ConfirmAsync(first, "BRI 000123")).StatusCode);
        var clash = await ConfirmAsync(second, " BRI 000123 ");
        Assert.Equal(HttpStatusCode.Redirect, clash.StatusCode);
        Assert.Contains("sudah dipakai untuk pesanan lain", await officer.Http.GetStringAsync("/admin/pembayaran"));
        Assert.Equal(OrderStatus.AwaitingPayment, (await Shopping.OrderAsync(factory, second.PublicToken)).Status);

        // Two officers typing one reference for two orders at the same moment: one records it, the other is told.
        var third = await PlaceAsync(factory, "BankTransfer", "ref-tiga@contoh.test", [("pembuat9", 0, 1)]);
        var results = await Task.WhenAll(new[] { second, third }.Select(o =>
            factory.WithScopeAsync(s => s.GetRequiredService<OrderLifecycle>().MarkPaidAsync(o.Id, "BRI 999", null))));
        Assert.Equal([OrderChange.Done, OrderChange.ReferenceUsed], results.Order());
    }

    [Fact]
    public async Task The_mentors_monthly_mail_names_what_waits_longer_than_two_days_and_who_must_move()
    {
        var order = await PlaceAsync(factory, "BankTransfer", "lama@contoh.test", [("pembuat10", 0, 1)]);
        Assert.Equal(OrderChange.Done, await factory.WithScopeAsync(s => s.GetRequiredService<OrderLifecycle>().MarkPaidAsync(order.Id, "TRF-LAMA", null)));
        var fresh = await PlaceAsync(factory, "BankTransfer", "baru-saja@contoh.test", [("pembuat10", 1, 1)]);
        await using (var db = factory.OpenDb())
        {
            var threeDaysAgo = DateTimeOffset.UtcNow.AddDays(-3);
            await db.Orders.Where(o => o.Id == order.Id).ExecuteUpdateAsync(s => s.SetProperty(o => o.PaidAt, threeDaysAgo).SetProperty(o => o.PlacedAt, threeDaysAgo));
            await db.Fulfilments.Where(f => f.OrderId == order.Id).ExecuteUpdateAsync(s => s.SetProperty(f => f.UpdatedAt, threeDaysAgo));
        }
        var body = await factory.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<PasKreatif.Persistence.MarketplaceDb>();
            var person = await db.Users.Where(u => u.UserName == "pendamping").Select(u => u.Id).SingleAsync();
            var scope = await PasKreatif.Organisation.StaffScope.ForAsync(db, person, [PasKreatif.People.Roles.Mentor]);
            return (await s.GetRequiredService<PasKreatif.Independence.MentorMonthlySummary>().ComposeAsync(scope, "Pendamping", "id"))!.Value.Body;
        });
        string maker;
        await using (var db = factory.OpenDb()) maker = await db.Makers.Where(m => m.Person!.UserName == "pembuat10").Select(m => m.DisplayName).SingleAsync();
        Assert.Contains("menunggu lebih dari 2 hari", body);
        Assert.Contains($"- {order.Number}: disiapkan dan diserahkan, dari pembuat {maker}", body);
        Assert.DoesNotContain(fresh.Number, body); // waiting an hour is not news
    }
}
