using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PasKreatif.Makers;

namespace PasKreatif.Admin.Pages.Makers.Profiles;

public class IndexModel(StaffScopeAccessor scopes, MakerDirectory makers, IStringLocalizer<BackOfficeText> text) : PageModel
{
    public IReadOnlyList<MakerRow> Makers { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Makers = await makers.ListAsync(await scopes.GetAsync(ct), ct);

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        await OnGetAsync(ct);
        return CsvFile.Result("pembuat.csv",
            Makers.Select(m => new object?[] { m.DisplayName, m.GroupName, m.RegencyName, m.ListingsOnSale, m.JoinedAt })
                .Prepend([text["Maker"], text["Group"], text["Regency"], text["ListingsOnSale"], text["Joined"]]));
    }
}
