using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PasKreatif.Moderation;

namespace PasKreatif.Admin.Pages.Moderation;

public class IndexModel(StaffScopeAccessor scopes, ModerationQueue queue, ModerationDesk desk, IStringLocalizer<BackOfficeText> text) : PageModel
{
    public IReadOnlyList<QueueItem> Items { get; private set; } = [];
    [TempData] public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Items = await queue.WaitingAsync(await scopes.GetAsync(ct), ct);

    public async Task<IActionResult> OnPostApproveManyAsync(int[] selected, CancellationToken ct)
    {
        if (selected.Length == 0)
        {
            Message = text["NothingSelected"];
            return RedirectToPage();
        }
        var approved = await desk.ApproveManyAsync(await scopes.GetAsync(ct), selected, ct);
        Message = text["ApprovedMany", approved];
        return RedirectToPage();
    }
}
