using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PasKreatif.People;

namespace PasKreatif.Storefront.Pages.Account;

public class SignInModel(SignInManager<Person> signIn, UserManager<Person> users, BuyerAccounts buyers, IStringLocalizer<ShopText> text,
    IStringLocalizer<BuyerText> buyerText) : PageModel
{
    [BindProperty] public string? Login { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty] public bool RememberMe { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    /// <summary>The password was right but the email of a self-made account is not confirmed yet.</summary>
    public bool NeedsConfirmation { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        ModelState.AddAccountErrors(new SignInInput(Login, Password).Validate(), text, field => field == nameof(Login)
            ? new("UserNameOrEmail", 1, SignInInput.LoginMaxLength) : new("Password", 1, SignInInput.PasswordMaxLength));
        if (!ModelState.IsValid) return Page();
        var login = Login!.Trim();
        var password = Password!;
        // Makers often have no email: a user name works as well as an address.
        var person = await users.FindByNameAsync(login) ?? await users.FindByEmailAsync(login) ?? await buyers.ByPhoneAsync(login);
        if (person is null || person.DeletedAt is not null)
        {
            // As slow as a real check, so the answer's timing does not tell which names exist either.
            users.PasswordHasher.VerifyHashedPassword(new Person(), UnknownPersonHash, password);
        }
        else
        {
            var result = await signIn.PasswordSignInAsync(person, password, RememberMe, lockoutOnFailure: true);
            if (result.Succeeded)
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : StartPage(await users.GetRolesAsync(person)));
            // Identity answers a lock or a missing confirmation before it checks the password: only whoever knows
            // the password is told, anyone else reads the one failure message, so no user name can be probed.
            var knowsPassword = (result.IsLockedOut || result.IsNotAllowed) && await users.CheckPasswordAsync(person, password);
            if (result.IsLockedOut && knowsPassword)
            {
                ModelState.AddModelError("", text["LockedOut"]);
                return Page();
            }
            if (result.IsNotAllowed && knowsPassword)
            {
                NeedsConfirmation = true;
                ModelState.AddModelError("", buyerText["ConfirmFirst"]);
                return Page();
            }
        }
        ModelState.AddModelError("", text["SignInFailed"]);
        return Page();
    }

    // Checked against when no account matches, so an unknown name costs as long as a wrong password.
    static readonly string UnknownPersonHash = new PasswordHasher<Person>().HashPassword(new Person(), Guid.NewGuid().ToString());

    /// <summary>Staff start in the back office, makers in their workspace, buyers in the shop.</summary>

    string StartPage(IList<string> roles) =>
        roles.Any(r => r is Roles.Administrator or Roles.Officer or Roles.Mentor) ? Url.Page("/Index", new { area = "Admin" })!
        : roles.Contains(Roles.Maker) ? Url.Page("/Seller/Index")!
        : Url.Page("/Index")!;
}
