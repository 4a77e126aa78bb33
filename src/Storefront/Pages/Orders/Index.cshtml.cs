using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PasKreatif.Orders;
using PasKreatif.People;

namespace PasKreatif.Storefront.Pages.Orders;

[Authorize]
public class IndexModel(OrderQueries queries, UserManager<Person> users) : PageModel
{
    public IReadOnlyList<OrderSummary> Orders { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Orders = await queries.ForBuyerAsync(Guid.Parse(users.GetUserId(User)!), ct);
}
