using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PasKreatif.People;
using PasKreatif.Reviews;

namespace PasKreatif.Storefront.Pages.Orders.Reviews;

[Authorize]
public class IndexModel(ReviewQueries queries, UserManager<Person> users) : PageModel
{
    public IReadOnlyList<ReviewableLine> Lines { get; private set; } = [];
    [Microsoft.AspNetCore.Mvc.TempData] public string? Done { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Lines = await queries.ForBuyerAsync(Guid.Parse(users.GetUserId(User)!), ct);
}
