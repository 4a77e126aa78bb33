using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PasKreatif.People;

namespace PasKreatif.Storefront.Pages.Account.Password;

/// <summary>Where a set-password link lands: the person chooses their own password; the token works once and for 24 hours.</summary>
public class SetPasswordModel(UserManager<Person> users, IStringLocalizer<AccountText> text, IStringLocalizer<ShopText> fields) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "orang")] public string? PersonId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Token { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty] public string? Repeat { get; set; }
    public bool Done { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        // The same rules as a reset link's form; this form names its second field "Repeat".
        var errors = new ResetPasswordInput(Password, Repeat).Validate()
            .Select(e => e.Field == nameof(ResetPasswordInput.ConfirmPassword) ? e with { Field = nameof(Repeat) } : e).ToList();
        foreach (var differ in errors.Where(e => e.Code == AccountInputCodes.PasswordsDiffer)) ModelState.AddModelError(differ.Field, text["PasswordsDiffer"]);
        ModelState.AddAccountErrors(errors.Where(e => e.Code != AccountInputCodes.PasswordsDiffer), fields, field => field == nameof(Password)
            ? new("NewPassword", PasswordRule.MinLength, PasswordRule.MaxLength) : new("ConfirmPassword"));
        if (!ModelState.IsValid) return Page();
        var person = Guid.TryParse(PersonId, out var id) ? await users.FindByIdAsync(id.ToString()) : null;
        if (person is null || string.IsNullOrEmpty(Token))
        {
            ModelState.AddModelError("", text["LinkInvalid"]);
            return Page();
        }
        var result = await users.ResetPasswordAsync(person, Token, Password!);
        if (result.Succeeded)
        {
            Done = true;
            return Page();
        }
        var password = result.Errors.Any(e => e.Code.StartsWith("Password", StringComparison.Ordinal));
        var tooLong = result.Errors.Any(e => e.Code == PasswordLengthValidator.TooLong);
        ModelState.AddModelError("", text[tooLong ? "PasswordTooLong" : password ? "PasswordTooWeak" : "LinkInvalid"]);
        return Page();
    }
}
