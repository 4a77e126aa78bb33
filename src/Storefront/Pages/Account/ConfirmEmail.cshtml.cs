using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PasKreatif.People;

namespace PasKreatif.Storefront.Pages.Account;

/// <summary>The mailed link: confirms the email once, joins the guest orders of that address, and signs the buyer in.</summary>
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public class ConfirmEmailModel(BuyerAccounts accounts, SignInManager<Person> signIn) : PageModel
{
    public bool Failed { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? orang, string? token, CancellationToken ct)
    {
        var person = orang is { } id && !string.IsNullOrEmpty(token) ? await accounts.ConfirmAsync(id, token, ct) : null;
        if (person is null)
        {
            Failed = true;
            return Page();
        }
        await signIn.SignInAsync(person, isPersistent: false);
        TempData["AccountNotice"] = "Confirmed";
        return RedirectToPage("/Account/Profile");
    }
}
