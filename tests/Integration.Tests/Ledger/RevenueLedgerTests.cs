using Microsoft.EntityFrameworkCore;
using PasKreatif.Integration.Tests.Fixtures;
using PasKreatif.Ledger;
using PasKreatif.Orders;
using PasKreatif.Persistence;

namespace PasKreatif.Integration.Tests.Ledger;

public class RevenueLedgerTests : IAsyncLifetime
{
    string database = "";

    public async Task InitializeAsync() => database = await TestDatabases.CreateFromTemplateAsync("ledger");
    public Task DisposeAsync() => TestDatabases.DropAsync(database);

    RevenueLedger Ledger(MarketplaceDb db) => new(db, TimeProvider.System);

    async Task<Guid> MentorIdAsync(MarketplaceDb db) => await db.Users.Where(u => u.UserName == "pendamping").Select(u => u.Id).SingleAsync();

    [Fact]
    public async Task Crediting_a_paid_order_twice_credits_it_once_and_a_reversal_takes_it_back_once()
    {
        await using var db = TestDatabases.Open(database);
        var order = await db.Orders.Where(o => o.PaidAt != null && o.Status != Orders.OrderStatus.Refunded).OrderBy(o => o.Id).FirstAsync();
        var maker = await db.OrderLines.Where(l => l.OrderId == order.Id).Select(l => l.MakerId).FirstAsync();
        var before = await Ledger(db).BalanceAsync(maker);

        Assert.Equal(0, await Ledger(db).CreditPaidOrderAsync(order.Id)); // the demo data credited it already
        Assert.True(await Ledger(db).ReverseOrderAsync(order.Id, "Dibatalkan") > 0);
        Assert.Equal(0, await Ledger(db).ReverseOrderAsync(order.Id, "Dibatalkan lagi"));
        var makerLines = await db.OrderLines.Where(l => l.OrderId == order.Id && l.MakerId == maker).SumAsync(l => l.LineTotal.Amount);
        Assert.Equal(before.Amount - makerLines, (await Ledger(db).BalanceAsync(maker)).Amount);
    }

    [Fact]
    public async Task A_payout_is_never_more_than_the_balance_even_when_two_mentors_press_at_once()
    {
        await using var setup = TestDatabases.Open(database);
        var mentor = await MentorIdAsync(setup);
        var maker = await setup.LedgerEntries.GroupBy(e => e.MakerId)
            .Select(g => new { g.Key, Balance = g.Sum(e => e.Kind == LedgerEntryKind.Credit || e.Kind == LedgerEntryKind.PayoutReversal ? e.Amount.Amount : -e.Amount.Amount) })
            .Where(m => m.Balance >= 10_000).OrderBy(m => m.Key).FirstAsync();
        var amount = Money.Of(Math.Floor(maker.Balance / 2 / 1000) * 1000 + 1000); // two of these exceed the balance

        var attempts = await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
        {
            await using var db = TestDatabases.Open(database);
            return await Ledger(db).RecordPayoutAsync(maker.Key, amount, PayoutMethod.Cash, "Tunai", mentor);
        }));

        Assert.Single(attempts, a => a.Succeeded);
        Assert.Single(attempts, a => a.Problem == PayoutProblem.MoreThanBalance);
        Assert.Equal(maker.Balance - amount.Amount, (await Ledger(setup).BalanceAsync(maker.Key)).Amount);
        Assert.Equal(PayoutProblem.NotPositive, (await Ledger(setup).RecordPayoutAsync(maker.Key, Money.Zero, PayoutMethod.Cash, null, mentor)).Problem);
    }

    [Fact]
    public async Task A_mistaken_payout_is_corrected_by_a_reversing_entry_once()
    {
        await using var db = TestDatabases.Open(database);
        var mentor = await MentorIdAsync(db);
        var payout = await db.Payouts.OrderBy(p => p.Id).FirstAsync();
        var before = await Ledger(db).BalanceAsync(payout.MakerId);
        var entries = await db.LedgerEntries.CountAsync();

        Assert.True(await Ledger(db).ReversePayoutAsync(payout.Id, "Salah catat", mentor));
        Assert.False(await Ledger(db).ReversePayoutAsync(payout.Id, "Salah catat lagi", mentor));

        Assert.Equal(before + payout.Amount, await Ledger(db).BalanceAsync(payout.MakerId));
        Assert.Equal(entries + 1, await db.LedgerEntries.CountAsync());
        Assert.True(await db.Payouts.AnyAsync(p => p.Id == payout.Id)); // history stays
    }
}
