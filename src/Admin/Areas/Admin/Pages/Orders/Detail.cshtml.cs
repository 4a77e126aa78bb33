using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PasKreatif.Orders;
using PasKreatif.Organisation;
using PasKreatif.Payments;

namespace PasKreatif.Admin.Pages.Orders;

/// <summary>
/// One order for staff: its parts, money and waits. Confirming money, recording a collection,
/// cancelling a part and refunding lines are each in scope; the last two show what will be paid back
/// and ask for a confirmation before anything changes.
/// </summary>
public class DetailModel(StaffScopeAccessor scopes, OrderDesk desk, OfflinePaymentDesk payments, RefundDesk refunds, GatewayRefunds gatewayRefunds,
    OpenOrders open, IStringLocalizer<PaymentsText> text) : PageModel
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    public StaffOrderView View { get; private set; } = null!;
    public IndonesianZone Zone { get; private set; }
    [TempData] public string? Notice { get; set; }
    [BindProperty] public Dictionary<int, int> Units { get; set; } = [];
    [BindProperty] public string? Note { get; set; }
    /// <summary>A refund shown for confirmation, before it is made.</summary>
    public RefundPreview? Preview { get; private set; }
    /// <summary>The part whose cancellation awaits confirmation.</summary>
    public StaffPartView? Cancelling { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        View = await desk.ViewAsync(scope, Id, ct);
        Zone = await open.ZoneOfAsync(scope, ct);
    }

    public async Task<IActionResult> OnPostConfirmTransferAsync(string? reference, CancellationToken ct)
    {
        if (new TransferReferenceInput(reference).Validate() is [var broken, ..]) return Back(text[broken.Code]);
        var change = await payments.ConfirmTransferAsync(await scopes.GetAsync(ct), Id, reference, ct);
        return Back(text["Confirm." + change, reference?.Trim() ?? ""]);
    }

    public async Task<IActionResult> OnPostConfirmCashAsync(int fulfilmentId, CancellationToken ct) =>
        Back(text["ConfirmCash." + await payments.ConfirmCashAsync(await scopes.GetAsync(ct), fulfilmentId, ct)]);

    public async Task<IActionResult> OnPostCollectedAsync(int fulfilmentId, CancellationToken ct)
    {
        try
        {
            return Back(text["Collected." + await desk.RecordCollectedAsync(await scopes.GetAsync(ct), fulfilmentId, ct)]);
        }
        catch (FulfilmentRuleException e)
        {
            return Back(text["Step." + e.Code]);
        }
    }

    /// <summary>First press: what the cancellation pays back, shown for confirmation. Second (confirmed): done.</summary>
    public async Task<IActionResult> OnPostCancelPartAsync(int fulfilmentId, bool confirmed, CancellationToken ct)
    {
        if (new StaffNoteInput(Note).Validate() is [var broken, ..]) return Back(text[broken.Code]);
        if (confirmed) return Back(text["CancelPart." + await desk.CancelPartAsync(await scopes.GetAsync(ct), Id, fulfilmentId, Note, ct)]);
        await OnGetAsync(ct);
        Cancelling = View.Parts.FirstOrDefault(p => p.Part.Id == fulfilmentId && p.CanCancel);
        return Cancelling is null ? Back(text["CancelPart.NotAllowed"]) : Page();
    }

    public async Task<IActionResult> OnPostPreviewRefundAsync(CancellationToken ct)
    {
        await OnGetAsync(ct);
        Preview = await desk.PreviewRefundAsync(await scopes.GetAsync(ct), Id, Choices(), ct);
        if (Preview.Problem != RefundProblem.None)
        {
            ModelState.AddModelError(nameof(Units), text["RefundProblem." + Preview.Problem]);
            Preview = null;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostRefundAsync(CancellationToken ct)
    {
        if (new StaffNoteInput(Note).Validate() is [var broken, ..]) return Back(text[broken.Code]);
        var problem = await desk.RefundLinesAsync(await scopes.GetAsync(ct), Id, Choices(), Note, ct);
        return Back(text["RefundProblem." + problem]);
    }

    public async Task<IActionResult> OnPostRefundSentAsync(int refundId, string? reference, CancellationToken ct)
    {
        try
        {
            return Back(text["RefundSent." + await refunds.RecordSentAsync(await scopes.GetAsync(ct), refundId, reference, ct)]);
        }
        catch (RefundRuleException e)
        {
            return Back(text["RefundRule." + e.Code]);
        }
    }

    public async Task<IActionResult> OnPostRetryRefundAsync(int refundId, CancellationToken ct) =>
        Back(text["RefundRetry." + await gatewayRefunds.RetryAsync(await scopes.GetAsync(ct), refundId, ct)]);

    List<RefundChoice> Choices() => Units.Where(u => u.Value > 0).Select(u => new RefundChoice(u.Key, u.Value)).ToList();

    RedirectToPageResult Back(string notice)
    {
        Notice = notice;
        return RedirectToPage("/Orders/Detail", new { id = Id });
    }
}
