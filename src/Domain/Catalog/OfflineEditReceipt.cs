namespace PasKreatif.Catalog;

/// <summary>
/// An edit sent from a phone's outbox under the phone's key, kept so the same edit sent again (its
/// answer lost on the way) is known as sent, even after the listing changed again since.
/// </summary>
public class OfflineEditReceipt
{
    public int MakerId { get; private init; }
    public Guid Key { get; private init; }
    public int ListingId { get; private init; }
    public DateTimeOffset At { get; private init; }

    OfflineEditReceipt() { }

    public static OfflineEditReceipt For(int makerId, Guid key, int listingId, DateTimeOffset at) =>
        new() { MakerId = makerId, Key = key, ListingId = listingId, At = at };
}
