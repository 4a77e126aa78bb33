using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PasKreatif.BackOffice;
using PasKreatif.Catalog;
using PasKreatif.Organisation;

namespace PasKreatif.Admin.Pages.Administration;

public class IndexModel(OrganisationDesk desk, IStringLocalizer<BackOfficeText> text) : PageModel
{
    public IReadOnlyList<Office> Offices { get; private set; } = [];
    public IReadOnlyList<Category> Categories { get; private set; } = [];
    public IReadOnlyList<StaffRow> Staff { get; private set; } = [];

    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? NameEn { get; set; }
    [BindProperty] public string? Regency { get; set; }
    [BindProperty] public string? Target { get; set; }
    [BindProperty] public IndonesianZone Zone { get; set; } = IndonesianZone.WIB;
    [BindProperty] public int ParentId { get; set; }
    [BindProperty] public GroupKind Kind { get; set; }
    [BindProperty] public string? PickupAddress { get; set; }
    [BindProperty] public bool Perishable { get; set; }
    [BindProperty] public string? UserName { get; set; }
    [BindProperty] public string? Role { get; set; }
    [TempData] public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Offices = await desk.OfficesAsync(ct);
        Categories = await desk.CategoriesAsync(ct);
        Staff = await desk.StaffAsync(ct);
    }

    public Task<IActionResult> OnPostOfficeAsync(CancellationToken ct) => WithTargetAsync(target => desk.AddOfficeAsync(Name ?? "", Zone, Regency ?? "", target, ct), ct);
    public Task<IActionResult> OnPostRegencyAsync(CancellationToken ct) => WithTargetAsync(target => desk.AddRegencyAsync(ParentId, Name ?? "", target, ct), ct);
    public Task<IActionResult> OnPostGroupAsync(CancellationToken ct) => RunAsync(() => desk.AddGroupAsync(ParentId, Name ?? "", Kind, PickupAddress ?? "", ct), ct);
    public Task<IActionResult> OnPostProgrammeAsync(CancellationToken ct) => RunAsync(() => desk.AddProgrammeAsync(ParentId, Name ?? "", ct), ct);
    public Task<IActionResult> OnPostCategoryAsync(CancellationToken ct) => RunAsync(() => desk.AddCategoryAsync(Name ?? "", NameEn ?? "", Perishable, ct), ct);
    public Task<IActionResult> OnPostStaffAsync(CancellationToken ct) => RunAsync(() => desk.AssignStaffAsync(UserName ?? "", Role ?? "", ParentId == 0 ? null : ParentId, ct), ct);

    /// <summary>True for the form that was just sent back with errors, so only it shows what was typed.</summary>
    public bool Posted(string handler) =>
        !ModelState.IsValid && string.Equals(Request.Query["handler"], handler, StringComparison.OrdinalIgnoreCase);

    // The field a broken rule's message stands beside; the posted form alone marks it.
    static string FieldOf(string code) => code switch
    {
        "NameLength" => nameof(Name),
        "UnknownZone" => nameof(Zone),
        "UnknownKind" => nameof(Kind),
        "PickupAddressRequired" => nameof(PickupAddress),
        "TargetNotPositive" => nameof(Target),
        "UnknownOffice" or "UnknownRegency" or "UnknownGroup" or "UnknownPlace" => nameof(ParentId),
        "UnknownPerson" => nameof(UserName),
        _ => "",
    };

    async Task<IActionResult> RunAsync(Func<Task> change, CancellationToken ct)
    {
        try
        {
            await change();
            Message = text["Saved"];
            return RedirectToPage();
        }
        catch (MakerRuleException e)
        {
            ModelState.AddModelError(FieldOf(e.Code), text[$"Rule.{e.Code}"]);
            await OnGetAsync(ct);
            return Page();
        }
    }

    /// <summary>The target typed beside a new office or regency, read by the one rupiah reader; unreadable says why.</summary>
    async Task<IActionResult> WithTargetAsync(Func<Money, Task> change, CancellationToken ct)
    {
        var problem = Money.TryParse(Target, out var target);
        if (problem == MoneyProblem.None) return await RunAsync(() => change(target), ct);
        ModelState.AddModelError(nameof(Target), $"{text["TargetRupiah"]}: {Money.Explain(problem)}");
        await OnGetAsync(ct);
        return Page();
    }
}
