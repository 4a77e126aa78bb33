using System.Net;
using Microsoft.EntityFrameworkCore;
using PasKreatif.Integration.Tests.Fixtures;
using PasKreatif.Ledger;
using PasKreatif.Makers;
using PasKreatif.Persistence;

namespace PasKreatif.Integration.Tests.BackOffice;

public class RevenueTests(ShopFactory factory) : IClassFixture<ShopFactory>
{
    static async Task<decimal> BalanceAsync(MarketplaceDb db, int makerId) =>
        await db.LedgerEntries.Where(e => e.MakerId == makerId)
            .SumAsync(e => e.Kind == LedgerEntryKind.Credit || e.Kind == LedgerEntryKind.PayoutReversal ? e.Amount.Amount : -e.Amount.Amount);

    /// <summary>A maker of the mentor's group with money to pay out; each test takes a different one.</summary>
    async Task<(int MakerId, decimal Balance)> MakerWithBalanceAsync(int skip)
    {
        await using var db = factory.OpenDb();
        var groups = await BackOfficeData.MentoredGroupsAsync(db, "pendamping");
        var makers = await db.Makers.Where(m => groups.Contains(m.HomeGroupId)).OrderBy(m => m.Id).Select(m => m.Id).ToListAsync();
        var rich = new List<(int, decimal)>();
        foreach (var id in makers)
            if (await BalanceAsync(db, id) is var b && b >= 20_000) rich.Add((id, b));
        return rich[skip % rich.Count];
    }

    [Fact]
    public async Task The_demo_ledger_keeps_balance_equal_to_credits_less_reversals_less_payouts_and_the_page_shows_it()
    {
        await using var db = factory.OpenDb();
        var sums = await db.LedgerEntries.GroupBy(e => new { e.MakerId, e.Kind })
            .Select(g => new { g.Key.MakerId, g.Key.Kind, Sum = g.Sum(e => e.Amount.Amount) }).ToListAsync();
        var payouts = await db.Payouts.GroupBy(p => p.MakerId).Select(g => new { MakerId = g.Key, Sum = g.Sum(p => p.Amount.Amount) }).ToDictionaryAsync(p => p.MakerId, p => p.Sum);
        Assert.NotEmpty(payouts);
        foreach (var maker in sums.Select(s => s.MakerId).Distinct())
        {
            decimal Of(LedgerEntryKind kind) => sums.Where(s => s.MakerId == maker && s.Kind == kind).Sum(s => s.Sum);
            Assert.Equal(payouts.GetValueOrDefault(maker), Of(LedgerEntryKind.Payout)); // every payout is in the ledger once
            var balance = Of(LedgerEntryKind.Credit) - Of(LedgerEntryKind.Reversal) - Of(LedgerEntryKind.Payout) + Of(LedgerEntryKind.PayoutReversal);
            Assert.Equal(balance, await BalanceAsync(db, maker));
            Assert.True(balance >= 0, $"maker {maker} has a negative balance");
        }

        var (makerId, expected) = await MakerWithBalanceAsync(0);
        using var mentor = ShopClient.For(factory);
        await mentor.SignInAsync("pendamping");
        var page = await mentor.GetDocumentAsync($"/admin/pembuat/{makerId}/saldo");
        Assert.Equal(Money.Of(expected).ToString(), page.QuerySelector("#balance")!.TextContent.Trim());
    }

