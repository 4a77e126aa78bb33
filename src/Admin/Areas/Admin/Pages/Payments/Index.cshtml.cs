using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PasKreatif.Orders;
using PasKreatif.Organisation;

namespace PasKreatif.Admin.Pages.Payments;

/// <summary>Officers confirm bank transfers of their office; mentors and officers confirm cash handed over at pickup.</summary>
public class IndexModel(StaffScopeAccessor scopes, OrderQueries queries, OfflinePaymentDesk desk, IStringLocalizer<PaymentsText> text) : PageModel
{
    public IReadOnlyList<OfflinePaymentRow> Rows { get; private set; } = [];
    [TempData] public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Rows = await queries.OfflinePaymentsAsync(await scopes.GetAsync(ct), ct);

    public async Task<IActionResult> OnPostConfirmAsync(int orderId, string? reference, CancellationToken ct)
    {
        if (reference?.Length > 120)
        {
            Notice = text["ReferenceTooLong"];
            return RedirectToPage();
        }
        try
        {
            var change = await desk.ConfirmAsync(await scopes.GetAsync(ct), orderId, reference, ct);
            Notice = text["Confirm." + change];
            return RedirectToPage();
        }
        catch (OutOfScopeException)
        {
            return NotFound();
        }
    }
}
