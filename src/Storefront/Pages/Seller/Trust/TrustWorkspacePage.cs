using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using PasKreatif.Catalog;
using PasKreatif.Makers;
using PasKreatif.Questions;
using PasKreatif.Reviews;

namespace PasKreatif.Storefront.Pages.Seller.Trust;

/// <summary>Workspace pages of reviews, questions and notifications: refused steps become a message after the redirect.</summary>
public abstract class TrustWorkspacePage(CurrentMaker current, IStringLocalizer<WorkspaceText> workspace, IStringLocalizer<TrustText> text)
    : WorkspacePage(current, workspace)
{
    protected IStringLocalizer<TrustText> Trust => text;

    protected async Task<IActionResult> TrustStepAsync(Func<Task<string>> work, CancellationToken ct)
    {
        if (!await ResolveMakerAsync(ct)) return NotFound();
        try
        {
            Done = text[await work()];
        }
        catch (ListingNotFoundException) { return NotFound(); }
        catch (ReviewRuleException e) { Problem = text["Rule." + e.Code]; }
        catch (QuestionRuleException e) { Problem = text["Rule." + e.Code]; }
        return RedirectToPage();
    }
}
