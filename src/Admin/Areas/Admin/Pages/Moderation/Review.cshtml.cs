using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PasKreatif.Reviews;

namespace PasKreatif.Admin.Pages.Moderation;

public class ReviewModel(StaffScopeAccessor scopes, ReviewQueries queries, ReviewDesk desk, IStringLocalizer<ReviewModerationText> text) : PageModel
{
    public StaffReview Review { get; private set; } = null!;
    [BindProperty] public string? SavedReason { get; set; }
    [BindProperty] public string? Note { get; set; }
    [TempData] public string? Message { get; set; }

    /// <summary>Saved reasons, among them one for a review that names or hints at a maker's past.</summary>
    public static readonly string[] SavedReasons = ["ReasonMakerPast", "ReasonPersonalData", "ReasonOffTopic", "ReasonRude"];

    public async Task OnGetAsync(int id, CancellationToken ct) => Review = await queries.ForStaffAsync(await scopes.GetAsync(ct), id, ct);

    public Task<IActionResult> OnPostApproveAsync(int id, CancellationToken ct) =>
        DecideAsync(id, async scope => await desk.ApproveAsync(scope, id, ct), "Approved", ct);

    public Task<IActionResult> OnPostRejectAsync(int id, CancellationToken ct)
    {
        var decision = ModerationDecision.Reject(SavedReasons.Contains(SavedReason) ? text[SavedReason!].Value : null, Note);
        return DecideAsync(id, async scope => await desk.RejectAsync(scope, id, decision.Reason!, ct), "Rejected", ct);
    }

    async Task<IActionResult> DecideAsync(int id, Func<Organisation.StaffScope, Task> decide, string doneKey, CancellationToken ct)
    {
        try
        {
            await decide(await scopes.GetAsync(ct));
            Message = text[doneKey];
            return RedirectToPage("/Moderation/Reviews");
        }
        catch (ReviewRuleException e)
        {
            ModelState.AddModelError(nameof(Note), text["Rule." + e.Code]);
            await OnGetAsync(id, ct);
            return Page();
        }
    }
}
