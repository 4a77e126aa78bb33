using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PasKreatif.People;

namespace PasKreatif.Storefront.Pages.Account;

public class SignOutModel(SignInManager<Person> signIn) : PageModel
{
    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        Cart.CartCookie.Forget(HttpContext);
        return LocalRedirect("/");
    }
}
