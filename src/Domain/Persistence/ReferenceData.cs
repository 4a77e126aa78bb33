using Microsoft.EntityFrameworkCore;

namespace PasKreatif.Persistence;

/// <summary>
/// Rows a folder needs in every installation (its roles, its categories). The context's assembly is searched for them,
/// as for the entity configurations, so each folder keeps its own rows and one save adds them all.
/// </summary>
public interface IReferenceRows
{
    /// <summary>Adds to <paramref name="db"/> the rows it lacks; never saves.</summary>
    Task AddMissingAsync(MarketplaceDb db, CancellationToken ct);
}

/// <summary>Every folder's reference rows; safe to run at every start.</summary>
public static class ReferenceData
{
    static readonly IReferenceRows[] All = FolderParts.Every<IReferenceRows>();

    public static async Task EnsureAsync(MarketplaceDb db, CancellationToken ct = default)
    {
        foreach (var rows in All) await rows.AddMissingAsync(db, ct);
        await db.SaveChangesAsync(ct);
    }
}
