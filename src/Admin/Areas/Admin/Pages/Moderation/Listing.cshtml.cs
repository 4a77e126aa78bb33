using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PasKreatif.Catalog;
using PasKreatif.Moderation;

namespace PasKreatif.Admin.Pages.Moderation;

public class ListingModel(StaffScopeAccessor scopes, ModerationQueue queue, ModerationDesk desk, IStringLocalizer<BackOfficeText> text) : PageModel
{
    public ListingReview Review { get; private set; } = null!;
    [BindProperty] public string? SavedReason { get; set; }
    [BindProperty] public string? Note { get; set; }
    [TempData] public string? Message { get; set; }

    /// <summary>Reasons mentors give most often; each is a resource key, combined with the free text.</summary>
    public static readonly string[] SavedReasons = ["ReasonPhotos", "ReasonDescription", "ReasonPrice", "ReasonCategory", "ReasonNotAllowed"];

    public async Task OnGetAsync(int id, CancellationToken ct) => Review = await queue.ListingAsync(await scopes.GetAsync(ct), id, ct);

    public async Task<IActionResult> OnPostApproveAsync(int id, CancellationToken ct)
    {
        try
        {
            await desk.ApproveAsync(await scopes.GetAsync(ct), id, ct);
            Message = text["Approved"];
            return RedirectToPage("/Moderation/Index");
        }
        catch (ListingRuleException)
        {
            ModelState.AddModelError("", text["AlreadyDecided"]);
            return await RedisplayAsync(id, ct);
        }
    }

    public async Task<IActionResult> OnPostRejectAsync(int id, CancellationToken ct)
    {
        var decision = ModerationDecision.Reject(SavedReasons.Contains(SavedReason) ? text[SavedReason!].Value : null, Note);
        if (decision.Validate() is { } problem) ModelState.AddModelError(nameof(Note), text[problem]);
        if (!ModelState.IsValid) return await RedisplayAsync(id, ct);
        try
        {
            await desk.RejectAsync(await scopes.GetAsync(ct), id, decision.Reason!, ct);
            Message = text["Rejected"];
            return RedirectToPage("/Moderation/Index");
        }
        catch (ListingRuleException e)
        {
            ModelState.AddModelError(e.Code == "ReasonRequired" ? nameof(Note) : "", e.Code == "ReasonRequired" ? text["ReasonRequired"] : text["AlreadyDecided"]);
            return await RedisplayAsync(id, ct);
        }
    }

    async Task<IActionResult> RedisplayAsync(int id, CancellationToken ct)
    {
        await OnGetAsync(id, ct);
        return Page();
    }
}
