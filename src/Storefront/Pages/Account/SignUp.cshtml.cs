using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PasKreatif.People;

namespace PasKreatif.Storefront.Pages.Account;

public class SignUpModel(BuyerAccounts accounts, IStringLocalizer<BuyerText> text) : PageModel
{
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Phone { get; set; }
    [BindProperty] public string Password { get; set; } = "";
    /// <summary>Set once the account is made: the page then says to open the mailed link.</summary>
    [BindProperty(SupportsGet = true, Name = "terkirim")] public bool Sent { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear(); // every message below is the shop's own, in the visitor's language
        var culture = System.Globalization.CultureInfo.CurrentUICulture.Name;
        var (outcome, errors) = await accounts.SignUpAsync(Name, Email, Phone, Password ?? "", culture, ct);
        switch (outcome)
        {
            case SignUpOutcome.Done: return RedirectToPage(new { terkirim = true });
            case SignUpOutcome.NameInvalid: ModelState.AddModelError(nameof(Name), text["NameInvalid"]); break;
            case SignUpOutcome.EmailInvalid or SignUpOutcome.EmailTaken: ModelState.AddModelError(nameof(Email), text[outcome.ToString()]); break;
            case SignUpOutcome.PhoneInvalid or SignUpOutcome.PhoneTaken: ModelState.AddModelError(nameof(Phone), text[outcome.ToString()]); break;
            default: ModelState.AddModelError(nameof(Password), text[errors.Contains("PasswordTooShort") ? "PasswordTooShort" : errors.Contains(PasswordLengthValidator.TooLong) ? "PasswordTooLong" : "PasswordRefused"]); break;
        }
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }
}
