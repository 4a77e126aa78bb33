using PasKreatif.Independence;
using PasKreatif.Ledger;

namespace PasKreatif.Domain.Tests.Ledger;

public class TargetProgressTests
{
    static readonly DateOnly Oct = new(2026, 10, 1);

    [Theory]
    [InlineData(1_999_999, 2_000_000, 99)] // rounded down: almost is not reached
    [InlineData(2_000_000, 2_000_000, 100)]
    [InlineData(499_999, 2_000_000, 24)] // still Memulai
    [InlineData(500_000, 2_000_000, 25)]
    [InlineData(1, 3, 33)]
    [InlineData(-150_000, 2_000_000, 0)] // refunds beyond sales: no negative percent
    public void The_percent_is_whole_rounded_down_and_never_below_nought(decimal net, decimal target, int percent)
    {
        var progress = new TargetProgress(new Money(net), new Money(target));
        Assert.Equal(percent, progress.Percent);
        Assert.Equal(percent >= 100, progress.Reached);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(0)]
    public void Without_a_target_there_is_no_percent_and_a_band_reads_nought(int? target)
    {
        var progress = new TargetProgress(new Money(400_000m), target is null ? null : new Money(target.Value));
        Assert.False(progress.HasTarget);
        Assert.Null(progress.Percent);
        Assert.Equal(0, progress.BandPercent);
        Assert.False(progress.Reached);
        Assert.Null(new EarningsMonth(Oct, new Money(400_000m), progress.Target).Percent); // the maker's page shows none
        Assert.Equal(IndependenceBand.Memulai, IndependenceBands.Series([Oct], new Dictionary<DateOnly, Money> { [Oct] = new Money(400_000m) }, _ => Money.Zero)[0].Band);
    }

    [Fact]
    public void A_refund_lowers_the_percent_the_maker_and_the_mentor_see_alike()
    {
        var target = new Money(1_000_000m);
        var net = Money.Sum([LedgerEntry.Signed(LedgerEntryKind.Credit, new Money(600_000m)), LedgerEntry.Signed(LedgerEntryKind.Reversal, new Money(150_000m))]);
        var mentor = IndependenceBands.Series([Oct], new Dictionary<DateOnly, Money> { [Oct] = net }, _ => target)[0];
        Assert.Equal(45, new EarningsMonth(Oct, net, target).Percent);
        Assert.Equal(45, mentor.Percent);
        Assert.Equal(IndependenceBand.Berkembang, mentor.Band);
        Assert.Equal(45, IndependenceBands.StepOf(net, target).Percent);
    }
}
