using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PasKreatif.Orders;
using PasKreatif.People;

namespace PasKreatif.Storefront.Pages.Cart;

/// <summary>The small uncached page holding the real add-to-cart form, so cached product pages can link here.</summary>
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public class AddModel(CartService carts, UserManager<Person> users, IStringLocalizer<CheckoutText> text) : PageModel
{
    public ListingForCart Listing { get; private set; } = null!;
    [BindProperty] public int Quantity { get; set; } = 1;
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(int listingId, CancellationToken ct)
    {
        var listing = await carts.ListingAsync(listingId, ct);
        if (listing is null) return NotFound();
        Listing = listing;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int listingId, CancellationToken ct)
    {
        var listing = await carts.ListingAsync(listingId, ct);
        if (listing is null) return NotFound();
        Listing = listing;
        if (ModelState[nameof(Quantity)]?.Errors.FirstOrDefault() is { } unreadable)
        {
            Problem = unreadable.ErrorMessage;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        var person = Guid.TryParse(users.GetUserId(User), out var id) ? id : (Guid?)null;
        var (cartId, problem) = await carts.AddAsync(CartCookie.Read(HttpContext), person, listingId, Quantity, ct);
        if (problem != CartProblem.None)
        {
            Problem = text["CartProblem." + problem];
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        CartCookie.Write(HttpContext, cartId);
        TempData["Notice"] = text["Added", listing.Title].Value;
        return RedirectToPage("/Cart/Index");
    }
}
