using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using PasKreatif.Catalog;
using PasKreatif.Storefront.Hosting;

namespace PasKreatif.Storefront.Pages.Shop;

[OutputCache(PolicyName = CatalogHosting.CachePolicy)]
public class CategoriesModel(ShopDirectory directory) : PageModel
{
    public IReadOnlyList<CategoryEntry> Categories { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Categories = await directory.CategoriesAsync(ct);
}
