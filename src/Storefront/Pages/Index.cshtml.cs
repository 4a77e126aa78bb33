using Microsoft.AspNetCore.Mvc.RazorPages;
using PasKreatif.Catalog;

namespace PasKreatif.Storefront.Pages;

public class IndexModel(ShopQueries shop) : PageModel
{
    public IReadOnlyList<ListingCard> Newest { get; private set; } = [];
    public IReadOnlyList<CategoryLink> Categories { get; private set; } = [];
    public IReadOnlyList<ProgrammeLink> Programmes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Newest = await shop.NewestAsync(12, ct);
        Categories = await shop.CategoriesAsync(ct);
        Programmes = await shop.ProgrammesAsync(ct);
    }
}
