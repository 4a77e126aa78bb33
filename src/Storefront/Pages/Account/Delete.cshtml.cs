using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PasKreatif.People;

namespace PasKreatif.Storefront.Pages.Account;

/// <summary>Delete my account: the password once more, then personal data goes and orders stay without it.</summary>
[Authorize]
public class DeleteModel(BuyerAccounts accounts, UserManager<Person> users, SignInManager<Person> signIn, IStringLocalizer<BuyerText> text) : PageModel
{
    [BindProperty] public string? Password { get; set; }
    public string? Problem { get; private set; }
    public bool Done { get; private set; }

    public IActionResult OnGet() => Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var person = (await users.GetUserAsync(User))!;
        // Staff and makers keep their accounts: those are closed by an administrator, with their history.
        var roles = await users.GetRolesAsync(person);
        if (roles.Any(r => r != Roles.Buyer)) Problem = text["DeleteNotBuyer"];
        else if (!await users.CheckPasswordAsync(person, Password ?? "")) Problem = text["DeleteWrongPassword"];
        else if (await accounts.DeleteAsync(person.Id, ct) == DeleteOutcome.OpenOrders) Problem = text["DeleteOpenOrders"];
        if (Problem is not null)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        await signIn.SignOutAsync();
        Cart.CartCookie.Forget(HttpContext);
        Done = true;
        return Page();
    }
}
