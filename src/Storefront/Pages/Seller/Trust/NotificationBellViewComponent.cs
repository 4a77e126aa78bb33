using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using PasKreatif.Makers;
using PasKreatif.Notifications;

namespace PasKreatif.Storefront.Pages.Seller.Trust;

/// <summary>The workspace bell: unread notifications and the ways to reviews and questions.</summary>
public sealed class NotificationBellViewComponent(CurrentMaker current, MakerNotices notices) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var id = UserClaimsPrincipal.FindFirstValue(ClaimTypes.NameIdentifier) is { } person ? await current.IdAsync(Guid.Parse(person)) : null;
        return View(id is null ? 0 : await notices.UnreadAsync(id.Value));
    }
}
