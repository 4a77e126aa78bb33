using PasKreatif.Independence;
using PasKreatif.Ledger;

namespace PasKreatif.Domain.Tests.Ledger;

public class PercentOfTargetTests
{
    static readonly DateOnly Oct = new(2026, 10, 1);

    [Theory]
    [InlineData(0, 2_000_000)]
    [InlineData(-150_000, 2_000_000)]
    [InlineData(1_999_999, 2_000_000)]
    [InlineData(2_000_000, 2_000_000)]
    [InlineData(5_300_000, 2_000_000)]
    [InlineData(333_333, 1_000_001)]
    [InlineData(400_000, 0)]
    public void Maker_and_mentor_see_the_same_percent(decimal net, decimal target)
    {
        var makersEarnings = new EarningsMonth(Oct, new Money(net), new Money(target)).Percent ?? 0;
        var makersToday = IndependenceBands.StepOf(new Money(net), new Money(target)).Percent;
        var mentorsReport = IndependenceBands.Series([Oct], new Dictionary<DateOnly, Money> { [Oct] = new Money(net) }, _ => new Money(target))[0].Percent;
        Assert.Equal(makersEarnings, mentorsReport);
        Assert.Equal(makersToday, mentorsReport);
    }

    [Fact]
    public void A_month_that_lost_money_is_at_nought_percent_not_below() =>
        Assert.Equal(0, new Money(-150_000m).PercentOf(new Money(2_000_000m)));

    [Fact]
    public void Percent_is_rounded_down_so_almost_is_not_reached() =>
        Assert.Equal(99, new Money(1_999_999m).PercentOf(new Money(2_000_000m)));

    [Fact]
    public void The_ledger_sign_is_the_same_in_memory_and_in_queries()
    {
        var signed = LedgerEntry.SignedRupiah.Compile();
        foreach (var kind in Enum.GetValues<LedgerEntryKind>())
            Assert.Equal(LedgerEntry.Signed(kind, new Money(500m)).Amount, signed(new LedgerEntry { Kind = kind, Amount = new Money(500m) }));
        Assert.Equal(-500m, LedgerEntry.Signed(LedgerEntryKind.Payout, new Money(500m)).Amount);
    }
}
