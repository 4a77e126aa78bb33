using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;
using PasKreatif.BackOffice;
using PasKreatif.Makers;
using PasKreatif.Organisation;

namespace PasKreatif.Admin.Pages.Makers;

public class InviteModel(StaffScopeAccessor scopes, ScopeOverview overview, InvitationService invitations, IStringLocalizer<AdminText> text) : PageModel
{
    [BindProperty] public int GroupId { get; set; }
    [BindProperty] public string? Note { get; set; }

    public List<SelectListItem> GroupChoices { get; private set; } = [];
    public string? Link { get; private set; }
    public string? WhatsAppLink { get; private set; }
    /// <summary>The maker's number, only to address the WhatsApp message; not stored.</summary>
    [BindProperty] public string? Phone { get; set; }
    public string? WhatsAppToLink { get; private set; }
    public string? ExpiresText { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadChoicesAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadChoicesAsync(ct);
        foreach (var error in new InvitationInput(GroupId, Note).Validate()) ModelState.AddModelError(error.Field, text[error.Code, InvitationInput.NoteMaxLength]);
        if (!ModelState.IsValid) return Page();
        try
        {
            var invitation = await invitations.CreateAsync(await scopes.GetAsync(ct), GroupId, Note, ct);
            Link = $"{Request.Scheme}://{Request.Host}/undangan/{invitation.Token}";
            WhatsAppLink = "https://wa.me/?text=" + Uri.EscapeDataString(text["InviteWhatsAppMessage", Link]);
            WhatsAppToLink = PasKreatif.Sharing.ShareLinks.WhatsAppTo(Phone, text["InviteWhatsAppMessage", Link]);
            ExpiresText = invitation.ExpiresAt.ToString("d MMM yyyy", System.Globalization.CultureInfo.CurrentCulture);
            return Page();
        }
        catch (OutOfScopeException)
        {
            return NotFound();
        }
    }

    async Task LoadChoicesAsync(CancellationToken ct) =>
        GroupChoices = (await overview.GroupChoicesAsync(await scopes.GetAsync(ct), ct))
            .Select(g => new SelectListItem(g.Name, g.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
}
