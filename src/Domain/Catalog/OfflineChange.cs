namespace PasKreatif.Catalog;

public enum OfflineOutcome { Apply, AlreadySaved, ChangedElsewhere }

/// <summary>
/// The rule for a change made without signal and sent later: it applies only over what the maker
/// saw. An edit by someone else since (a new edit version) or a value moved meanwhile (stock sold,
/// an order cancelled) is a conflict the maker decides; the same value already there is a resend.
/// </summary>
public static class OfflineChange
{
    public static OfflineOutcome Judge<T>(int seenVersion, T seen, int currentVersion, T current, T wanted)
    {
        var same = EqualityComparer<T>.Default;
        if (same.Equals(current, wanted)) return OfflineOutcome.AlreadySaved;
        return seenVersion == currentVersion && same.Equals(current, seen) ? OfflineOutcome.Apply : OfflineOutcome.ChangedElsewhere;
    }
}
