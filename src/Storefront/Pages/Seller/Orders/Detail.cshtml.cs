using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using PasKreatif.Makers;
using PasKreatif.Orders;

namespace PasKreatif.Storefront.Pages.Seller.Orders;

public class DetailModel(CurrentMaker current, MakerOrders orders, IStringLocalizer<WorkspaceText> text) : WorkspacePage(current, text)
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    public OwnFulfilment Own { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await ResolveMakerAsync(ct)) return NotFound();
        var own = await orders.FindAsync(MakerId, Id, ct);
        if (own is null) return NotFound();
        Own = own;
        return Page();
    }

    public Task<IActionResult> OnPostPreparingAsync(CancellationToken ct) =>
        StepAsync(() => orders.StepAsync(MakerId, Id, FulfilmentStatus.Preparing, null, ct), "Done.Fulfilment", ct);

    public Task<IActionResult> OnPostShippedAsync(string? trackingNote, CancellationToken ct) =>
        StepAsync(() => orders.StepAsync(MakerId, Id, FulfilmentStatus.Shipped, trackingNote, ct), "Done.Fulfilment", ct);

    public Task<IActionResult> OnPostReadyForPickupAsync(CancellationToken ct) =>
        StepAsync(() => orders.StepAsync(MakerId, Id, FulfilmentStatus.ReadyForPickup, null, ct), "Done.Fulfilment", ct);

    public Task<IActionResult> OnPostDeliveredAsync(CancellationToken ct) =>
        StepAsync(() => orders.StepAsync(MakerId, Id, FulfilmentStatus.Delivered, null, ct), "Done.Fulfilment", ct);

    public Task<IActionResult> OnPostCollectedAsync(CancellationToken ct) =>
        StepAsync(() => orders.StepAsync(MakerId, Id, FulfilmentStatus.Collected, null, ct), "Done.Fulfilment", ct);
}
