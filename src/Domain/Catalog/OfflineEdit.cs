namespace PasKreatif.Catalog;

/// <summary>How an edit of a listing's form made without signal meets the listing as it is now.</summary>
/// <param name="Merged">What to save: the listing as it is now with only the fields the maker changed put over it.</param>
/// <param name="Conflicts">The fields to show the maker, theirs against the shop's, when the outcome is a conflict.</param>
public sealed record OfflineEditJudgement(OfflineOutcome Outcome, ListingDraft Merged, IReadOnlyList<string> Conflicts);

/// <summary>
/// The rule for a whole listing form edited offline and sent later. Only the fields the maker changed
/// are written, so a stock sold meanwhile is not put back by a form that still shows the old number.
/// An edit by a person elsewhere since (a new edit version), or a changed field moved meanwhile, is a
/// conflict the maker decides, as in <see cref="OfflineChange"/>; every changed field already as wanted is a resend.
/// </summary>
public static class OfflineEdit
{
    static readonly (string Field, Func<ListingDraft, object> Value)[] Fields =
    [
        (nameof(ListingDraft.Title), d => PlainText.Clean(d.Title)),
        (nameof(ListingDraft.Description), d => PlainText.Clean(d.Description)),
        (nameof(ListingDraft.CategoryId), d => d.CategoryId),
        (nameof(ListingDraft.ProgrammeId), d => d.ProgrammeId),
        (nameof(ListingDraft.Price), d => Money.Of(d.Price)),
        (nameof(ListingDraft.MadeToOrder), d => d.MadeToOrder),
        (nameof(ListingDraft.Stock), d => d.Stock),
        (nameof(ListingDraft.LeadTimeDays), d => d.LeadTimeDays),
        (nameof(ListingDraft.WeightGrams), d => d.WeightGrams),
        (nameof(ListingDraft.Delivery), d => d.Delivery),
    ];

    /// <summary>The field names in the form's order.</summary>
    public static IEnumerable<string> FieldNames => Fields.Select(f => f.Field);

    public static OfflineEditJudgement Judge(int seenVersion, ListingDraft seen, int currentVersion, ListingDraft current, ListingDraft wanted)
    {
        var changed = Fields.Where(f => !Equals(f.Value(wanted), f.Value(seen))).ToList();
        var merged = Merge(current, wanted, changed.Select(f => f.Field).ToHashSet());
        var differing = changed.Where(f => !Equals(f.Value(current), f.Value(wanted))).Select(f => f.Field).ToList();
        if (differing.Count == 0) return new(OfflineOutcome.AlreadySaved, current, []);
        var movedMeanwhile = changed.Any(f => !Equals(f.Value(current), f.Value(seen)));
        if (seenVersion != currentVersion || movedMeanwhile) return new(OfflineOutcome.ChangedElsewhere, merged, differing);
        return new(OfflineOutcome.Apply, merged, []);
    }

    static ListingDraft Merge(ListingDraft current, ListingDraft wanted, HashSet<string> changed)
    {
        T Pick<T>(string field, T now, T theirs) => changed.Contains(field) ? theirs : now;
        return new(
            Pick(nameof(ListingDraft.Title), current.Title, wanted.Title),
            Pick(nameof(ListingDraft.Description), current.Description, wanted.Description),
            Pick(nameof(ListingDraft.CategoryId), current.CategoryId, wanted.CategoryId),
            Pick(nameof(ListingDraft.ProgrammeId), current.ProgrammeId, wanted.ProgrammeId),
            Pick(nameof(ListingDraft.Price), current.Price, wanted.Price),
            Pick(nameof(ListingDraft.MadeToOrder), current.MadeToOrder, wanted.MadeToOrder),
            Pick(nameof(ListingDraft.Stock), current.Stock, wanted.Stock),
            Pick(nameof(ListingDraft.LeadTimeDays), current.LeadTimeDays, wanted.LeadTimeDays),
            Pick(nameof(ListingDraft.WeightGrams), current.WeightGrams, wanted.WeightGrams),
            Pick(nameof(ListingDraft.Delivery), current.Delivery, wanted.Delivery));
    }

    /// <summary>The form as the editor shows it: the words of the open revision, if any, over the approved ones.</summary>
    public static ListingDraft Shown(Listing l)
    {
        var open = l.EditsInPlace() ? null : ListingEditor.OpenRevision(l);
        return new(open?.Title ?? l.Title, open?.Description ?? l.Description, open?.CategoryId ?? l.CategoryId, l.ProgrammeId,
            l.Price.Amount, l.MadeToOrder, l.Stock, l.LeadTimeDays, l.WeightGrams, l.Delivery);
    }
}
