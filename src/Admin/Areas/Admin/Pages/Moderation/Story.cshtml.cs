using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PasKreatif.Catalog;
using PasKreatif.Moderation;

namespace PasKreatif.Admin.Pages.Moderation;

public class StoryModel(StaffScopeAccessor scopes, ModerationQueue queue, ModerationDesk desk, IStringLocalizer<BackOfficeText> text) : PageModel
{
    public StoryReview Review { get; private set; } = null!;
    [BindProperty] public string? SavedReason { get; set; }
    [BindProperty] public string? Note { get; set; }
    [TempData] public string? Message { get; set; }

    public static readonly string[] SavedReasons = ["ReasonStoryPrivate", "ReasonStoryOffence", "ReasonStoryLength"];

    public async Task OnGetAsync(int id, CancellationToken ct) => Review = await queue.StoryAsync(await scopes.GetAsync(ct), id, ct);

    public async Task<IActionResult> OnPostApproveAsync(int id, CancellationToken ct)
    {
        try
        {
            await desk.ApproveStoryAsync(await scopes.GetAsync(ct), id, ct);
            Message = text["Approved"];
            return RedirectToPage("/Moderation/Index");
        }
        catch (ListingRuleException)
        {
            ModelState.AddModelError("", text["AlreadyDecided"]);
            await OnGetAsync(id, ct);
            return Page();
        }
    }

    public async Task<IActionResult> OnPostRejectAsync(int id, CancellationToken ct)
    {
        var decision = ModerationDecision.Reject(SavedReasons.Contains(SavedReason) ? text[SavedReason!].Value : null, Note);
        try
        {
            await desk.RejectStoryAsync(await scopes.GetAsync(ct), id, decision.Reason!, ct);
            Message = text["Rejected"];
            return RedirectToPage("/Moderation/Index");
        }
        catch (ListingRuleException e)
        {
            ModelState.AddModelError(nameof(Note), e.Code switch
            {
                "ReasonRequired" => text["ReasonRequired"],
                "ReasonTooLong" => text["ReasonTooLong"],
                _ => text["AlreadyDecided"],
            });
            await OnGetAsync(id, ct);
            return Page();
        }
    }
}