    [Fact]
    public async Task A_payout_is_recorded_never_over_the_balance_and_a_mistake_is_corrected_by_a_new_entry()
    {
        var (makerId, balance) = await MakerWithBalanceAsync(1);
        using var mentor = ShopClient.For(factory);
        await mentor.SignInAsync("pendamping");
        var url = $"/admin/pembuat/{makerId}/saldo";

        var bad = await mentor.SubmitAsync(url, new Dictionary<string, string> { ["Amount"] = "sepuluh", ["Method"] = "Cash" }, "form[action*=Payout]");
        Assert.Contains("Tulis jumlah dalam rupiah", await bad.Content.ReadAsStringAsync());
        var over = await mentor.SubmitAsync(url, new Dictionary<string, string> { ["Amount"] = (balance + 1).ToString("0"), ["Method"] = "Cash" }, "form[action*=Payout]");
        var overHtml = await over.Content.ReadAsStringAsync();
        Assert.Contains("Jumlah melebihi saldo", overHtml);
        Assert.Contains($"value=\"{balance + 1:0}\"", overHtml); // what was typed stays in the form

        var paid = await mentor.SubmitAsync(url, new Dictionary<string, string> { ["Amount"] = "Rp10.000", ["Method"] = "BankTransfer", ["Reference"] = "TRF-0001" }, "form[action*=Payout]");
        Assert.Equal(HttpStatusCode.Redirect, paid.StatusCode);
        await using (var db = factory.OpenDb())
        {
            Assert.Equal(balance - 10_000, await BalanceAsync(db, makerId));
            var payout = await db.Payouts.Where(p => p.MakerId == makerId).OrderByDescending(p => p.Id).FirstAsync();
            Assert.Equal((Money.Of(10_000), PayoutMethod.BankTransfer, "TRF-0001"), (payout.Amount, payout.Method, payout.Reference));

            var page = await mentor.GetDocumentAsync(url);
            var form = page.QuerySelectorAll("form").Single(f => (f.GetAttribute("action") ?? "").Contains($"payoutId={payout.Id}"));
            var reversed = await mentor.PostFormAsync((AngleSharp.Html.Dom.IHtmlFormElement)form, url, new Dictionary<string, string> { ["ReversalNote"] = "Salah maker" });
            Assert.Equal(HttpStatusCode.Redirect, reversed.StatusCode);
            Assert.Contains("Pembayaran dikoreksi", await mentor.Http.GetStringAsync(url));
        }
        await using var check = factory.OpenDb();
        Assert.Equal(balance, await BalanceAsync(check, makerId));
        Assert.True(await check.Payouts.AnyAsync(p => p.MakerId == makerId && p.Reference == "TRF-0001")); // history stays
        Assert.Equal(1, await check.LedgerEntries.CountAsync(e => e.MakerId == makerId && e.Kind == LedgerEntryKind.PayoutReversal && e.Note == "Salah maker"));
    }

    [Fact]
    public async Task Two_mentors_pressing_pay_at_once_never_pay_more_than_the_balance()
    {
        var (makerId, balance) = await MakerWithBalanceAsync(2);
        var amount = Math.Floor(balance / 2 / 1000) * 1000 + 1000; // two of these exceed the balance
        var url = $"/admin/pembuat/{makerId}/saldo";
        await using (var db = factory.OpenDb())
        {
            var group = await db.Makers.Where(m => m.Id == makerId).Select(m => m.HomeGroupId).SingleAsync();
            Assert.Contains(group, await BackOfficeData.MentoredGroupsAsync(db, "pendamping"));
        }
        using var first = ShopClient.For(factory);
        using var second = ShopClient.For(factory);
        await first.SignInAsync("pendamping");
        await second.SignInAsync("admin");
        var forms = new[] { await first.GetDocumentAsync(url), await second.GetDocumentAsync(url) }
            .Select(d => (AngleSharp.Html.Dom.IHtmlFormElement)d.QuerySelector("form[action*=Payout]")!).ToArray();
        var fields = new Dictionary<string, string> { ["Amount"] = amount.ToString("0"), ["Method"] = "Cash", ["Reference"] = "Serentak" };

        var responses = await Task.WhenAll(first.PostFormAsync(forms[0], url, fields), second.PostFormAsync(forms[1], url, fields));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Redirect);
        var refused = responses.Single(r => r.StatusCode == HttpStatusCode.OK);
        Assert.Contains("Jumlah melebihi saldo", await refused.Content.ReadAsStringAsync());
        await using var check = factory.OpenDb();
        Assert.Equal(balance - amount, await BalanceAsync(check, makerId));
        Assert.Equal(1, await check.Payouts.CountAsync(p => p.MakerId == makerId && p.Reference == "Serentak"));
    }
}
