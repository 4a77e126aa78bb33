using AngleSharp.Dom;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PasKreatif.Integration.Tests.BackOffice;
using PasKreatif.Integration.Tests.Checkout;
using PasKreatif.Integration.Tests.Fixtures;
using PasKreatif.Ledger;
using PasKreatif.Orders;
using PasKreatif.Organisation;
using PasKreatif.Payments;
using static PasKreatif.Integration.Tests.OrderFlows.OrderSteps;

namespace PasKreatif.Integration.Tests.OrderFlows;

/// <summary>Refunds are real: asked for, carried out, counted only when the money moved, and exactly as large as what is paid back.</summary>
public class RefundTests(CheckoutShopFactory factory) : IClassFixture<CheckoutShopFactory>
{
    Task<OrderChange> PayAsync(Order order, string reference) =>
        factory.WithScopeAsync(s => s.GetRequiredService<OrderLifecycle>().MarkPaidAsync(order.Id, reference, null));

    [Fact]
    public async Task Cancelling_a_paid_transfer_asks_first_waits_for_an_account_and_is_refunded_only_once_an_officer_sent_it()
    {
        var order = await PlaceAsync(factory, "BankTransfer", "batal-transfer@contoh.test", [("pembuat9", 0, 2)]);
        var maker = await MakerIdAsync(factory, "pembuat9");
        var before = await NetAsync(factory, maker);
        Assert.Equal(OrderChange.Done, await PayAsync(order, "TRF-R1"));
        using var buyer = ShopClient.For(factory);

        // The order page offers a link, not a one-click form; the confirmation page changes nothing by itself.
        var page = await buyer.GetDocumentAsync($"/pesanan/{order.PublicToken}");
        Assert.Empty(page.QuerySelectorAll("form[action*='Cancel']"));
        Assert.NotNull(page.QuerySelector($"a[href='/pesanan/{order.PublicToken}/batal']"));
        var confirm = await buyer.GetDocumentAsync($"/pesanan/{order.PublicToken}/batal");
        Assert.Contains(order.Total.ToString(), confirm.QuerySelector("#cancel-refund")!.TextContent);
        Assert.Equal(OrderStatus.Paid, (await Shopping.OrderAsync(factory, order.PublicToken)).Status);

        Assert.Equal(HttpStatusCode.Redirect, (await Shopping.CancelAsync(buyer, order.PublicToken)).StatusCode);
        var cancelled = await Shopping.OrderAsync(factory, order.PublicToken);
        Assert.Equal((OrderStatus.Cancelled, PaymentStatus.Succeeded), (cancelled.Status, cancelled.Payments.Single().Status)); // not "refunded": nothing went back yet
        Assert.Equal(before, await NetAsync(factory, maker));
        await using (var db = factory.OpenDb())
        {
            var refund = await db.Refunds.SingleAsync(r => r.OrderId == order.Id);
            Assert.Equal((RefundStatus.AwaitingAccount, RefundRoute.BankTransfer, order.Total), (refund.Status, refund.Route, refund.Amount));
        }
        var mails = BackOfficeData.QueuedMails(factory).Where(m => m.To == "batal-transfer@contoh.test").ToList();
        Assert.Contains(mails, m => m.Subject == $"Pesanan {order.Number} dibatalkan" && m.TextBody.Contains("nomor rekening"));
        Assert.DoesNotContain(mails, m => m.Subject.Contains("sudah dikembalikan"));

        // The buyer gives an account; a wrong one is refused with its reason and keeps what was typed.
        page = await buyer.GetDocumentAsync($"/pesanan/{order.PublicToken}");
        var account = Form(page, "form.refund-account");
        var wrong = await buyer.PostFormAsync(account, $"/pesanan/{order.PublicToken}", new Dictionary<string, string>
            { ["Bank"] = "BRI", ["AccountNumber"] = "12ab", ["AccountHolder"] = "Dewi Lestari" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrong.StatusCode);
        var wrongHtml = await wrong.Content.ReadAsStringAsync();
        Assert.Contains("5 sampai 30 angka", wrongHtml);
        Assert.Contains("value=\"Dewi Lestari\"", wrongHtml);
        Assert.Equal(HttpStatusCode.Redirect, (await buyer.PostFormAsync(account, $"/pesanan/{order.PublicToken}", new Dictionary<string, string>
            { ["Bank"] = "BRI", ["AccountNumber"] = "0123 0100 0456 507", ["AccountHolder"] = "Dewi Lestari" })).StatusCode);

        // Only an officer of an office with a part records it sent, with the transfer's reference.
        using var mentor = await SignedInAsync(factory, "pendamping3");
        int refundId;
        await using (var db = factory.OpenDb()) refundId = await db.Refunds.Where(r => r.OrderId == order.Id).Select(r => r.Id).SingleAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await mentor.PostWithTokenAsync("/admin/pengembalian?handler=Sent",
            new Dictionary<string, string> { ["refundId"] = refundId.ToString(), ["reference"] = "X" })).StatusCode);
        using var officer = await SignedInAsync(factory, "petugas");
        var queue = await officer.GetDocumentAsync("/admin/pengembalian");
        var row = queue.QuerySelector($"tr[data-refund='{refundId}']")!;
        Assert.Contains("012301000456507", row.TextContent);
        var sent = Form(queue, $"tr[data-refund='{refundId}'] form");
        await officer.PostFormAsync(sent, "/admin/pengembalian", new Dictionary<string, string> { ["reference"] = "" });
        Assert.Contains("Tulis referensi", await officer.Http.GetStringAsync("/admin/pengembalian"));
        Assert.Equal(OrderStatus.Cancelled, (await Shopping.OrderAsync(factory, order.PublicToken)).Status);
        await officer.PostFormAsync(sent, "/admin/pengembalian", new Dictionary<string, string> { ["reference"] = "TRF-BACK-1" });

