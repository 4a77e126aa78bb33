using PasKreatif.Organisation;
using PasKreatif.Persistence;

namespace PasKreatif.Catalog;

/// <summary>Listings a member of staff may reach: a listing by its programme's group.</summary>
public static class ListingScope
{
    public static IQueryable<Listing> Listings(this StaffScope scope, MarketplaceDb db)
    {
        var groups = scope.Groups(db);
        return db.Listings.Where(l => groups.Any(g => g.Id == l.Programme!.GroupId));
    }
}
