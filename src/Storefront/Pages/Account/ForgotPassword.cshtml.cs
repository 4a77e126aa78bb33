using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PasKreatif.People;

namespace PasKreatif.Storefront.Pages.Account;

public class ForgotPasswordModel(PasswordReset reset) : PageModel
{
    [BindProperty, Display(Name = "EmailLabel"), Required(ErrorMessage = "RequiredField"), EmailAddress(ErrorMessage = "Email"), StringLength(EmailRule.MaxLength)] public string Email { get; set; } = "";
    /// <summary>Set after a request, whatever the address: the page never tells whether it exists.</summary>
    [BindProperty(SupportsGet = true, Name = "terkirim")] public bool Sent { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return Page();
        await reset.RequestAsync(Email, ct);
        return RedirectToPage(new { terkirim = true });
    }
}
