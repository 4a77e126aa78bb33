using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using PasKreatif.BackOffice;
using PasKreatif.Makers;
using PasKreatif.Organisation;

namespace PasKreatif.Admin.Pages.Makers.Profiles;

public class IndexModel(StaffScopeAccessor scopes, MakerDirectory makers, IStringLocalizer<BackOfficeText> text) : ListPageModel
{
    public ListPage<MakerRow> Makers { get; private set; } = new([], null, null);

    public async Task OnGetAsync(CancellationToken ct) => Makers = await makers.PageAsync(await scopes.GetAsync(ct), Asked, ct);

    /// <summary>Every maker matching the search, not only the page shown, written as they are read.</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct) =>
        CsvFile.Stream("pembuat.csv", [text["Maker"], text["Group"], text["Regency"], text["ListingsOnSale"], text["Joined"]],
            makers.AllAsync(await scopes.GetAsync(ct), Asked).Select(m => (IEnumerable<object?>)[m.DisplayName, m.GroupName, m.RegencyName, m.ListingsOnSale, m.JoinedAt]));
}
