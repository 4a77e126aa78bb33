using Microsoft.AspNetCore.Mvc.RazorPages;
using PasKreatif.BackOffice;
using PasKreatif.Organisation;

namespace PasKreatif.Admin.Pages.Settings;

public class IndexModel(ScopeOverview overview, TimeProvider clock) : PageModel
{
    public IReadOnlyList<Office> Offices { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Offices = await overview.OfficesAsync(ct);

    public Money? CurrentTarget(Regency regency) => regency.TargetFor(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
}
