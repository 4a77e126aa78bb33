using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PasKreatif.Catalog;
using PasKreatif.Independence;
using PasKreatif.Ledger;
using PasKreatif.Makers;
using PasKreatif.Organisation;
using PasKreatif.People;
using PasKreatif.Persistence;
using PasKreatif.Workspace;

namespace PasKreatif.Storefront.Pages.Seller;

public class IndexModel(MakerWorkspaceQueries workspace, MakerToday today, MarketplaceDb db, UserManager<Person> users, TimeProvider clock) : PageModel
{
    public MakerHome Home { get; private set; } = null!;
    public MakerTodayView Today { get; private set; } = null!;
    public IndonesianZone Zone { get; private set; }
    public DateTimeOffset Now { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var home = await workspace.HomeAsync(Guid.Parse(users.GetUserId(User)!), ct);
        if (home is null) return NotFound();
        Home = home;
        Today = await today.ForAsync(home.MakerId, ct);
        Zone = await MakerCalendar.ZoneOfAsync(db, home.MakerId, ct) ?? IndonesianZone.WIB;
        Now = clock.GetUtcNow();
        return Page();
    }
}
