using Microsoft.EntityFrameworkCore;
using PasKreatif.Catalog;
using PasKreatif.Independence;
using PasKreatif.Integration.Tests.Fixtures;
using PasKreatif.Ledger;
using PasKreatif.Orders;
using PasKreatif.Organisation;
using PasKreatif.Persistence;

namespace PasKreatif.Integration.Tests.Ledger;

/// <summary>The months' sums the database keeps on every ledger insert equal the entries they sum, refunds and payouts included.</summary>
public class LedgerMonthsTests : IAsyncLifetime
{
    string database = "";

    public async Task InitializeAsync() => database = await TestDatabases.CreateFromTemplateAsync("months");
    public Task DisposeAsync() => TestDatabases.DropAsync(database);

    static async Task<Money> MonthNetAsync(MarketplaceDb db, int makerId, DateOnly month) =>
        new(await db.LedgerMonths.Where(m => m.MakerId == makerId && m.Month == month).Where(LedgerMonth.IsSale).SumAsync(LedgerMonth.SignedRupiah));

    [Fact]
    public async Task The_demo_ledger_with_its_payouts_is_summed_exactly()
    {
        Assert.Empty(await LedgerInvariant.ProblemsAsync(TestDatabases.ConnectionString(database)));
        await using var db = TestDatabases.Open(database);
        Assert.True(await db.LedgerMonths.AnyAsync(m => m.Kind == LedgerEntryKind.Credit && m.ProgrammeId != null));
        Assert.True(await db.LedgerMonths.AnyAsync(m => m.Kind == LedgerEntryKind.Payout && m.ProgrammeId == null));
    }

    [Fact]
    public async Task A_cancellation_after_payment_and_a_payout_change_the_months_in_the_same_transaction()
    {
        await using var db = TestDatabases.Open(database);
        var ledger = new RevenueLedger(db, TimeProvider.System);
        var order = await db.Orders.Where(o => o.PaidAt != null && o.Status != Orders.OrderStatus.Refunded
            && !db.Set<LedgerEntry>().Any(e => e.Kind == LedgerEntryKind.Reversal && db.Set<OrderLine>().Any(l => l.Id == e.OrderLineId && l.OrderId == o.Id))).OrderBy(o => o.Id).FirstAsync();
        var maker = await db.OrderLines.Where(l => l.OrderId == order.Id).Select(l => l.MakerId).FirstAsync();
        var zone = await MakerCalendar.ZoneOfAsync(db, maker, default) ?? IndonesianZone.WIB;
        var now = MakerCalendar.MonthOf(DateTimeOffset.UtcNow, zone);
        var before = await MonthNetAsync(db, maker, now);
        var credited = new Money(await db.LedgerEntries.Where(e => e.Kind == LedgerEntryKind.Credit && e.MakerId == maker
            && db.Set<OrderLine>().Any(l => l.Id == e.OrderLineId && l.OrderId == order.Id)).SumAsync(e => e.Amount.Amount));

        Assert.True(await ledger.ReverseOrderAsync(order.Id, "Dibatalkan") > 0);
        Assert.Equal(before - credited, await MonthNetAsync(db, maker, now)); // the reversal counts in the month it was written

        var mentor = await db.Users.Where(u => u.UserName == "pendamping").Select(u => u.Id).SingleAsync();
        var payoutsBefore = await db.LedgerMonths.Where(m => m.MakerId == maker && m.Month == now && m.Kind == LedgerEntryKind.Payout).SumAsync(m => m.Amount.Amount);
        var balance = await ledger.StandingAsync(maker);
        if (balance.Available >= Money.Of(1_000))
        {
            Assert.True((await ledger.RecordPayoutAsync(maker, Money.Of(1_000), PayoutMethod.Cash, "Tunai", mentor)).Succeeded);
            Assert.Equal(payoutsBefore + 1_000, await db.LedgerMonths.Where(m => m.MakerId == maker && m.Month == now && m.Kind == LedgerEntryKind.Payout).SumAsync(m => m.Amount.Amount));
        }
        Assert.Equal(before - credited, await MonthNetAsync(db, maker, now)); // a payout earns nothing and takes no revenue
        Assert.Empty(await LedgerInvariant.ProblemsAsync(TestDatabases.ConnectionString(database)));
    }

    [Fact]
    public async Task Moving_an_office_to_another_zone_or_a_listing_to_another_programme_recounts_its_makers()
    {
        await using var db = TestDatabases.Open(database);
        var office = await db.Offices.OrderBy(o => o.Id).Select(o => new { o.Id, o.Zone }).FirstAsync();
        await db.Offices.Where(o => o.Id == office.Id).ExecuteUpdateAsync(s => s.SetProperty(o => o.Zone, office.Zone == IndonesianZone.WIT ? IndonesianZone.WIB : IndonesianZone.WIT));
        var sold = await db.OrderLines.Where(l => db.Set<LedgerEntry>().Any(e => e.OrderLineId == l.Id)).OrderBy(l => l.Id).Select(l => new { l.ListingId, l.Listing!.ProgrammeId }).FirstAsync();
        var other = await db.Programmes.Where(p => p.Id != sold.ProgrammeId).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
        await db.Listings.Where(l => l.Id == sold.ListingId).ExecuteUpdateAsync(s => s.SetProperty(l => l.ProgrammeId, other));
        Assert.Empty(await LedgerInvariant.ProblemsAsync(TestDatabases.ConnectionString(database)));
    }

    [Fact]
    public async Task A_month_sum_that_differs_from_its_entries_is_caught()
    {
        var broken = await TestDatabases.CreateFromTemplateAsync("months-broken", checkMoneyOnDrop: false);
        try
        {
            await using (var db = TestDatabases.Open(broken))
                await db.Database.ExecuteSqlRawAsync("""UPDATE "LedgerMonths" SET "Amount" = "Amount" + 1 WHERE "Id" = (SELECT min("Id") FROM "LedgerMonths" WHERE "Kind" = 'Credit')""");
            Assert.Contains(await LedgerInvariant.ProblemsAsync(TestDatabases.ConnectionString(broken)), p => p.Contains("the month sum"));
        }
        finally
        {
            await TestDatabases.DropAsync(broken);
        }
    }
}
