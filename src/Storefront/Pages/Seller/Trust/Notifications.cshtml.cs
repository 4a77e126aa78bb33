using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using PasKreatif.Makers;
using PasKreatif.Notifications;

namespace PasKreatif.Storefront.Pages.Seller.Trust;

public class NotificationsModel(CurrentMaker current, MakerNotices notices, IStringLocalizer<WorkspaceText> workspace, IStringLocalizer<TrustText> text)
    : TrustWorkspacePage(current, workspace, text)
{
    public IReadOnlyList<NotificationRow> Rows { get; private set; } = [];
    public Organisation.IndonesianZone Zone => Shop.ZoneChoice.Of(HttpContext);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await ResolveMakerAsync(ct)) return NotFound();
        Rows = await notices.LatestAsync(MakerId, ct: ct);
        return Page();
    }

    public Task<IActionResult> OnPostReadAllAsync(CancellationToken ct) =>
        TrustStepAsync(async () =>
        {
            await notices.MarkAllReadAsync(MakerId, ct);
            return "AllRead";
        }, ct);
}
