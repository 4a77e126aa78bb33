using System.Linq.Expressions;
using PasKreatif.Ledger;

namespace PasKreatif.Domain.Tests.Ledger;

public class LedgerTotalsTests
{
    [Fact]
    public void The_balance_is_credits_less_reversals_less_payouts_plus_corrections()
    {
        var totals = new LedgerTotals(Money.Of(150_000), Money.Of(50_000), Money.Of(60_000), Money.Of(10_000));
        Assert.Equal(Money.Of(50_000), totals.Net);
        Assert.Equal(Money.Of(50_000), totals.Standing.Available);
        Assert.False(totals.Standing.IsOwed);
    }

    [Fact]
    public void A_refund_after_a_payout_leaves_an_amount_owed_not_a_negative_balance()
    {
        var totals = new LedgerTotals(Money.Of(100_000), Money.Of(100_000), Money.Of(40_000), Money.Zero);
        Assert.Equal(Money.Zero, totals.Standing.Available);
        Assert.Equal(Money.Of(40_000), totals.Standing.Owed);
        Assert.Equal(Money.Zero, LedgerTotals.None.Net);
    }

    [Fact]
    public void A_month_sum_takes_the_same_sign_as_an_entry_in_memory_and_in_queries()
    {
        var month = LedgerMonth.SignedRupiah.Compile();
        var entry = LedgerEntry.SignedRupiah.Compile();
        var sale = LedgerMonth.IsSale.Compile();
        foreach (var kind in Enum.GetValues<LedgerEntryKind>())
        {
            Assert.Equal(LedgerEntry.Signed(kind, new Money(700m)).Amount, month(new LedgerMonth { Kind = kind, Amount = new Money(700m) }));
            Assert.Equal(LedgerEntry.Signed(kind, new Money(700m)).Amount, entry(new LedgerEntry { Kind = kind, Amount = new Money(700m) }));
            Assert.Equal(kind is LedgerEntryKind.Credit or LedgerEntryKind.Reversal, sale(new LedgerMonth { Kind = kind }));
        }
    }

    [Fact]
    public void The_query_form_compares_kinds_as_csharp_does_so_the_database_reads_the_stored_names()
    {
        Expression<Func<LedgerEntry, bool>> written = e => e.Kind == LedgerEntryKind.Credit;
        var built = (BinaryExpression)((ConditionalExpression)LedgerEntry.SignedRupiah.Body).Test;
        var first = built.NodeType == ExpressionType.OrElse ? (BinaryExpression)built.Left : built;
        Assert.Equal(written.Body.ToString(), first.ToString());
    }
}
