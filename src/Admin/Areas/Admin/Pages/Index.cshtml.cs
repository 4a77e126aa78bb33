using Microsoft.AspNetCore.Mvc.RazorPages;
using PasKreatif.BackOffice;
using PasKreatif.Organisation;

namespace PasKreatif.Admin.Pages;

public class IndexModel(StaffScopeAccessor scopes, ScopeOverview overview) : PageModel
{
    public IReadOnlyList<GroupOverviewRow> Groups { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Groups = await overview.GroupsAsync(await scopes.GetAsync(ct), ct);
}
