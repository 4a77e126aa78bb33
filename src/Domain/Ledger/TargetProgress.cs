namespace PasKreatif.Ledger;

/// <summary>
/// A month's net revenue against its regency's target: the one "percent of target" of the maker's pages, the back
/// office, the CSVs and the mentors' mail. Whole percent rounded down (99.9% has not reached it); a month that lost
/// money is at 0%; without a target (none set, or Rp0) there is no percent, and a band counts that month as 0%.
/// </summary>
public readonly record struct TargetProgress(Money Net, Money? Target)
{
    public bool HasTarget => Target is { Amount: > 0 };

    public int? Percent => Target is { Amount: > 0 } target ? Net.PercentOf(target) : null;

    /// <summary>The percent a band is read from: a month without a target is at 0%.</summary>
    public int BandPercent => Percent ?? 0;

    /// <summary>At or above the target (exactly 100% counts); never without one.</summary>
    public bool Reached => Target is { Amount: > 0 } target && Net >= target;
}
