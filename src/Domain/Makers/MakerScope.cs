using PasKreatif.Catalog;
using PasKreatif.Organisation;
using PasKreatif.Persistence;

namespace PasKreatif.Makers;

/// <summary>Makers and listings a member of staff may reach: a maker by home group, a listing by its programme's group.</summary>
public static class MakerScope
{
    public static IQueryable<Maker> Makers(this StaffScope scope, MarketplaceDb db)
    {
        var groups = scope.Groups(db);
        return db.Makers.Where(m => groups.Any(g => g.Id == m.HomeGroupId));
    }

    public static IQueryable<Listing> Listings(this StaffScope scope, MarketplaceDb db)
    {
        var groups = scope.Groups(db);
        return db.Listings.Where(l => groups.Any(g => g.Id == l.Programme!.GroupId));
    }
}
