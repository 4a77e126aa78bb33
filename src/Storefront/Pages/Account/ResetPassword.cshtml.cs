using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PasKreatif.People;

namespace PasKreatif.Storefront.Pages.Account;

public class ResetPasswordModel(PasswordReset reset, IStringLocalizer<SecurityText> text) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "orang")] public Guid PersonId { get; set; }
    [BindProperty(SupportsGet = true, Name = "token")] public string Token { get; set; } = "";
    [BindProperty, Display(Name = "NewPassword"), Required(ErrorMessage = "RequiredField"), DataType(DataType.Password), StringLength(200, MinimumLength = 8, ErrorMessage = "Length")] public string Password { get; set; } = "";
    [BindProperty, Display(Name = "ConfirmPassword"), Required(ErrorMessage = "RequiredField"), DataType(DataType.Password), StringLength(200)] public string ConfirmPassword { get; set; } = "";
    [BindProperty(SupportsGet = true, Name = "selesai")] public bool Done { get; set; }

    public bool LinkValid { get; private set; }

    public async Task OnGetAsync()
    {
        if (!Done) LinkValid = await reset.IsValidAsync(PersonId, Token);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        LinkValid = true;
        if (ModelState.IsValid && Password != ConfirmPassword)
            ModelState.AddModelError(nameof(ConfirmPassword), text["PasswordsDiffer"]);
        if (!ModelState.IsValid) return Page();
        var (outcome, _) = await reset.ResetAsync(PersonId, Token, Password);
        switch (outcome)
        {
            case PasswordResetOutcome.Done:
                return RedirectToPage(new { selesai = true });
            case PasswordResetOutcome.PasswordRefused:
                ModelState.AddModelError(nameof(Password), text["PasswordRefused"]);
                return Page();
            default:
                LinkValid = false;
                return Page();
        }
    }
}
