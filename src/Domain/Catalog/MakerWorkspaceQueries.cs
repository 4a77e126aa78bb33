using Microsoft.EntityFrameworkCore;
using PasKreatif.Makers;
using PasKreatif.Persistence;

namespace PasKreatif.Catalog;

public sealed record OwnListingRow(int Id, string Title, ListingStatus Status, Money Price, int Stock, bool MadeToOrder, DateTimeOffset UpdatedAt);

public sealed record MakerHome(int MakerId, string DisplayName, string GroupName, IReadOnlyList<OwnListingRow> Listings);

/// <summary>The maker's own workspace: every query is narrowed to the signed-in maker's rows.</summary>
public sealed class MakerWorkspaceQueries(MarketplaceDb db)
{
    public async Task<MakerHome?> HomeAsync(Guid personId, CancellationToken ct = default)
    {
        var maker = await db.Makers.Where(m => m.PersonId == personId)
            .Select(m => new { m.Id, m.DisplayName, GroupName = m.HomeGroup!.Name })
            .SingleOrDefaultAsync(ct);
        if (maker is null) return null;
        var listings = await db.Listings.Where(l => l.MakerId == maker.Id && l.Status != ListingStatus.Archived)
            .OrderByDescending(l => l.UpdatedAt)
            .Select(l => new OwnListingRow(l.Id, l.Title, l.Status, l.Price, l.Stock, l.MadeToOrder, l.UpdatedAt))
            .ToListAsync(ct);
        return new MakerHome(maker.Id, maker.DisplayName, maker.GroupName, listings);
    }
}
