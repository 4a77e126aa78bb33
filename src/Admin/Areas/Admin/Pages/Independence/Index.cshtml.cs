using Microsoft.AspNetCore.Mvc.RazorPages;
using PasKreatif.Independence;
using PasKreatif.Makers;
using PasKreatif.Organisation;

namespace PasKreatif.Admin.Pages.Independence;

public class IndexModel(StaffScopeAccessor scopes, IndependenceReport report) : PageModel
{
    public IReadOnlyList<Choice> Groups { get; private set; } = [];
    public IReadOnlyList<Choice> Offices { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => (Groups, Offices) = await report.ChoicesAsync(await scopes.GetAsync(ct), ct);
}
