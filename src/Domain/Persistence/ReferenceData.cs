using Microsoft.EntityFrameworkCore;
using PasKreatif.Catalog;
using PasKreatif.People;

namespace PasKreatif.Persistence;

/// <summary>Rows every installation needs (roles, categories); safe to run at every start.</summary>
public static class ReferenceData
{
    public static async Task EnsureAsync(MarketplaceDb db, CancellationToken ct = default)
    {
        var roles = await db.Roles.Select(r => r.Name!).ToListAsync(ct);
        foreach (var name in Roles.All.Except(roles))
            db.Roles.Add(new PersonRole(name) { NormalizedName = name.ToUpperInvariant(), ConcurrencyStamp = Guid.NewGuid().ToString() });

        var slugs = await db.Categories.Select(c => c.Slug).ToListAsync(ct);
        db.Categories.AddRange(StandardCategories.All().Where(c => !slugs.Contains(c.Slug)));
        await db.SaveChangesAsync(ct);
    }
}
