using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PasKreatif.People;

namespace PasKreatif.Storefront.Pages.Account;

public class SignOutModel(SignInManager<Person> signIn, UserManager<Person> users) : PageModel
{
    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        // A new stamp ends the session on the server too: a copy of the cookie is refused at its next request.
        if (await users.GetUserAsync(User) is { } person) await users.UpdateSecurityStampAsync(person);
        await signIn.SignOutAsync();
        Cart.CartCookie.Forget(HttpContext);
        // The workspace's pages and unsent changes kept on this phone go with the session.
        Response.Headers["Clear-Site-Data"] = "\"cache\", \"storage\"";
        return RedirectToPage("/Index");
    }
}
