using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PasKreatif.People;

namespace PasKreatif.Storefront.Pages.Account;

public class ForgotPasswordModel(PasswordReset reset, IStringLocalizer<ShopText> fields) : PageModel
{
    [BindProperty] public string? Email { get; set; }
    /// <summary>Set after a request, whatever the address: the page never tells whether it exists.</summary>
    [BindProperty(SupportsGet = true, Name = "terkirim")] public bool Sent { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.AddAccountErrors(new ForgotPasswordInput(Email).Validate(), fields, _ => new("EmailLabel"));
        if (!ModelState.IsValid) return Page();
        await reset.RequestAsync(EmailRule.Clean(Email)!, ct);
        return RedirectToPage(new { terkirim = true });
    }
}
