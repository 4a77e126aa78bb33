using PasKreatif.Independence;
using PasKreatif.Organisation;

namespace PasKreatif.Domain.Tests.Independence;

public class IndependenceBandTests
{
    static readonly Money Target = Money.Of(2_000_000);
    static readonly DateOnly Aug = new(2026, 8, 1), Sep = new(2026, 9, 1), Oct = new(2026, 10, 1);

    static IReadOnlyList<MonthResult> Bands(params (DateOnly Month, decimal Net)[] months) =>
        IndependenceBands.Series(months.Select(m => m.Month).ToList(), months.Where(m => m.Net != -1).ToDictionary(m => m.Month, m => Money.Of(m.Net)), _ => Target);

    [Theory]
    [InlineData(0, IndependenceBand.Memulai)]
    [InlineData(499_999, IndependenceBand.Memulai)]     // 24.99%
    [InlineData(500_000, IndependenceBand.Berkembang)]  // exactly 25%
    [InlineData(1_999_999, IndependenceBand.Berkembang)]
    [InlineData(2_000_000, IndependenceBand.Berkembang)] // at target once: not yet three months
    public void A_single_month_is_banded_by_its_share_of_the_target(decimal net, IndependenceBand expected) =>
        Assert.Equal(expected, Bands((Oct, net))[0].Band);

    [Fact]
    public void Exactly_at_target_three_complete_months_running_is_Mandiri()
    {
        var series = Bands((Aug, 2_000_000), (Sep, 2_000_000), (Oct, 2_000_000));
        Assert.Equal([IndependenceBand.Berkembang, IndependenceBand.Berkembang, IndependenceBand.Mandiri], series.Select(s => s.Band));
        Assert.Equal(100, series[2].Percent);
    }

    [Fact]
    public void One_rupiah_short_in_any_of_the_three_months_is_not_Mandiri()
    {
        Assert.Equal(IndependenceBand.Berkembang, Bands((Aug, 2_000_000), (Sep, 1_999_999), (Oct, 5_000_000))[2].Band);
        Assert.Equal(99, Bands((Oct, 1_999_999))[0].Percent);
    }

    [Fact]
    public void A_month_with_no_sales_counts_as_zero_and_breaks_the_run()
    {
        var july = new DateOnly(2026, 7, 1);
        var series = Bands((july, 3_000_000), (Aug, -1), (Sep, 3_000_000), (Oct, 3_000_000));
        Assert.Equal(Money.Zero, series[1].Net);
        Assert.Equal(IndependenceBand.Memulai, series[1].Band);
        Assert.Equal(IndependenceBand.Berkembang, series[3].Band); // Sep and Oct reached it, Aug did not
    }

    [Fact]
    public void Months_before_the_window_count_towards_the_run()
    {
        var net = new Dictionary<DateOnly, Money> { [Aug] = Target, [Sep] = Target, [Oct] = Target };
        var series = IndependenceBands.Series([Oct], net, _ => Target);
        Assert.Equal(IndependenceBand.Mandiri, series.Single().Band);
    }

    [Fact]
    public void A_month_without_a_target_is_never_reached()
    {
        var series = IndependenceBands.Series([Oct], new Dictionary<DateOnly, Money> { [Oct] = Target }, _ => Money.Zero);
        Assert.Equal(0, series[0].Percent);
        Assert.Equal(IndependenceBand.Memulai, series[0].Band);
    }

    [Fact]
    public void Months_are_dated_in_the_office_zone()
    {
        // 16.30 UTC on 31 Oct is 23.30 WIB the same day but 00.30 WITA on 1 Nov.
        var lateOctoberUtc = new DateTimeOffset(2026, 10, 31, 16, 30, 0, TimeSpan.Zero);
        Assert.Equal(Oct, IndependenceBands.MonthOf(lateOctoberUtc, IndonesianZone.WIB));       // 23.30 WIB
        Assert.Equal(new DateOnly(2026, 11, 1), IndependenceBands.MonthOf(lateOctoberUtc, IndonesianZone.WITA)); // 00.30 WITA

        var net = IndependenceBands.NetByMonth([(lateOctoberUtc, Money.Of(100)), (lateOctoberUtc.AddHours(-1), Money.Of(-40))], IndonesianZone.WITA);
        Assert.Equal(Money.Of(100), net[new DateOnly(2026, 11, 1)]);
        Assert.Equal(Money.Of(-40), net[Oct]);
    }

    [Fact]
    public void Complete_months_end_before_the_current_month_of_the_zone()
    {
        var now = new DateTimeOffset(2026, 10, 31, 16, 30, 0, TimeSpan.Zero);
        Assert.Equal([Aug, Sep], IndependenceBands.CompleteMonths(now, IndonesianZone.WIB, 2));
        Assert.Equal([Sep, Oct], IndependenceBands.CompleteMonths(now, IndonesianZone.WITA, 2));
    }
}
