using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PasKreatif.Independence;

namespace PasKreatif.Admin.Pages.Makers.Profiles;

public class IndependenceModel(StaffScopeAccessor scopes, IndependenceReport report, IStringLocalizer<BackOfficeText> text) : PageModel
{
    public MakerIndependence Report { get; private set; } = null!;

    public async Task OnGetAsync(int id, CancellationToken ct) => Report = await report.MakerAsync(await scopes.GetAsync(ct), id, ct);

    public async Task<IActionResult> OnGetCsvAsync(int id, CancellationToken ct)
    {
        await OnGetAsync(id, ct);
        return CsvFile.Result($"kemandirian-{Slugs.From(Report.DisplayName)}.csv", Report.Months
            .Select(m => new object?[] { m.Month, m.Net, m.Target, m.Percent, m.Band.ToString(), m.Orders, m.Units })
            .Prepend([text["Month"], text["NetRevenue"], text["Target"], text["PercentOfTarget"], text["Band"], text["Orders"], text["Units"]]));
    }
}
