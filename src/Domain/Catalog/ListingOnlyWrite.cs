namespace PasKreatif.Catalog;

/// <summary>
/// Marks a bulk write that changes only one listing's own page, never a list: a stock count that
/// stays above zero, units sold. The catalogue cache then evicts that page alone; an unmarked
/// write to listings evicts the whole catalogue, so forgetting the mark costs speed, never freshness.
/// </summary>
/// <remarks>
/// An ambient mark, not EF's TagWith: Npgsql leaves query tags out of ExecuteUpdate's SQL (seen in
/// PostgreSQL's statement log), so a command interceptor could never read them.
/// </remarks>
public static class ListingOnlyWrite
{
    static readonly AsyncLocal<int?> current = new();

    /// <summary>The listing the statement running now changes alone; null for any other write.</summary>
    public static int? Current => current.Value;

    /// <summary>Runs one write to one listing (a single ExecuteUpdate) marked as listing-only.</summary>
    public static async Task<int> RunAsync(int listingId, Func<Task<int>> write)
    {
        var outer = current.Value;
        current.Value = listingId;
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
