using Microsoft.EntityFrameworkCore;

namespace PasKreatif.Catalog;

/// <summary>The catalogue's categories, from what the programmes of the studies make.</summary>
public static class StandardCategories
{
    public const string Cakes = "kue-camilan";
    public const string ProcessedFood = "makanan-olahan";
    public const string FreshFish = "ikan-segar";
    public const string RecycledCrafts = "kerajinan-daur-ulang";
    public const string Handicrafts = "kerajinan-tangan";
    public const string Sewing = "jahitan-busana";
    public const string Hampers = "parsel-suvenir";
    public const string Paintings = "lukisan";
    public const string Welding = "karya-las";

    public static IReadOnlyList<Category> All() =>
    [
        new() { Slug = Cakes, NameId = "Kue & Camilan", NameEn = "Cakes & snacks", Position = 1, Perishable = true, UsuallyMadeToOrder = true },
        new() { Slug = ProcessedFood, NameId = "Makanan Olahan", NameEn = "Processed food", Position = 2 },
        new() { Slug = FreshFish, NameId = "Ikan Segar", NameEn = "Fresh fish", Position = 3, Perishable = true },
        new() { Slug = RecycledCrafts, NameId = "Kerajinan Daur Ulang", NameEn = "Recycled crafts", Position = 4 },
        new() { Slug = Handicrafts, NameId = "Kerajinan Tangan", NameEn = "Handicrafts", Position = 5 },
        new() { Slug = Sewing, NameId = "Jahitan & Busana", NameEn = "Sewing & clothing", Position = 6 },
        new() { Slug = Hampers, NameId = "Parsel & Suvenir", NameEn = "Hampers & souvenirs", Position = 7, UsuallyMadeToOrder = true },
        new() { Slug = Paintings, NameId = "Lukisan", NameEn = "Paintings", Position = 8, OneOfAKind = true },
        new() { Slug = Welding, NameId = "Karya Las", NameEn = "Welded goods", Position = 9, UsuallyMadeToOrder = true },
    ];
}

/// <summary>The standard categories every installation starts with; a category staff added or renamed stays as it is.</summary>
sealed class StandardCategoryRows : Persistence.IReferenceRows
{
    public async Task AddMissingAsync(Persistence.MarketplaceDb db, CancellationToken ct)
    {
        var slugs = await db.Categories.Select(c => c.Slug).ToListAsync(ct);
        db.Categories.AddRange(StandardCategories.All().Where(c => !slugs.Contains(c.Slug)));
    }
}
