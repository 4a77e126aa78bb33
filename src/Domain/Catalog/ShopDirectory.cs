using Microsoft.EntityFrameworkCore;
using PasKreatif.Makers;
using PasKreatif.Organisation;
using PasKreatif.Persistence;

namespace PasKreatif.Catalog;

public sealed record CategoryEntry(CategoryLink Category, int OnSale);

/// <summary>A programme as the public list shows it: what it is, where, how many makers take part and what they sold.</summary>
public sealed record ProgrammeEntry(string Slug, string Name, string GroupName, string RegencyName, int Makers, int OnSale, int UnitsSold);

/// <summary>The shop's two directories, /kategori and /program, each one grouped query.</summary>
public sealed class ShopDirectory(MarketplaceDb db)
{
    public Task<List<CategoryEntry>> CategoriesAsync(CancellationToken ct = default) =>
        db.Categories.AsNoTracking().OrderBy(c => c.Position).ThenBy(c => c.Id)
            .Select(c => new CategoryEntry(new CategoryLink(c.Slug, c.NameId, c.NameEn),
                db.Set<Listing>().Where(Listing.OnSale).Count(l => l.CategoryId == c.Id)))
            .ToListAsync(ct);

    /// <summary>Every programme, by region then name, so a buyer finds the ones near them.</summary>
    public Task<List<ProgrammeEntry>> ProgrammesAsync(CancellationToken ct = default) =>
        db.Programmes.AsNoTracking().OrderBy(p => p.Group!.Regency!.Name).ThenBy(p => p.Name).ThenBy(p => p.Id)
            .Select(p => new ProgrammeEntry(p.Slug, p.Name, p.Group!.Name, p.Group.Regency!.Name,
                db.Set<MakerProgramme>().Count(m => m.ProgrammeId == p.Id),
                db.Set<Listing>().Where(Listing.OnSale).Count(l => l.ProgrammeId == p.Id),
                db.Set<Listing>().Where(l => l.ProgrammeId == p.Id).Sum(l => l.UnitsSold)))
            .ToListAsync(ct);
}
