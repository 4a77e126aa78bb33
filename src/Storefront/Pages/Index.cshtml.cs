using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using PasKreatif.Catalog;
using PasKreatif.Storefront.Hosting;

namespace PasKreatif.Storefront.Pages;

[OutputCache(PolicyName = CatalogHosting.CachePolicy)]
public class IndexModel(CatalogPages pages) : PageModel
{
    public HomePage Home { get; private set; } = new([], [], [], []);

    public async Task OnGetAsync(CancellationToken ct) => Home = await pages.HomeAsync(ct);
}
