using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PasKreatif.Orders;
using PasKreatif.Organisation;
using PasKreatif.Payments;
using PasKreatif.People;
using PasKreatif.Storefront.Pages.Cart;
using PasKreatif.Storefront.Pages.Shop;

namespace PasKreatif.Storefront.Pages.Checkout;

public sealed class DeliveryInput
{
    public int MakerId { get; set; }
    public DeliveryMethod Method { get; set; }
    public DateOnly? PickupDate { get; set; }
}

/// <summary>
/// The checkout form. Each part's delivery price and the total for the chosen zone are shown before
/// placing: "Hitung ulang" recalculates without JavaScript, a small script updates them live, and the
/// order is placed only at the total the page showed.
/// </summary>
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public class IndexModel(CartService carts, CheckoutService checkout, PaymentMethods methods, OrderOptions options, ShopLinks links,
    UserManager<Person> users, BuyerAccounts accounts, TimeProvider clock, IStringLocalizer<CheckoutText> text) : PageModel
{
    [BindProperty] public string Name { get; set; } = "";
    [BindProperty] public string Phone { get; set; } = "";
    [BindProperty] public string Email { get; set; } = "";
    [BindProperty] public string Address { get; set; } = "";
    [BindProperty] public IndonesianZone Zone { get; set; } = IndonesianZone.WIB;
    [BindProperty] public PaymentMethod Method { get; set; } = PaymentMethod.BankTransfer;
    [BindProperty] public List<DeliveryInput> Deliveries { get; set; } = [];
    /// <summary>The total this page showed when the buyer pressed "Pesan sekarang", in whole rupiah.</summary>
    [BindProperty] public string? ShownTotal { get; set; }

    public CartView Cart { get; private set; } = CartView.Empty;
    /// <summary>The signed-in buyer's saved addresses; the newest (or the one picked by ?alamat=) fills the form.</summary>
    public IReadOnlyList<BuyerAddress> SavedAddresses { get; private set; } = [];
    public CheckoutQuote Quote { get; private set; } = new(IndonesianZone.WIB, []);
    public IReadOnlyList<PaymentMethod> Methods => methods.Available;
    public OrderOptions Options => options;
    public DateTimeOffset Now => clock.GetUtcNow();

    public async Task<IActionResult> OnGetAsync(int? alamat, CancellationToken ct)
    {
        Cart = await carts.ViewAsync(CartCookie.Read(HttpContext), ct);
        if (Cart.IsEmpty) return RedirectToPage("/Cart/Index");
        if (await users.GetUserAsync(User) is { } person)
        {
            Name = person.DisplayName;
            Email = person.Email ?? "";
            Phone = person.PhoneNumber ?? "";
            SavedAddresses = await accounts.AddressesAsync(person.Id, ct);
            Address = (SavedAddresses.FirstOrDefault(a => a.Id == alamat) ?? (SavedAddresses.Count > 0 ? SavedAddresses[0] : null))?.Text ?? "";
        }
        Zone = ZoneChoice.Of(HttpContext);
        Deliveries = Cart.Makers.Select(m => new DeliveryInput
        {
            MakerId = m.MakerId, Method = DeliveryRules.Allowed(m.Parcel) is [var first, ..] ? first : default,
            PickupDate = DeliveryRules.EarliestPickup(m.Parcel, Now),
        }).ToList();
        Quote = CheckoutPricing.Quote(Cart, Chosen(), Zone, options);
        return Page();
    }

    /// <summary>"Hitung ulang": the same form with each part's delivery and the total for the choices made, nothing placed.</summary>
    public async Task<IActionResult> OnPostQuoteAsync(CancellationToken ct)
    {
        ModelState.Clear();
        Cart = await carts.ViewAsync(CartCookie.Read(HttpContext), ct);
        if (Cart.IsEmpty) return RedirectToPage("/Cart/Index");
        if (!Enum.IsDefined(Zone)) Zone = IndonesianZone.WIB;
        Quote = CheckoutPricing.Quote(Cart, Chosen(), Zone, options);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        // Dates the browser could not send as a date ("garbage", a year 0) are named, not silently dropped.
        var unreadableDates = Deliveries.Select((d, i) => i).Where(i => ModelState[$"Deliveries[{i}].PickupDate"]?.Errors.Count > 0).ToList();
        ModelState.Clear(); // every message below comes from the shop's own checks, in the buyer's language
        var cartId = CartCookie.Read(HttpContext);
        if (cartId is null) return RedirectToPage("/Cart/Index");
        CheckFields();
        foreach (var index in unreadableDates) ModelState.AddModelError($"Deliveries[{index}]", text["DeliveryProblem.PickupDateInvalid"]);
        if (!ModelState.IsValid)
        {
            Cart = await carts.ViewAsync(cartId, ct);
            if (Cart.IsEmpty) return await RepeatedOrEmptyAsync(cartId.Value, ct);
            Quote = CheckoutPricing.Quote(Cart, Chosen(), Enum.IsDefined(Zone) ? Zone : IndonesianZone.WIB, options);
            return Invalid();
        }

        var shown = Money.TryParse(ShownTotal, out var total) == MoneyProblem.None ? total : (Money?)null;
        var buyer = Guid.TryParse(users.GetUserId(User), out var id) ? id : (Guid?)null;
        var request = new CheckoutRequest(cartId.Value, buyer, Name, Phone, Email, Address, Zone,
            CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, Method,
            Deliveries.Select(d => new DeliveryChoice(d.MakerId, d.Method, d.PickupDate)).ToList(), shown ?? Money.Of(-1));
        // The service reads the cart under its lock; the page reads it again only to show a refusal.
        var result = await checkout.PlaceAsync(request, links.BaseUrl, ct);
        if (result.Problem == CheckoutProblem.None)
        {
            if (result.Repeated) TempData["Notice"] = text["AlreadyPlaced"].Value;
            var orderPage = Url.Page("/Orders/Status", new { token = result.Order!.PublicToken })!;
            return Redirect(result.Repeated ? orderPage : result.RedirectUrl ?? orderPage);
        }
        if (result.Problem == CheckoutProblem.EmptyCart) return await RepeatedOrEmptyAsync(cartId.Value, ct);
        Cart = await carts.ViewAsync(cartId, ct);
        Quote = CheckoutPricing.Quote(Cart, Chosen(), Zone, options);
        switch (result.Problem)
        {
            case CheckoutProblem.SoldOut:
                ModelState.AddModelError("", text["SoldOutNow", string.Join(", ", result.SoldOut ?? [])]);
                if (Cart.IsEmpty) return RedirectToPage("/Cart/Index");
                break;
            case CheckoutProblem.Delivery:
                foreach (var (makerId, problem) in result.Delivery!)
                {
                    var index = Deliveries.FindIndex(d => d.MakerId == makerId);
                    ModelState.AddModelError(index >= 0 ? $"Deliveries[{index}]" : "", text["DeliveryProblem." + problem]);
                }
                break;
            case CheckoutProblem.TotalChanged:
                Quote = result.Quote!;
                ModelState.AddModelError("", text["TotalChanged", Quote.Total, Zone]);
                break;
            default:
                ModelState.AddModelError("", text["CheckoutProblem." + result.Problem]);
                break;
        }
        return Invalid();
    }

    /// <summary>A cart already turned into an order (a second press, the back button) shows that order; else the empty cart.</summary>
    async Task<IActionResult> RepeatedOrEmptyAsync(Guid cartId, CancellationToken ct)
    {
        var placed = await checkout.PlacedFromCartAsync(cartId, ct);
        if (placed is null) return RedirectToPage("/Cart/Index");
        TempData["Notice"] = text["AlreadyPlaced"].Value;
        return RedirectToPage("/Orders/Status", new { token = placed });
    }

    PageResult Invalid()
    {
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    /// <summary>The details' own rules, each broken one shown at its field in the buyer's language.</summary>
    void CheckFields()
    {
        var details = new CheckoutDetails(Name, Phone, Email, Address, Zone, Method).Trimmed();
        (Name, Phone, Email, Address) = (details.Name!, details.Phone!, details.Email!, details.Address!);
        foreach (var error in details.Validate())
            ModelState.AddModelError(error.Field, text[error.Field == nameof(Method) ? "CheckoutProblem." + error.Code : error.Code]);
    }

    Dictionary<int, DeliveryMethod> Chosen() => Deliveries.GroupBy(d => d.MakerId).ToDictionary(g => g.Key, g => g.First().Method);

    public DeliveryInput DeliveryFor(int makerId) => Deliveries.FirstOrDefault(d => d.MakerId == makerId) ?? new DeliveryInput { MakerId = makerId };
}
