using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using PasKreatif.BackOffice;
using PasKreatif.Organisation;

namespace PasKreatif.Admin.Pages.Administration.Changes;

public class ProgrammeModel(OrganisationEdits edits, OrganisationDesk desk, IStringLocalizer<AdministrationText> text) : ChangePage(text)
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public int GroupId { get; set; }
    [BindProperty] public string? Story { get; set; }
    [BindProperty] public string? StoryEn { get; set; }
    public Programme Programme { get; private set; } = new();
    public IReadOnlyList<Office> Offices { get; private set; } = [];

    protected override async Task LoadAsync(CancellationToken ct)
    {
        Programme = await edits.ProgrammeAsync(Id, ct);
        Offices = await desk.OfficesAsync(ct);
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        (Name, GroupId, Story, StoryEn) = (Programme.Name, Programme.GroupId, Programme.Story, Programme.StoryEn);
    }

    public Task<IActionResult> OnPostSaveAsync(CancellationToken ct) =>
        RunAsync(() => edits.EditProgrammeAsync(Id, new ProgrammeEdit(Name ?? "", GroupId, Story, StoryEn), ct), "Saved", null, ct);

    public Task<IActionResult> OnPostRemoveAsync(CancellationToken ct) =>
        RunAsync(() => edits.RemoveProgrammeAsync(Id, ct), "Removed", "/Administration/Index", ct);
}
