using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PasKreatif.Orders;
using PasKreatif.People;

namespace PasKreatif.Storefront.Pages.Orders;

[Authorize]
public class IndexModel(OrderQueries queries, UserManager<Person> users) : PageModel
{
    public IReadOnlyList<OrderSummary> Orders { get; private set; } = [];
    [BindProperty(SupportsGet = true, Name = "halaman")] public int PageNumber { get; set; } = 1;
    public int Pages { get; private set; } = 1;

    public async Task OnGetAsync(CancellationToken ct)
    {
        (Orders, Pages) = await queries.ForBuyerAsync(Guid.Parse(users.GetUserId(User)!), PageNumber, ct);
        PageNumber = Math.Clamp(PageNumber, 1, Pages);
    }
}
