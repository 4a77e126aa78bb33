namespace PasKreatif.Catalog;

/// <summary>
/// Marks a bulk write that changes only one listing's own page, never a list: a stock count that
/// stays above zero, units sold; or that page and the lists showing its card: selling the last unit.
/// The catalogue cache then evicts those pages alone; an unmarked
/// write to listings evicts the whole catalogue, so forgetting the mark costs speed, never freshness.
/// </summary>
/// <remarks>
/// An ambient mark, not EF's TagWith: Npgsql leaves query tags out of ExecuteUpdate's SQL (seen in
/// PostgreSQL's statement log), so a command interceptor could never read them.
/// </remarks>
public static class ListingOnlyWrite
{
    static readonly AsyncLocal<(int Listing, bool Card)?> current = new();

    /// <summary>The listing the statement running now changes alone; null for any other write.</summary>
    public static int? Current => current.Value?.Listing;

    /// <summary>The write changes what the listing's card shows too (sold out), not only its own page.</summary>
    public static bool CardChanges => current.Value?.Card ?? false;

    /// <summary>Runs one write to one listing (a single ExecuteUpdate) marked as listing-only.</summary>
    public static async Task<int> RunAsync(int listingId, Func<Task<int>> write, bool cardChanges = false)
    {
        var outer = current.Value;
        current.Value = (listingId, cardChanges);
        try
        {
            return await write();
        }
        finally
        {
            current.Value = outer;
        }
    }
}
