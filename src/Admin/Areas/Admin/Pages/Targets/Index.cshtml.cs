using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PasKreatif.Makers;
using PasKreatif.Organisation;

namespace PasKreatif.Admin.Pages.Targets;

public class IndexModel(StaffScopeAccessor scopes, TargetSettings targets, IStringLocalizer<BackOfficeText> text, TimeProvider clock) : PageModel
{
    /// <summary>The month a new target starts by default, in WIB.</summary>
    public string ThisMonth => clock.GetUtcNow().ToOffset(TimeSpan.FromHours(7)).ToString("yyyy-MM", CultureInfo.InvariantCulture);
    public IReadOnlyList<TargetRow> Rows { get; private set; } = [];
    [BindProperty] public int RegencyId { get; set; }
    [BindProperty] public string? Amount { get; set; }
    [BindProperty] public string? FromMonth { get; set; }
    [TempData] public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Rows = await targets.ListAsync(await scopes.GetAsync(ct), ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var digits = new string((Amount ?? "").Where(char.IsDigit).ToArray());
        if (digits.Length is 0 or > 12) ModelState.AddModelError(nameof(Amount), text["AmountInvalid"]);
        if (!DateOnly.TryParseExact((FromMonth ?? "") + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
            ModelState.AddModelError(nameof(FromMonth), text["MonthInvalid"]);
        if (ModelState.IsValid)
        {
            try
            {
                await targets.SetAsync(await scopes.GetAsync(ct), RegencyId, month, Money.Of(decimal.Parse(digits, CultureInfo.InvariantCulture)), ct);
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
