using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PasKreatif.Orders;
using PasKreatif.Payments;
using PasKreatif.Reviews;

namespace PasKreatif.Storefront.Pages.Orders;

/// <summary>
/// The order's page behind its unguessable link: status, how to pay, each part's handover, refunds and
/// the account a transfer back goes to, the review invitation once complete. Cancelling is a separate
/// confirmation page.
/// </summary>
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public class StatusModel(OrderQueries queries, ReviewQueries reviews, PaymentAttempts attempts, RefundDesk refunds, OrderOptions options,
    ShopLinks links, IStringLocalizer<CheckoutText> text) : PageModel
{
    public OrderView View { get; private set; } = null!;
    /// <summary>Once complete: the state of the review already written for each line (for an account: for its listing).</summary>
    public IReadOnlyDictionary<int, ReviewStatus> Reviewed { get; private set; } = new Dictionary<int, ReviewStatus>();
    public OrderOptions Options => options;
    [TempData] public string? Notice { get; set; }
    /// <summary>The refund whose account form was refused, with the field's message.</summary>
    public (int RefundId, string Message)? AccountProblem { get; private set; }
    [BindProperty] public string? Bank { get; set; }
    [BindProperty] public string? AccountNumber { get; set; }
    [BindProperty] public string? AccountHolder { get; set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        var view = await queries.ByTokenAsync(token, ct);
        if (view is null) return NotFound();
        View = view;
        if (view.IsCompleted) Reviewed = await reviews.OfOrderAsync(view.Order, ct);
        Response.Headers["Referrer-Policy"] = "no-referrer"; // the link is the key: never leak it onward
        return Page();
    }

    public async Task<IActionResult> OnPostPayAsync(string token, CancellationToken ct)
    {
        var start = await attempts.RestartAsync(token, links.OrderPage(token), ct);
        if (start.RedirectUrl is { } url) return Redirect(url);
        Notice = text["PaymentStart." + start.Outcome];
        return RedirectToPage("/Orders/Status", new { token });
    }

    /// <summary>The buyer says where a transfer back goes; a refused field shows its message and keeps what was typed.</summary>
    public async Task<IActionResult> OnPostRefundAccountAsync(string token, int refundId, CancellationToken ct)
    {
        try
        {
            if (await refunds.GiveAccountAsync(token, refundId, Bank, AccountNumber, AccountHolder, ct) == RefundStep.Unknown) return NotFound();
            Notice = text["RefundAccountSaved"];
            return RedirectToPage("/Orders/Status", null, new { token }, "pengembalian");
        }
        catch (RefundRuleException e)
        {
            AccountProblem = (refundId, text["RefundRule." + e.Code]);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return await OnGetAsync(token, ct);
        }
    }
}
