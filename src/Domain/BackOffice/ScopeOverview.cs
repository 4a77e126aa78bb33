using Microsoft.EntityFrameworkCore;
using PasKreatif.Catalog;
using PasKreatif.Makers;
using PasKreatif.Organisation;
using PasKreatif.Persistence;

namespace PasKreatif.BackOffice;

public sealed record GroupChoice(int Id, string Name);

public sealed record GroupOverviewRow(int GroupId, string GroupName, string OfficeName, int Makers, int ListingsOnSale, int ListingsWaiting);

/// <summary>The back office's start page: the groups in the caller's scope at a glance.</summary>
public sealed class ScopeOverview(MarketplaceDb db)
{
    public Task<List<GroupOverviewRow>> GroupsAsync(StaffScope scope, CancellationToken ct = default) =>
        scope.Groups(db).OrderBy(g => g.Office!.Name).ThenBy(g => g.Name)
            .Select(g => new GroupOverviewRow(
                g.Id, g.Name, g.Office!.Name,
                db.Set<Maker>().Count(m => m.HomeGroupId == g.Id),
                db.Set<Listing>().Where(Listing.OnSale).Count(l => l.Programme!.GroupId == g.Id),
                db.Set<Listing>().Count(l => l.Programme!.GroupId == g.Id && l.Status == ListingStatus.Submitted)))
            .ToListAsync(ct);

    public Task<List<GroupChoice>> GroupChoicesAsync(StaffScope scope, CancellationToken ct = default) =>
        scope.Groups(db).OrderBy(g => g.Name).Select(g => new GroupChoice(g.Id, g.Name)).ToListAsync(ct);

    public Task<List<Office>> OfficesAsync(CancellationToken ct = default) =>
        db.Offices.AsNoTracking().Include(o => o.Regencies).ThenInclude(r => r.Targets).OrderBy(o => o.Name).ToListAsync(ct);
}
