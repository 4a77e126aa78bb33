using PasKreatif.Ledger;
using PasKreatif.Organisation;

namespace PasKreatif.Independence;

/// <summary>Memulai (under 25% of target), Berkembang (25% and up), Mandiri (100%+ for three complete months running).</summary>
public enum IndependenceBand { Memulai, Berkembang, Mandiri }

/// <summary>One complete calendar month of a maker: net revenue (credits − reversals) against the regency's target.</summary>
public sealed record MonthResult(DateOnly Month, Money Net, Money Target, int Percent, IndependenceBand Band);

/// <summary>Where a month stands so far: its band, the next one, and the rupiah still missing to reach it (none once the target is reached).</summary>
public sealed record BandStep(int Percent, IndependenceBand Band, IndependenceBand? Next, Money LeftToNext);

/// <summary>The bands of shared/decisions.md, as plain arithmetic over a maker's monthly net revenue.</summary>
public static class IndependenceBands
{
    public const int MonthsForMandiri = 3;
    public const int BerkembangPercent = 25;
    public const int TargetPercent = 100;

    /// <summary>The first day of the calendar month an instant falls in, in the office's zone.</summary>
    public static DateOnly MonthOf(DateTimeOffset instant, IndonesianZone zone) => MakerCalendar.MonthOf(instant, zone);

    /// <summary>The last <paramref name="count"/> complete months before the current one in the zone, oldest first.</summary>
    public static IReadOnlyList<DateOnly> CompleteMonths(DateTimeOffset now, IndonesianZone zone, int count)
    {
        var current = MonthOf(now, zone);
        return Enumerable.Range(1, count).Select(i => current.AddMonths(-i)).Reverse().ToList();
    }

    public static int PercentOf(Money net, Money target) => new TargetProgress(net, target).BandPercent;

    static bool Reached(Money net, Money target) => new TargetProgress(net, target).Reached;

    /// <summary>
    /// Bands for consecutive complete months, oldest first. A month missing from <paramref name="netByMonth"/>
    /// had no sales: it counts as 0 and breaks a Mandiri run. Months before the first one asked for still count
    /// towards a run, so pass the two months before the window in <paramref name="netByMonth"/> when known.
    /// </summary>
    public static IReadOnlyList<MonthResult> Series(IReadOnlyList<DateOnly> months, IReadOnlyDictionary<DateOnly, Money> netByMonth, Func<DateOnly, Money> targetFor)
    {
        var results = new List<MonthResult>(months.Count);
        foreach (var month in months)
        {
            var net = netByMonth.GetValueOrDefault(month, Money.Zero);
            var target = targetFor(month);
            var percent = PercentOf(net, target);
            var run = Enumerable.Range(0, MonthsForMandiri).Select(i => month.AddMonths(-i))
                .All(m => Reached(netByMonth.GetValueOrDefault(m, Money.Zero), targetFor(m)));
            var band = run ? IndependenceBand.Mandiri : percent < BerkembangPercent ? IndependenceBand.Memulai : IndependenceBand.Berkembang;
            results.Add(new MonthResult(month, net, target, percent, band));
        }
        return results;
    }

    /// <summary>
    /// The month so far against its target: under 25% the next band is Berkembang at a quarter of the target;
    /// from there the target itself, which three months running make Mandiri.
    /// </summary>
    public static BandStep StepOf(Money net, Money target)
    {
        var percent = PercentOf(net, target);
        if (percent < BerkembangPercent)
            return new BandStep(percent, IndependenceBand.Memulai, IndependenceBand.Berkembang, Left(net, new Money(Math.Ceiling(target.Amount * BerkembangPercent / 100m))));
        if (!Reached(net, target)) return new BandStep(percent, IndependenceBand.Berkembang, IndependenceBand.Mandiri, Left(net, target));
        return new BandStep(percent, IndependenceBand.Berkembang, null, Money.Zero);
    }

    // Rounded up, so paying the amount shown always reaches the band.
    static Money Left(Money net, Money goal) => new(Math.Max(0, Math.Ceiling(goal.Amount - net.Amount)));

    /// <summary>Net revenue per month in the zone from signed ledger amounts (credits positive, reversals negative).</summary>
    public static Dictionary<DateOnly, Money> NetByMonth(IEnumerable<(DateTimeOffset At, Money Signed)> entries, IndonesianZone zone) =>
        entries.GroupBy(e => MonthOf(e.At, zone)).ToDictionary(g => g.Key, g => Money.Sum(g.Select(e => e.Signed)));
}
