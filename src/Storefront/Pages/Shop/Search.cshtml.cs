using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using PasKreatif.Catalog;
using PasKreatif.Storefront.Hosting;

namespace PasKreatif.Storefront.Pages.Shop;

[OutputCache(PolicyName = CatalogHosting.CachePolicy)]
public class SearchModel(CatalogSearch search, ShopQueries shop) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")] public string? Query { get; set; }
    [BindProperty(SupportsGet = true, Name = "hal")] public int PageNumber { get; set; } = 1;

    public SearchResult Result { get; private set; } = SearchResult.Empty;

    /// <summary>Where to look instead when nothing matched.</summary>
    public IReadOnlyList<CategoryLink> Categories { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Result = await search.SearchAsync(Query, PageNumber, ct);
        if (Result.Query.Length > 0 && Result.Hits.Count == 0) Categories = await shop.CategoriesAsync(ct);
    }

    /// <summary>The words as the buyer typed them (escaped when shown), not as they were cleaned for the search.</summary>
    public string Typed => (Query ?? "").Trim() is { Length: > 100 } text ? text[..100] + "…" : (Query ?? "").Trim();

    public string PageUrl(int page) => Url.Page("/Shop/Search", new { q = Query ?? "", hal = page })!;
}
