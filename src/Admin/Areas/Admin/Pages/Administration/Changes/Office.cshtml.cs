using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using PasKreatif.BackOffice;
using PasKreatif.Organisation;

namespace PasKreatif.Admin.Pages.Administration.Changes;

public class OfficeModel(OrganisationEdits edits, IStringLocalizer<AdministrationText> text) : ChangePage(text)
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public IndonesianZone Zone { get; set; }
    public Office Office { get; private set; } = new();

    protected override async Task LoadAsync(CancellationToken ct) => Office = await edits.OfficeAsync(Id, ct);

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        (Name, Zone) = (Office.Name, Office.Zone);
    }

    public Task<IActionResult> OnPostSaveAsync(CancellationToken ct) =>
        RunAsync(() => edits.EditOfficeAsync(Id, new OfficeEdit(Name ?? "", Zone), ct), "Saved", null, ct);

    public Task<IActionResult> OnPostRemoveAsync(CancellationToken ct) =>
        RunAsync(() => edits.RemoveOfficeAsync(Id, ct), "Removed", "/Administration/Index", ct);
}
