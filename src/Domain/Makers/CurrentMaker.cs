using Microsoft.EntityFrameworkCore;
using PasKreatif.Persistence;

namespace PasKreatif.Makers;

/// <summary>The maker behind a signed-in person; every workspace query starts from this id.</summary>
public sealed class CurrentMaker(MarketplaceDb db)
{
    public Task<int?> IdAsync(Guid personId, CancellationToken ct = default) =>
        db.Makers.Where(m => m.PersonId == personId).Select(m => (int?)m.Id).SingleOrDefaultAsync(ct);
}
