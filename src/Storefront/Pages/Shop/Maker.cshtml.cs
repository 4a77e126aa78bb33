using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using PasKreatif.Catalog;
using PasKreatif.Storefront.Hosting;

namespace PasKreatif.Storefront.Pages.Shop;

[OutputCache(PolicyName = CatalogHosting.CachePolicy)]
public class MakerModel(CatalogPages pages, CatalogQueries catalog, PasKreatif.Reviews.ReviewQueries reviews) : CatalogListModel(catalog)
{
    public MakerProfile Profile { get; private set; } = null!;
    public TrustView Trust { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var profile = await pages.MakerAsync(slug, ct);
        if (profile is null) return NotFound();
        Profile = profile;
        Trust = new TrustView(await reviews.ForMakerAsync(slug, ct), [], null, ShowListingTitles: true);
        await LoadListAsync(new CatalogFilter { Maker = slug }, ct);
        return Page();
    }
}
