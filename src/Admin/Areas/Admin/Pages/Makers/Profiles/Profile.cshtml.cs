using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PasKreatif.BackOffice;
using PasKreatif.Makers;
using PasKreatif.Organisation;

namespace PasKreatif.Admin.Pages.Makers.Profiles;

public class ProfileModel(StaffScopeAccessor scopes, MakerDirectory makers, IStringLocalizer<BackOfficeText> text) : PageModel
{
    public MakerProfile Profile { get; private set; } = null!;

    [BindProperty] public string? DisplayName { get; set; }
    [BindProperty] public int HomeGroupId { get; set; }
    [BindProperty] public int RegencyId { get; set; }
    [BindProperty] public List<int>? ProgrammeIds { get; set; }

    [BindProperty] public MilestoneKind? Kind { get; set; }
    [BindProperty] public DateOnly? Date { get; set; }
    [BindProperty] public string? MilestoneNote { get; set; }
    [TempData] public string? Message { get; set; }

    public async Task OnGetAsync(int id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        DisplayName = Profile.DisplayName;
        HomeGroupId = Profile.HomeGroupId;
        RegencyId = Profile.RegencyId;
        ProgrammeIds = Profile.ProgrammeIds.ToList();
    }

    public async Task<IActionResult> OnPostProfileAsync(int id, CancellationToken ct)
    {
        try
        {
            await makers.UpdateProfileAsync(await scopes.GetAsync(ct), id, new ProfileChange(DisplayName ?? "", HomeGroupId, ProgrammeIds ?? [], RegencyId), ct);
            Message = text["ProfileSaved"];
            return RedirectToPage("/Makers/Profiles/Profile", new { id });
        }
        catch (MakerRuleException e)
        {
            ModelState.AddModelError("", text[$"Rule.{e.Code}"]);
            await LoadAsync(id, ct);
            return Page();
        }
    }

    public async Task<IActionResult> OnPostMilestoneAsync(int id, CancellationToken ct)
    {
        foreach (var error in new MilestoneInput(Kind, Date, MilestoneNote).Validate())
            ModelState.AddModelError(error.Field == nameof(MilestoneInput.Note) ? nameof(MilestoneNote) : error.Field,
                text[error.Code is "MilestoneKindRequired" or "MilestoneDateRequired" ? error.Code : $"Rule.{error.Code}"]);
        if (ModelState.IsValid)
        {
            try
            {
                await makers.AddMilestoneAsync(await scopes.GetAsync(ct), id, Kind!.Value, Date!.Value, MilestoneNote, ct);
                Message = text["MilestoneSaved"];
                return RedirectToPage("/Makers/Profiles/Profile", null, new { id }, "milestones");
            }
            catch (MakerRuleException e)
            {
                ModelState.AddModelError(nameof(Date), text[$"Rule.{e.Code}"]);
            }
        }
        await OnGetAsync(id, ct);
        return Page();
    }

    async Task LoadAsync(int id, CancellationToken ct) => Profile = await makers.ProfileAsync(await scopes.GetAsync(ct), id, ct);
}