        var refunded = await Shopping.OrderAsync(factory, order.PublicToken);
        Assert.Equal((OrderStatus.Refunded, PaymentStatus.Refunded, order.Total), (refunded.Status, refunded.Payments.Single().Status, refunded.Payments.Single().Refunded));
        var back = BackOfficeData.QueuedMails(factory).Single(m => m.To == "batal-transfer@contoh.test" && m.Subject == $"Dana pesanan {order.Number} sudah dikembalikan");
        Assert.Contains("BRI 012301000456507 a.n. Dewi Lestari", back.TextBody);
        Assert.Contains("TRF-BACK-1", back.TextBody);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.PostWithTokenAsync("/admin/pengembalian?handler=Sent",
            new Dictionary<string, string> { ["refundId"] = "999999", ["reference"] = "X" })).StatusCode);
    }

    [Fact]
    public async Task Partial_refunds_chosen_by_line_and_quantity_reverse_exactly_those_credits_add_up_and_never_exceed_what_was_paid()
    {
        var order = await PlaceAsync(factory, "BankTransfer", "sebagian@contoh.test", [("pembuat10", 0, 3), ("pembuat10", 1, 1)]);
        var maker = await MakerIdAsync(factory, "pembuat10");
        var group = order.Fulfilments.Single().GroupId;
        await using (var db = factory.OpenDb()) await db.Groups.Where(g => g.Id == group).ExecuteUpdateAsync(s => s.SetProperty(g => g.FeePercent, 33.3m));
        try
        {
            Assert.Equal(OrderChange.Done, await PayAsync(order, "TRF-PART"));
            var line = order.Lines.Single(l => l.Quantity == 3);
            Money credit;
            await using (var db = factory.OpenDb())
                credit = await db.LedgerEntries.Where(e => e.Kind == LedgerEntryKind.Credit && e.OrderLineId == line.Id).Select(e => e.Amount).SingleAsync();
            Assert.Equal(line.LineTotal.LessPercent(33.3m), credit);
            var afterPayment = await NetAsync(factory, maker);

            using var officer = await SignedInAsync(factory, "petugas");
            var preview = await StaffActAsync(officer, order.Id, "PreviewRefund", new Dictionary<string, string> { [$"Units[{line.Id}]"] = "1" });
            var previewHtml = await preview.Content.ReadAsStringAsync();
            Assert.Contains(line.UnitPrice.ToString(), previewHtml);
            await using (var db = factory.OpenDb()) Assert.False(await db.Refunds.AnyAsync(r => r.OrderId == order.Id)); // a preview makes nothing
            Assert.Equal(HttpStatusCode.Redirect, (await officer.PostFormAsync(Form(Parse(previewHtml), "#confirm-refund form"), $"/admin/pesanan/{order.Id}",
                new Dictionary<string, string> { ["Note"] = "Satu rusak" })).StatusCode);
            Assert.Equal(afterPayment - credit.ShareOf(1, 3), await NetAsync(factory, maker));

            preview = await StaffActAsync(officer, order.Id, "PreviewRefund", new Dictionary<string, string> { [$"Units[{line.Id}]"] = "2" });
            await officer.PostFormAsync(Form(Parse(await preview.Content.ReadAsStringAsync()), "#confirm-refund form"), $"/admin/pesanan/{order.Id}", new Dictionary<string, string>());
            Assert.Equal(afterPayment - credit, await NetAsync(factory, maker)); // two steps add up to the whole credit

            var tooMany = await StaffActAsync(officer, order.Id, "PreviewRefund", new Dictionary<string, string> { [$"Units[{line.Id}]"] = "1" });
            Assert.Contains("Lebih banyak dari yang dibeli", await tooMany.Content.ReadAsStringAsync());
            var forged = await officer.PostWithTokenAsync($"/admin/pesanan/{order.Id}?handler=Refund", new Dictionary<string, string> { [$"Units[{line.Id}]"] = "1" });
            Assert.Equal(HttpStatusCode.Redirect, forged.StatusCode);
            await using var check = factory.OpenDb();
            var refunds = await check.Refunds.Include(r => r.Lines).Where(r => r.OrderId == order.Id).ToListAsync();
            Assert.Equal(2, refunds.Count);
            Assert.Equal(3, refunds.SelectMany(r => r.Lines).Where(l => l.OrderLineId == line.Id).Sum(l => l.Quantity));
            Assert.Equal(line.LineTotal, Money.Sum(refunds.Select(r => r.Amount)));
            Assert.Equal(credit, new Money(await check.LedgerEntries.Where(e => e.Kind == LedgerEntryKind.Reversal && e.OrderLineId == line.Id).SumAsync(e => e.Amount.Amount)));
            Assert.Equal(OrderStatus.Paid, (await Shopping.OrderAsync(factory, order.PublicToken)).Status); // the other line goes on

            using var makerClient = await SignedInAsync(factory, "pembuat10");
            Assert.Contains("3 dikembalikan ke pembeli", await makerClient.Http.GetStringAsync($"/toko-saya/pesanan/{order.Fulfilments.Single().Id}"));
        }
        finally
        {
            await using var db = factory.OpenDb();
            await db.Groups.Where(g => g.Id == group).ExecuteUpdateAsync(s => s.SetProperty(g => g.FeePercent, 0m));
        }
    }

    [Fact]
    public async Task Cancelling_a_part_that_cannot_be_delivered_asks_first_refunds_its_lines_and_delivery_and_the_rest_goes_on()
    {
        var order = await PlaceAsync(factory, "BankTransfer", "satu-batal@contoh.test", [("pembuat", 1, 1), ("pembuat3", 3, 2)],
            new Dictionary<string, string> { ["Deliveries[1].Method"] = "LocalDelivery" });
        Assert.Equal(OrderChange.Done, await PayAsync(order, "TRF-CANCEL-PART"));
        var gone = order.Fulfilments.Single(f => f.Delivery == DeliveryMethod.LocalDelivery);
        var kept = order.Fulfilments.Single(f => f.Delivery == DeliveryMethod.Pickup);
        var goneLine = order.Lines.Single(l => l.FulfilmentId == gone.Id);
        var goneTotal = goneLine.LineTotal + gone.DeliveryCost;
        var stockBefore = await Shopping.StockAsync(factory, goneLine.ListingId);
        using var officer = await SignedInAsync(factory, "petugas");

        var ask = await officer.PostWithTokenAsync($"/admin/pesanan/{order.Id}?handler=CancelPart", new Dictionary<string, string> { ["fulfilmentId"] = gone.Id.ToString() });
        var askHtml = await ask.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, ask.StatusCode);
        Assert.Contains(goneTotal.ToString(), Parse(askHtml).QuerySelector("#confirm-cancel")!.TextContent);
        Assert.Equal(FulfilmentStatus.New, (await Shopping.OrderAsync(factory, order.PublicToken)).Fulfilments.Single(f => f.Id == gone.Id).Status);
        await officer.PostFormAsync(Form(Parse(askHtml), "#confirm-cancel form"), $"/admin/pesanan/{order.Id}", new Dictionary<string, string> { ["Note"] = "Bahan habis" });

        var after = await Shopping.OrderAsync(factory, order.PublicToken);
        Assert.Equal((OrderStatus.Paid, FulfilmentStatus.Cancelled), (after.Status, after.Fulfilments.Single(f => f.Id == gone.Id).Status));
        Assert.Equal(stockBefore + 2, await Shopping.StockAsync(factory, goneLine.ListingId));
        await using (var db = factory.OpenDb())
        {
            var refund = await db.Refunds.Include(r => r.Lines).SingleAsync(r => r.OrderId == order.Id);
            Assert.Equal(goneTotal, refund.Amount);
            Assert.Contains(refund.Lines, l => l.OrderLineId == null && l.Amount == gone.DeliveryCost);
        }
        Assert.Contains(BackOfficeData.QueuedMails(factory), m => m.To == "satu-batal@contoh.test" && m.Subject == $"Sebagian pesanan {order.Number} dibatalkan");

        using var maker = await SignedInAsync(factory, "pembuat");
        await MakerStepAsync(maker, kept.Id, "ReadyForPickup");
        await MakerStepAsync(maker, kept.Id, "Collected");
        Assert.Equal(OrderStatus.Completed, (await Shopping.OrderAsync(factory, order.PublicToken)).Status);
    }

    [Fact]
    public async Task A_refund_larger_than_the_balance_is_an_amount_owed_shown_to_maker_and_mentor_and_taken_from_the_next_payout()
    {
        var maker = await MakerIdAsync(factory, "pembuat4");
        var order = await PlaceAsync(factory, "BankTransfer", "utang@contoh.test", [("pembuat4", 1, 1)]);
        Assert.Equal(OrderChange.Done, await PayAsync(order, "TRF-OWED"));
        Guid mentorId;
        await using (var db = factory.OpenDb()) mentorId = await BackOfficeData.PersonAsync(db, "pendamping");
        var all = await NetAsync(factory, maker);
        var paidOut = await factory.WithScopeAsync(s => s.GetRequiredService<RevenueLedger>().RecordPayoutAsync(maker, all, PayoutMethod.Cash, "Semua", mentorId));
        Assert.True(paidOut.Succeeded);

        using var officer = await SignedInAsync(factory, "petugas");
        var preview = await StaffActAsync(officer, order.Id, "PreviewRefund", new Dictionary<string, string> { [$"Units[{order.Lines.Single().Id}]"] = "1" });
        await officer.PostFormAsync(Form(Parse(await preview.Content.ReadAsStringAsync()), "#confirm-refund form"), $"/admin/pesanan/{order.Id}", new Dictionary<string, string>());
        var owed = order.Lines.Single().LineTotal;
        Assert.Equal(-owed, await NetAsync(factory, maker));

        using var makerClient = await SignedInAsync(factory, "pembuat4");
        var earnings = await makerClient.GetDocumentAsync("/toko-saya/pendapatan");
        Assert.Equal(Money.Zero.ToString(), earnings.QuerySelector("#balance")!.TextContent.Trim());
        Assert.Contains(owed.ToString(), earnings.QuerySelector("#owed")!.TextContent);
        using var mentor = await SignedInAsync(factory, "pendamping");
        var ledger = await mentor.GetDocumentAsync($"/admin/pembuat/{maker}/saldo");
        Assert.Equal(owed.ToString(), ledger.QuerySelector("#owed")!.TextContent.Trim());
        Assert.Equal(Money.Zero.ToString(), ledger.QuerySelector("#balance")!.TextContent.Trim());
        var refused = await mentor.SubmitAsync($"/admin/pembuat/{maker}/saldo", new Dictionary<string, string> { ["Amount"] = "1.000", ["Method"] = "Cash" }, "form[action*=Payout]");
        Assert.Contains("Jumlah melebihi saldo", await refused.Content.ReadAsStringAsync());

        // The next sale pays the debt first.
        var next = await PlaceAsync(factory, "BankTransfer", "utang-lunas@contoh.test", [("pembuat4", 2, 1)]);
        Assert.Equal(OrderChange.Done, await PayAsync(next, "TRF-OWED-2"));
        Assert.Equal(next.Subtotal - owed, await NetAsync(factory, maker));
    }

    [Fact]
    public async Task Group_fees_of_ten_percent_credit_whole_rupiah_per_line_and_a_credit_that_rounds_to_nothing_never_blocks_a_payment()
    {
        var maker = await MakerIdAsync(factory, "pembuat2");
        var order = await PlaceAsync(factory, "BankTransfer", "biaya@contoh.test", [("pembuat2", 0, 1), ("pembuat2", 1, 1)]);
        var group = order.Fulfilments.Single().GroupId;
        var (odd, tiny) = (order.Lines[0], order.Lines[1]);
        await using (var db = factory.OpenDb())
        {
            // Prices as sold, set on the order's own lines: Rp12.345 and Rp1.
            await db.OrderLines.Where(l => l.Id == odd.Id).ExecuteUpdateAsync(s => s.SetProperty(l => l.LineTotal.Amount, 12_345m));
            await db.OrderLines.Where(l => l.Id == tiny.Id).ExecuteUpdateAsync(s => s.SetProperty(l => l.LineTotal.Amount, 1m));
            await db.Groups.Where(g => g.Id == group).ExecuteUpdateAsync(s => s.SetProperty(g => g.FeePercent, 10m));
        }
        try
        {
            Assert.Equal(OrderChange.Done, await PayAsync(order, "TRF-FEE-10"));
            await using var db = factory.OpenDb();
            var credits = await db.LedgerEntries.Where(e => e.Kind == LedgerEntryKind.Credit && (e.OrderLineId == odd.Id || e.OrderLineId == tiny.Id)).ToListAsync();
            Assert.Equal(Money.Of(11_111), Assert.Single(credits, c => c.OrderLineId == odd.Id).Amount); // 11.110,5 half up
            Assert.Equal(Money.Of(1), Assert.Single(credits, c => c.OrderLineId == tiny.Id).Amount);   // 0,9

            var second = await PlaceAsync(factory, "BankTransfer", "biaya-nol@contoh.test", [("pembuat2", 2, 1)]);
            await db.OrderLines.Where(l => l.OrderId == second.Id).ExecuteUpdateAsync(s => s.SetProperty(l => l.LineTotal.Amount, 1m));
            await db.Groups.Where(g => g.Id == group).ExecuteUpdateAsync(s => s.SetProperty(g => g.FeePercent, 60m));
            Assert.Equal(OrderChange.Done, await PayAsync(second, "TRF-FEE-60")); // Rp0,4 leaves nothing to credit: paid all the same
            Assert.False(await db.LedgerEntries.AnyAsync(e => e.OrderLineId == second.Lines.Single().Id));
            Assert.Equal(OrderStatus.Paid, (await Shopping.OrderAsync(factory, second.PublicToken)).Status);
        }
        finally
        {
            await using var db = factory.OpenDb();
            await db.Groups.Where(g => g.Id == group).ExecuteUpdateAsync(s => s.SetProperty(g => g.FeePercent, 0m));
        }
    }

    static AngleSharp.Dom.IDocument Parse(string html) => new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
}
