using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using PasKreatif.Moderation;
using PasKreatif.Organisation;

namespace PasKreatif.Admin.Pages.Moderation;

public class IndexModel(StaffScopeAccessor scopes, ModerationQueue queue, ModerationDesk desk, IStringLocalizer<BackOfficeText> text) : ListPageModel
{
    public ListPage<QueueItem> Items { get; private set; } = new([], null, null);
    [TempData] public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Items = await queue.PageAsync(await scopes.GetAsync(ct), Asked, ct);

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
