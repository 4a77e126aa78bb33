using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PasKreatif.Orders;
using PasKreatif.Organisation;

namespace PasKreatif.Admin.Pages.Payments;

/// <summary>
/// Money to confirm: each order's transfer (officers of any office with a part; one confirmation pays the
/// whole order) and each pickup part's cash (mentors and officers of that part's group, at handover).
/// </summary>
public class IndexModel(StaffScopeAccessor scopes, OrderQueries queries, OfflinePaymentDesk desk, IStringLocalizer<PaymentsText> text) : ListPageModel
{
    public ListPage<OfflinePaymentRow> Payments { get; private set; } = new([], null, null);
    public IReadOnlyList<OfflinePaymentRow> Rows => Payments.Rows;
    [TempData] public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Payments = await queries.OfflinePaymentsAsync(await scopes.GetAsync(ct), Asked, ct);

    public async Task<IActionResult> OnPostConfirmAsync(int orderId, string? reference, CancellationToken ct)
    {
        if (new TransferReferenceInput(reference).Validate() is [var broken, ..])
        {
            Notice = text[broken.Code];
            return RedirectToPage();
        }
        var change = await desk.ConfirmTransferAsync(await scopes.GetAsync(ct), orderId, reference, ct);
        Notice = text["Confirm." + change, reference?.Trim() ?? ""];
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostConfirmCashAsync(int fulfilmentId, CancellationToken ct)
    {
        var change = await desk.ConfirmCashAsync(await scopes.GetAsync(ct), fulfilmentId, ct);
        Notice = text["ConfirmCash." + change];
        return RedirectToPage();
    }
}
