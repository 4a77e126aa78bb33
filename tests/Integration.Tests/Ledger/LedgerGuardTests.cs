using Microsoft.EntityFrameworkCore;
using Npgsql;
using PasKreatif.Integration.Tests.Fixtures;
using PasKreatif.Ledger;
using PasKreatif.Orders;
using PasKreatif.Payments;
using PasKreatif.Persistence;

namespace PasKreatif.Integration.Tests.Ledger;

/// <summary>The ledger is guarded by the database itself: rows are never changed, every balance write queues on the maker's lock.</summary>
public class LedgerGuardTests : IAsyncLifetime
{
    string database = "";

    public async Task InitializeAsync() => database = await TestDatabases.CreateFromTemplateAsync("ledgerguard");
    public Task DisposeAsync() => TestDatabases.DropAsync(database);

    async Task<int> ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(TestDatabases.ConnectionString(database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteNonQueryAsync();
    }

    [Theory]
    [InlineData("""UPDATE "LedgerEntries" SET "Amount" = "Amount" + 1 WHERE "Id" = (SELECT MIN("Id") FROM "LedgerEntries")""")]
    [InlineData("""DELETE FROM "LedgerEntries" WHERE "Id" = (SELECT MAX("Id") FROM "LedgerEntries")""")]
    [InlineData("""TRUNCATE "LedgerEntries" CASCADE""")]
    [InlineData("""UPDATE "Payouts" SET "Amount" = 1 WHERE "Id" = (SELECT MIN("Id") FROM "Payouts")""")]
    [InlineData("""DELETE FROM "Payouts" WHERE "Id" = (SELECT MIN("Id") FROM "Payouts")""")]
    public async Task Ledger_rows_and_payouts_cannot_be_changed_or_deleted_by_anyone_connected_to_the_database(string sql)
    {
        await using var db = TestDatabases.Open(database);
        var before = await db.LedgerEntries.SumAsync(e => e.Amount.Amount);
        var refused = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(sql));
        Assert.Contains(LedgerAppendOnly.Message, refused.MessageText);
        Assert.Equal(before, await db.LedgerEntries.SumAsync(e => e.Amount.Amount));
        Assert.True(await db.Payouts.AnyAsync());
    }

    static readonly string[] Writes = ["credit", "reversal of an order", "reversal of a refund", "payout", "payout correction"];
    public static TheoryData<string> BalanceWrites => new(Writes);

    /// <summary>
    /// Another session holds the maker's row lock; the write must wait for it, so with a short lock_timeout it fails
    /// instead of writing beside the lock. Once the lock is released the same write goes through.
    /// </summary>
    [Theory]
    [MemberData(nameof(BalanceWrites))]
    public async Task Every_write_that_changes_a_balance_takes_the_makers_lock_first(string write)
    {
        await using var setup = TestDatabases.Open(database);
        var nth = Array.IndexOf(Writes, write);
        var order = await setup.Orders.AsNoTracking().Include(o => o.Lines).Include(o => o.Payments).Where(o => o.Status == OrderStatus.Completed && o.Fulfilments.Count == 1)
            .OrderBy(o => o.Id).Skip(nth).FirstAsync();
        var payout = await setup.Payouts.AsNoTracking().Where(p => !setup.Set<LedgerEntry>().Any(e => e.PayoutId == p.Id && e.Kind == LedgerEntryKind.PayoutReversal))
            .OrderBy(p => p.Id).Skip(nth).FirstAsync();
        var maker = write == "payout correction" ? payout.MakerId : order.Lines[0].MakerId;
        var mentor = await setup.Users.Where(u => u.UserName == "pendamping").Select(u => u.Id).SingleAsync();
        var refund = Refund.Create(order.Id, order.Payments.Single(), RefundRoute.BankTransfer, RefundReason.LinesRefunded, null, null, DateTimeOffset.UtcNow,
            [RefundLine.Units(order.Lines[0].FulfilmentId, order.Lines[0].Id, 1, order.Lines[0].UnitPrice)]);
        if (write == "reversal of a refund")
        {
            setup.Refunds.Add(refund);
            await setup.SaveChangesAsync();
        }
        var impatient = new NpgsqlConnectionStringBuilder(TestDatabases.ConnectionString(database)) { Options = "-c lock_timeout=300" }.ConnectionString;

        Func<RevenueLedger, Task> act = write switch
        {
            "credit" => l => l.CreditPaidOrderAsync(order.Id),
            "reversal of an order" => l => l.ReverseOrderAsync(order.Id, "Tes"),
            "reversal of a refund" => l => l.ReverseRefundAsync(refund, "Tes", null),
            "payout" => l => l.RecordPayoutAsync(maker, Money.Of(1), PayoutMethod.Cash, null, mentor),
            _ => l => l.ReversePayoutAsync(payout.Id, "Tes", mentor),
        };

        await using (var holder = new NpgsqlConnection(TestDatabases.ConnectionString(database)))
        {
            await holder.OpenAsync();
            await using var hold = await holder.BeginTransactionAsync();
            await using (var lockRow = new NpgsqlCommand($"""SELECT 1 FROM "Makers" WHERE "Id" = {maker} FOR UPDATE""", holder, hold))
                await lockRow.ExecuteNonQueryAsync();
            await using var blocked = new MarketplaceDb(new DbContextOptionsBuilder<MarketplaceDb>().UseNpgsql(impatient).Options);
            var waited = await Assert.ThrowsAnyAsync<Exception>(() => act(new RevenueLedger(blocked, TimeProvider.System)));
            Assert.Equal(PostgresErrorCodes.LockNotAvailable, (waited as PostgresException ?? waited.InnerException as PostgresException)?.SqlState);
            await hold.RollbackAsync();
        }
        await using var free = TestDatabases.Open(database);
        await act(new RevenueLedger(free, TimeProvider.System));
    }

    [Fact]
    public async Task The_check_every_test_class_ends_with_catches_money_that_does_not_add_up()
    {
        var broken = await TestDatabases.CreateFromTemplateAsync("broken", checkMoneyOnDrop: false);
        try
        {
            var connection = TestDatabases.ConnectionString(broken);
            Assert.Empty(await LedgerInvariant.ProblemsAsync(connection));
            await using (var db = TestDatabases.Open(broken))
            {
                var credit = await db.LedgerEntries.Where(e => e.Kind == LedgerEntryKind.Credit).OrderBy(e => e.Id).FirstAsync();
                var payout = await db.Payouts.OrderBy(p => p.Id).FirstAsync();
                await db.Database.ExecuteSqlAsync($"""
                    INSERT INTO "LedgerEntries" ("MakerId", "Kind", "Amount", "OccurredAt", "ReversesEntryId", "OrderLineId")
                    VALUES ({credit.MakerId}, 'Reversal', {credit.Amount.Amount + 1}, now(), {credit.Id}, {credit.OrderLineId})
                    """);
                await db.Database.ExecuteSqlAsync($"""
                    INSERT INTO "Payouts" ("MakerId", "Amount", "Method", "RecordedById", "RecordedAt") VALUES ({payout.MakerId}, 1000, 'Cash', {payout.RecordedById}, now())
                    """);
            }
            var problems = await LedgerInvariant.ProblemsAsync(connection);
            Assert.Contains(problems, p => p.Contains("is reversed for"));
            Assert.Contains(problems, p => p.Contains("is in the ledger 0 times"));
            await Assert.ThrowsAsync<LedgerInvariant.BrokenException>(() => LedgerInvariant.AssertHoldsAsync(connection));
        }
        finally
        {
            await TestDatabases.DropAsync(broken);
        }
    }
}
