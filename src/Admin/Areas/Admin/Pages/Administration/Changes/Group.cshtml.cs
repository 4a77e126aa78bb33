using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using PasKreatif.BackOffice;
using PasKreatif.Organisation;

namespace PasKreatif.Admin.Pages.Administration.Changes;

public class GroupModel(OrganisationEdits edits, OrganisationDesk desk, IStringLocalizer<AdministrationText> text) : ChangePage(text)
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public GroupKind Kind { get; set; }
    [BindProperty] public int RegencyId { get; set; }
    [BindProperty] public string? PickupAddress { get; set; }
    [BindProperty] public string? FeePercent { get; set; }
    public Group Group { get; private set; } = new();
    public IReadOnlyList<Office> Offices { get; private set; } = [];

    protected override async Task LoadAsync(CancellationToken ct)
    {
        Group = await edits.GroupAsync(Id, ct);
        Offices = await desk.OfficesAsync(ct);
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        (Name, Kind, RegencyId, PickupAddress) = (Group.Name, Group.Kind, Group.RegencyId, Group.PickupAddress);
        FeePercent = Group.FeePercent.ToString("0.##", CultureInfo.InvariantCulture);
    }

    public Task<IActionResult> OnPostSaveAsync(CancellationToken ct) =>
        RunAsync(() => edits.EditGroupAsync(Id, new GroupEdit(Name ?? "", Kind, RegencyId, PickupAddress ?? "", Fee(FeePercent)), ct), "Saved", null, ct);

    public Task<IActionResult> OnPostRemoveAsync(CancellationToken ct) =>
        RunAsync(() => edits.RemoveGroupAsync(Id, ct), "Removed", "/Administration/Index", ct);

    // Read by the one percent reader; what it cannot read is refused with the rule's own message.
    static decimal Fee(string? value) =>
        PasKreatif.Percent.TryParse(value, out var fee) ? fee : throw new MakerRuleException("FeePercentRange");
}
