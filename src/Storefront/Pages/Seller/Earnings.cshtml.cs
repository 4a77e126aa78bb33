using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using PasKreatif.Ledger;
using PasKreatif.Makers;

namespace PasKreatif.Storefront.Pages.Seller;

public class EarningsModel(CurrentMaker current, MakerEarnings earnings, IStringLocalizer<WorkspaceText> text) : WorkspacePage(current, text)
{
    public Earnings Earnings { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await ResolveMakerAsync(ct)) return NotFound();
        var found = await earnings.ForAsync(MakerId, ct);
        if (found is null) return NotFound();
        Earnings = found;
        return Page();
    }

    /// <summary>Bar heights for the chart, scaled to the largest month or target.</summary>
    public double Scale => (double)Math.Max(1m, Earnings.Months.Max(m => Math.Max(m.Net.Amount, m.Target?.Amount ?? 0)));
}
