using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PasKreatif.Catalog;
using PasKreatif.People;

namespace PasKreatif.Storefront.Pages.Seller;

public class IndexModel(MakerWorkspaceQueries workspace, UserManager<Person> users) : PageModel
{
    public MakerHome Home { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var home = await workspace.HomeAsync(Guid.Parse(users.GetUserId(User)!), ct);
        if (home is null) return NotFound();
        Home = home;
        return Page();
    }
}
