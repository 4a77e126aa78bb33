using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PasKreatif.People;

namespace PasKreatif.Storefront.Pages.Account;

public class ResetPasswordModel(PasswordReset reset, IStringLocalizer<SecurityText> text, IStringLocalizer<ShopText> fields) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "orang")] public Guid PersonId { get; set; }
    [BindProperty(SupportsGet = true, Name = "token")] public string Token { get; set; } = "";
    [BindProperty] public string? Password { get; set; }
    [BindProperty] public string? ConfirmPassword { get; set; }
    [BindProperty(SupportsGet = true, Name = "selesai")] public bool Done { get; set; }

    public bool LinkValid { get; private set; }

    public async Task OnGetAsync()
    {
        if (!Done) LinkValid = await reset.IsValidAsync(PersonId, Token);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        LinkValid = true;
        var errors = new ResetPasswordInput(Password, ConfirmPassword).Validate();
        foreach (var differ in errors.Where(e => e.Code == AccountInputCodes.PasswordsDiffer)) ModelState.AddModelError(differ.Field, text["PasswordsDiffer"]);
        ModelState.AddAccountErrors(errors.Where(e => e.Code != AccountInputCodes.PasswordsDiffer), fields, field => field == nameof(Password)
            ? new("NewPassword", PasswordRule.MinLength, PasswordRule.MaxLength) : new("ConfirmPassword"));
        if (!ModelState.IsValid) return Page();
        var (outcome, _) = await reset.ResetAsync(PersonId, Token, Password!);
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
