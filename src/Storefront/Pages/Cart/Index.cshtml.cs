using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PasKreatif.Orders;

namespace PasKreatif.Storefront.Pages.Cart;

public class IndexModel(CartService carts, IStringLocalizer<CheckoutText> text) : PageModel
{
    public CartView Cart { get; private set; } = CartView.Empty;
    [TempData] public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Cart = await carts.ViewAsync(CartCookie.Read(HttpContext), ct);

    public async Task<IActionResult> OnPostQuantityAsync(int listingId, int quantity, CancellationToken ct)
    {
        if (CartCookie.Read(HttpContext) is not { } cartId) return RedirectToPage();
        var problem = await carts.SetQuantityAsync(cartId, listingId, quantity, ct);
        Notice = problem == CartProblem.None ? text["CartUpdated"] : text["CartProblem." + problem];
        return RedirectToPage();
    }

    public Task<IActionResult> OnPostRemoveAsync(int listingId, CancellationToken ct) => OnPostQuantityAsync(listingId, 0, ct);
}
