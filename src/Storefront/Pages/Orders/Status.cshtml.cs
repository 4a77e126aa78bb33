using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PasKreatif.Orders;

namespace PasKreatif.Storefront.Pages.Orders;

/// <summary>The order's page behind its unguessable link: status, how to pay, cancel while nothing is prepared.</summary>
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public class StatusModel(OrderQueries queries, OrderLifecycle lifecycle, CardPaymentRestart restart, OrderOptions options,
    ShopLinks links, IStringLocalizer<CheckoutText> text) : PageModel
{
    public OrderView View { get; private set; } = null!;
    public OrderOptions Options => options;
    [TempData] public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        var view = await queries.ByTokenAsync(token, ct);
        if (view is null) return NotFound();
        View = view;
        Response.Headers["Referrer-Policy"] = "no-referrer"; // the link is the key: never leak it onward
        return Page();
    }

    public async Task<IActionResult> OnPostCancelAsync(string token, CancellationToken ct)
    {
        var change = await lifecycle.CancelByBuyerAsync(token, ct);
        if (change == OrderChange.Unknown) return NotFound();
        Notice = text["CancelResult." + change];
        return Redirect($"/pesanan/{token}");
    }

    public async Task<IActionResult> OnPostPayAsync(string token, CancellationToken ct)
    {
        var url = await restart.StartAsync(token, links.OrderPage(token), ct);
        if (url is not null) return Redirect(url);
        Notice = text["PaymentNotStarted"];
        return Redirect($"/pesanan/{token}");
    }
}
