using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PasKreatif.Orders;

namespace PasKreatif.Storefront.Pages.Orders;

/// <summary>Cancelling asks first: what ends, and what money comes back and how. Only the confirmation's POST cancels.</summary>
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public class CancelModel(OrderQueries queries, OrderLifecycle lifecycle, IStringLocalizer<CheckoutText> text) : PageModel
{
    public OrderView View { get; private set; } = null!;
    [TempData] public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        var view = await queries.ByTokenAsync(token, ct);
        if (view is null) return NotFound();
        if (!view.CanCancel)
        {
            Notice = text[view.Order.IsOpen ? "CancelResult.NotAllowed" : "CancelResult.Closed"];
            return RedirectToPage("/Orders/Status", new { token });
        }
        View = view;
        Response.Headers["Referrer-Policy"] = "no-referrer";
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken ct)
    {
        var change = await lifecycle.CancelByBuyerAsync(token, ct);
        if (change == OrderChange.Unknown) return NotFound();
        Notice = text["CancelResult." + change];
        return RedirectToPage("/Orders/Status", new { token });
    }
}
