using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using PasKreatif.BackOffice;
using PasKreatif.Organisation;

namespace PasKreatif.Admin.Pages.Administration.Changes;

public class RegencyModel(OrganisationEdits edits, OrganisationDesk desk, IStringLocalizer<AdministrationText> text) : ChangePage(text)
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public int OfficeId { get; set; }
    public Regency Regency { get; private set; } = new();
    public IReadOnlyList<Office> Offices { get; private set; } = [];

    protected override async Task LoadAsync(CancellationToken ct)
    {
        Regency = await edits.RegencyAsync(Id, ct);
        Offices = await desk.OfficesAsync(ct);
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        (Name, OfficeId) = (Regency.Name, Regency.OfficeId);
    }

    public Task<IActionResult> OnPostSaveAsync(CancellationToken ct) =>
        RunAsync(() => edits.EditRegencyAsync(Id, new RegencyEdit(Name ?? "", OfficeId), ct), "Saved", null, ct);

    public Task<IActionResult> OnPostRemoveAsync(CancellationToken ct) =>
        RunAsync(() => edits.RemoveRegencyAsync(Id, ct), "Removed", "/Administration/Index", ct);
}
