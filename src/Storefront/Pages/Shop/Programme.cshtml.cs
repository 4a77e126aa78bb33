using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using PasKreatif.Catalog;
using PasKreatif.Storefront.Hosting;

namespace PasKreatif.Storefront.Pages.Shop;

[OutputCache(PolicyName = CatalogHosting.CachePolicy)]
public class ProgrammeModel(CatalogPages pages, CatalogQueries catalog) : CatalogListModel(catalog)
{
    public ProgrammeProfile Profile { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var profile = await pages.ProgrammeAsync(slug, ct);
        if (profile is null) return NotFound();
        Profile = profile;
        OffersProgrammeFilter = false;
        await LoadListAsync(new CatalogFilter { Programme = slug }, ct);
        return Page();
    }
}
