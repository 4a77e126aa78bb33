using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using PasKreatif.Makers;
using PasKreatif.Orders;

namespace PasKreatif.Storefront.Pages.Seller.Orders;

public class IndexModel(CurrentMaker current, MakerOrders orders, IStringLocalizer<WorkspaceText> text) : WorkspacePage(current, text)
{
    public IReadOnlyList<OwnFulfilmentRow> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await ResolveMakerAsync(ct)) return NotFound();
        Rows = await orders.ListAsync(MakerId, ct);
        return Page();
    }
}
