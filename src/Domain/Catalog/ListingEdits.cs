using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using PasKreatif.Persistence;

namespace PasKreatif.Catalog;

/// <summary>Raises a listing's edit version whenever a person's change to it is saved.</summary>
sealed class ListingEdits : ISavingRule
{
    // Counters kept by the shop itself, not edits anyone made.
    static readonly HashSet<string> Counters = [nameof(Listing.UnitsSold), nameof(Listing.ReviewCount), nameof(Listing.ReviewStarTotal), nameof(Listing.UpdatedAt), nameof(Listing.EditVersion)];

    public void Apply(ChangeTracker tracker)
    {
        foreach (var entry in tracker.Entries<Listing>())
            if (entry.State == EntityState.Modified && entry.Properties.Any(p => p.IsModified && !Counters.Contains(p.Metadata.Name)))
                entry.Entity.CountEdit();
    }
}
