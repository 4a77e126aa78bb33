using Microsoft.AspNetCore.Mvc.RazorPages;
using PasKreatif.Orders;

namespace PasKreatif.Admin.Pages.Orders;

/// <summary>Open orders in the viewer's scope: what each waits for, from whom, since when, oldest first.</summary>
public class IndexModel(StaffScopeAccessor scopes, OpenOrders open, TimeProvider clock) : PageModel
{
    public IReadOnlyList<OrderWait> Waits { get; private set; } = [];
    public DateTimeOffset Now => clock.GetUtcNow();
    public Organisation.IndonesianZone Zone { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        Waits = await open.WaitsAsync(scope, ct);
        Zone = await open.ZoneOfAsync(scope, ct);
    }
}
