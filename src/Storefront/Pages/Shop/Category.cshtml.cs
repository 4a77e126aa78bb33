using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using PasKreatif.Catalog;
using PasKreatif.Storefront.Hosting;

namespace PasKreatif.Storefront.Pages.Shop;

[OutputCache(PolicyName = CatalogHosting.CachePolicy)]
public class CategoryModel(CatalogPages pages, CatalogQueries catalog) : CatalogListModel(catalog)
{
    public CategoryLink Category { get; private set; } = null!;
    public string Name => Category.Name(CultureInfo.CurrentUICulture.Name);

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var category = await pages.CategoryAsync(slug, ct);
        if (category is null) return NotFound();
        Category = category;
        await LoadListAsync(new CatalogFilter { Category = slug }, ct);
        return Page();
    }
}
