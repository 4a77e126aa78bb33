using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Localization;
using PasKreatif.Sharing;

namespace PasKreatif.Admin;

/// <summary>A WhatsApp message per listing the mentor just decided, for makers who read no email.</summary>
public sealed class RecentDecisionsViewComponent(StaffScopeAccessor scopes, MentorMessages messages, ShopLinks links,
    IStringLocalizer<ReviewModerationText> text) : ViewComponent
{
    public sealed record Row(string Title, string MakerName, bool Approved, string? WhatsApp);

    public async Task<IViewComponentResult> InvokeAsync()
    {
        var rows = (await messages.RecentDecisionsAsync(await scopes.GetAsync(HttpContext.RequestAborted), HttpContext.RequestAborted)).Select(d => new Row(d.Title, d.MakerName, d.Approved,
            ShareLinks.WhatsAppTo(d.MakerPhone, d.Approved
                ? text["ListingApprovedWhatsApp", d.MakerName, d.Title, links.Product(d.Slug)]
                : text["ListingRejectedWhatsApp", d.MakerName, d.Title, d.Reason ?? "", links.To(ShopPaths.WorkspaceListing(d.ListingId))]))).ToList();
        return View(rows);
    }
}
