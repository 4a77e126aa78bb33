using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using PasKreatif.Catalog;
using PasKreatif.Storefront.Hosting;

namespace PasKreatif.Storefront.Pages.Shop;

[OutputCache(PolicyName = CatalogHosting.CachePolicy)]
public class SearchModel(CatalogSearch search) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")] public string? Query { get; set; }
    [BindProperty(SupportsGet = true, Name = "hal")] public int PageNumber { get; set; } = 1;

    public SearchResult Result { get; private set; } = new("", [], 1, false, []);

    public async Task OnGetAsync(CancellationToken ct) => Result = await search.SearchAsync(Query, PageNumber, ct);

    public string PageUrl(int page) => $"/cari?q={Uri.EscapeDataString(Query ?? "")}&hal={page}";
}
