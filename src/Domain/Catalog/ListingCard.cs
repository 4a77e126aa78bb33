using Microsoft.EntityFrameworkCore;
using PasKreatif.Makers;
using PasKreatif.Organisation;
using PasKreatif.Persistence;

namespace PasKreatif.Catalog;

/// <summary>What a product card shows: only public fields, never a maker's private data.</summary>
public sealed record ListingCard(
    int Id, string Slug, string Title, Money Price, bool InStock, bool MadeToOrder,
    string MakerName, string MakerSlug, string ProgrammeName, string? PhotoHash, int PhotoWidth, int PhotoHeight);

public sealed record CategoryLink(string Slug, string NameId, string NameEn)
{
    public string Name(string culture) => culture.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? NameEn : NameId;
}

public sealed record ProgrammeLink(string Slug, string Name, string GroupName, string RegencyName);

/// <summary>The public shop's read side.</summary>
public sealed class ShopQueries(MarketplaceDb db, CatalogMemory memory)
{
    /// <summary>A dozen rows every list page, the home page and the 404 page name: read once until the catalogue changes.</summary>
    public Task<IReadOnlyList<CategoryLink>> CategoriesAsync(CancellationToken ct = default) =>
        memory.Categories.GetAsync(0, async () =>
        {
            IReadOnlyList<CategoryLink> all = await db.Categories.AsNoTracking().OrderBy(c => c.Position)
                .Select(c => new CategoryLink(c.Slug, c.NameId, c.NameEn)).ToListAsync(ct);
            return (all, []);
        });

    /// <summary>A category by its slug, from the remembered list.</summary>
    public async Task<CategoryLink?> CategoryAsync(string slug, CancellationToken ct = default) =>
        (await CategoriesAsync(ct)).FirstOrDefault(c => c.Slug == slug);

    /// <summary>The programmes with the most makers first; a count bounds lists that would grow with the shop.</summary>
    public Task<List<ProgrammeLink>> ProgrammesAsync(int count = int.MaxValue, CancellationToken ct = default) =>
        db.Programmes.OrderByDescending(p => db.Set<MakerProgramme>().Count(m => m.ProgrammeId == p.Id)).ThenBy(p => p.Name).ThenBy(p => p.Id)
            .Take(count)
            .Select(p => new ProgrammeLink(p.Slug, p.Name, p.Group!.Name, p.Group.Regency!.Name))
            .ToListAsync(ct);
}
