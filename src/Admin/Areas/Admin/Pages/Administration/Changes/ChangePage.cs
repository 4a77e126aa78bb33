using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PasKreatif.Organisation;

namespace PasKreatif.Admin.Pages.Administration.Changes;

/// <summary>Runs one edit or removal; a broken rule or a row still in use comes back as a message on the same page.</summary>
public abstract class ChangePage(IStringLocalizer<AdministrationText> text) : PageModel
{
    [TempData] public string? Message { get; set; }

    protected abstract Task LoadAsync(CancellationToken ct);

    /// <summary>The field a broken rule's message stands beside (its form field's name); "" for the whole form.</summary>
    protected virtual string FieldOf(string code) => code switch
    {
        "NameLength" => "Name",
        "UnknownZone" => "Zone",
        "UnknownKind" => "Kind",
        "UnknownRegency" or "RegencyOutsideOffice" => "RegencyId",
        "UnknownOffice" => "OfficeId",
        "UnknownGroup" => "GroupId",
        "PickupAddressRequired" => "PickupAddress",
        "FeePercentRange" => "FeePercent",
        "StoryTooLong" => "Story",
        "PositionRange" => "Position",
        "UserNameInvalid" or "UserNameTaken" => "Account.UserName",
        "DisplayNameLength" => "Account.DisplayName",
        "EmailInvalid" or "EmailTaken" => "Account.Email",
        "NoRole" or "UnknownRole" => "Account.Roles",
        "OfficerNeedsOffice" => "Account.OfficeIds",
        "MentorNeedsGroup" => "Account.GroupIds",
        _ => "",
    };

    protected async Task<IActionResult> RunAsync(Func<Task> change, string done, string? thenPage, CancellationToken ct)
    {
        try
        {
            await change();
            Message = text[done];
            return RedirectToPage(thenPage);
        }
        catch (MakerRuleException e)
        {
            ModelState.AddModelError(FieldOf(e.Code), text[$"Rule.{e.Code}"]);
        }
        catch (StillInUseException e)
        {
            ModelState.AddModelError("", text["StillInUse", string.Join(", ", e.Uses.Select(u => text[$"Use.{u.Key}", u.Value].Value))]);
        }
        await LoadAsync(ct);
        return Page();
    }
}
