using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PasKreatif.Orders;
using PasKreatif.Payments;

namespace PasKreatif.Admin.Pages.Refunds;

/// <summary>Refunds to carry out in the viewer's scope, oldest first; an officer records a transfer back with its reference.</summary>
public class IndexModel(StaffScopeAccessor scopes, OrderDesk desk, RefundDesk refunds, OpenOrders open, IStringLocalizer<PaymentsText> text) : PageModel
{
    public IReadOnlyList<RefundToCarryOut> Rows { get; private set; } = [];
    public Organisation.IndonesianZone Zone { get; private set; }
    [TempData] public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        Rows = await desk.RefundsToCarryOutAsync(scope, ct);
        Zone = await open.ZoneOfAsync(scope, ct);
    }

    public async Task<IActionResult> OnPostSentAsync(int refundId, string? reference, CancellationToken ct)
    {
        try
        {
            Notice = text["RefundSent." + await refunds.RecordSentAsync(await scopes.GetAsync(ct), refundId, reference, ct)];
        }
        catch (RefundRuleException e)
        {
            Notice = text["RefundRule." + e.Code];
        }
        return RedirectToPage();
    }
}
