using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PasKreatif.People;

namespace PasKreatif.Storefront.Pages.Account;

public class ResendModel(BuyerAccounts accounts) : PageModel
{
    [BindProperty] public string? Email { get; set; }
    /// <summary>The same answer whatever the address, so addresses cannot be probed.</summary>
    [BindProperty(SupportsGet = true, Name = "terkirim")] public bool Sent { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await accounts.ResendAsync(Email, ct);
        return RedirectToPage(new { terkirim = true });
    }
}
