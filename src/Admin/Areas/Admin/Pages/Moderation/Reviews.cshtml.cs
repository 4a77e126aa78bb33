using Microsoft.AspNetCore.Mvc.RazorPages;
using PasKreatif.Reviews;

namespace PasKreatif.Admin.Pages.Moderation;

public class ReviewsModel(StaffScopeAccessor scopes, ReviewQueries queries) : PageModel
{
    public IReadOnlyList<StaffReviewRow> Rows { get; private set; } = [];
    [Microsoft.AspNetCore.Mvc.TempData] public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Rows = await queries.WaitingAsync(await scopes.GetAsync(ct), ct);
}
