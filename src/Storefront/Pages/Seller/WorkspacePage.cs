using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PasKreatif.Catalog;
using PasKreatif.Makers;
using PasKreatif.Media;
using PasKreatif.Orders;

namespace PasKreatif.Storefront.Pages.Seller;

/// <summary>
/// The workspace pages' common ground: the signed-in maker's id, and one way to turn a refused
/// step into a message (TempData, shown after the redirect) and a foreign id into 404.
/// </summary>
public abstract class WorkspacePage(CurrentMaker current, IStringLocalizer<WorkspaceText> text) : PageModel
{
    [TempData] public string? Problem { get; set; }
    [TempData] public string? Done { get; set; }

    protected IStringLocalizer<WorkspaceText> Text => text;
    protected int MakerId { get; private set; }
    protected Guid PersonId => Guid.Parse(User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)!.Value);

    protected async Task<bool> ResolveMakerAsync(CancellationToken ct)
    {
        var id = await current.IdAsync(PersonId, ct);
        MakerId = id ?? 0;
        return id is not null;
    }

    /// <summary>Runs one step for the signed-in maker, then redirects back with its outcome.</summary>
    protected async Task<IActionResult> StepAsync(Func<Task> work, string? doneKey, CancellationToken ct, string? fragment = null)
    {
        if (!await ResolveMakerAsync(ct)) return NotFound();
        try
        {
            await work();
            if (doneKey is not null) Done = text[doneKey];
        }
        catch (ListingNotFoundException) { return NotFound(); }
        catch (FulfilmentNotFoundException) { return NotFound(); }
        catch (ListingRuleException e) { Problem = text["Rule." + e.Code]; }
        catch (FulfilmentRuleException e) { Problem = text["Fulfil." + e.Code]; }
        catch (PhotoRefusedException e) { Problem = text["Photo." + e.Problem]; }
        catch (Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException) { Problem = text["ChangedMeanwhile"]; }
        return RedirectToPage(null, null, null, fragment);
    }
}
