using Microsoft.EntityFrameworkCore;
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
public sealed class ShopQueries(MarketplaceDb db)
{
    public Task<List<CategoryLink>> CategoriesAsync(CancellationToken ct = default) =>
        db.Categories.OrderBy(c => c.Position).Select(c => new CategoryLink(c.Slug, c.NameId, c.NameEn)).ToListAsync(ct);

    /// <summary>The programmes with the most makers first; a count bounds lists that would grow with the shop.</summary>
    public Task<List<ProgrammeLink>> ProgrammesAsync(int count = int.MaxValue, CancellationToken ct = default) =>
        db.Programmes.OrderByDescending(p => db.MakerProgrammes.Count(m => m.ProgrammeId == p.Id)).ThenBy(p => p.Name).ThenBy(p => p.Id)
            .Take(count)
            .Select(p => new ProgrammeLink(p.Slug, p.Name, p.Group!.Name, p.Group.Regency!.Name))
            .ToListAsync(ct);
}
