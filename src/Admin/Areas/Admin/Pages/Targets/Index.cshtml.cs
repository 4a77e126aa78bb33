using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PasKreatif.BackOffice;
using PasKreatif.Organisation;

namespace PasKreatif.Admin.Pages.Targets;

public class IndexModel(StaffScopeAccessor scopes, TargetSettings targets, IStringLocalizer<BackOfficeText> text) : PageModel
{
    public IReadOnlyList<TargetRow> Rows { get; private set; } = [];
    [BindProperty] public int RegencyId { get; set; }
    [BindProperty] public string? Amount { get; set; }
    [BindProperty] public string? FromMonth { get; set; }
    [TempData] public string? Message { get; set; }

    /// <summary>The row whose form came back with errors: it shows what was typed.</summary>
    public bool Sent(int regencyId) => !ModelState.IsValid && regencyId == RegencyId;

    public async Task OnGetAsync(CancellationToken ct) => Rows = await targets.ListAsync(await scopes.GetAsync(ct), ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var input = new TargetInput(Amount, FromMonth);
        foreach (var error in input.Validate())
            ModelState.AddModelError(error.Field, error.MoneyProblem is { } problem ? Money.Explain(problem) : text[error.Code]);
        if (ModelState.IsValid)
        {
            try
            {
                await targets.SetAsync(await scopes.GetAsync(ct), RegencyId, input.Month!.Value, input.ParsedAmount, ct);
                Message = text["TargetSaved"];
                return RedirectToPage();
            }
            catch (MakerRuleException e)
            {
                ModelState.AddModelError(nameof(Amount), text[$"Rule.{e.Code}"]);
            }
        }
        await OnGetAsync(ct);
        return Page();
    }
}
