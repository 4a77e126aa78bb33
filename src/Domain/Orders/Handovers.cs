using Microsoft.EntityFrameworkCore;
using PasKreatif.Organisation;
using PasKreatif.Persistence;

namespace PasKreatif.Orders;

/// <summary>
/// Every step of a part toward the buyer, for every delivery kind: the maker prepares, ships or hands
/// over; a mentor or officer of the part's group records a collection; a shipment not marked delivered
/// is delivered automatically <see cref="OrderOptions.ShippedDeliveredAfterDays"/> days after shipping.
/// Each step runs under the order's lock and may complete the order.
/// </summary>
public sealed class Handovers(MarketplaceDb db, OrderWork work, OrderLifecycle lifecycle, OrderMail mail, OrderOptions options, TimeProvider clock)
{
    /// <summary>The maker moves their own part one step; a refused step throws <see cref="FulfilmentRuleException"/> and changes nothing.</summary>
    public async Task StepByMakerAsync(int makerId, int fulfilmentId, FulfilmentStatus to, string? trackingNote, CancellationToken ct = default)
    {
        var own = await db.Fulfilments.Where(f => f.Id == fulfilmentId && f.MakerId == makerId)
            .Select(f => new { f.OrderId, f.Maker!.PersonId }).SingleOrDefaultAsync(ct) ?? throw new FulfilmentNotFoundException();
        await work.RunAsync(own.OrderId, async order =>
        {
            var part = order.Fulfilments.Single(f => f.Id == fulfilmentId);
            var now = clock.GetUtcNow();
            switch (to)
            {
                case FulfilmentStatus.Preparing: part.MarkPreparing(order, now); break;
                case FulfilmentStatus.Shipped: part.MarkShipped(order, trackingNote ?? "", now); break;
                case FulfilmentStatus.ReadyForPickup: part.MarkReadyForPickup(order, now); break;
                case FulfilmentStatus.Delivered: part.MarkDelivered(order, now, own.PersonId); break;
                case FulfilmentStatus.Collected: part.MarkCollected(order, now, own.PersonId); break;
                default: throw new FulfilmentRuleException("UnknownStep");
            }
            await mail.PartStepAsync(order, part, ct);
            await lifecycle.SettleAsync(order, ct);
            return (true, true);
        }, false, ct);
    }

    /// <summary>A mentor or officer of the part's group records a paid pickup part collected.</summary>
    public async Task<OrderChange> CollectedByStaffAsync(StaffScope scope, int fulfilmentId, CancellationToken ct = default)
    {
        var part = await db.Fulfilments.Where(f => f.Id == fulfilmentId)
            .Select(f => new { f.OrderId, f.GroupId, db.Set<Group>().Single(g => g.Id == f.GroupId).OfficeId }).SingleOrDefaultAsync(ct);
        if (part is null || !scope.Reaches(part.GroupId, part.OfficeId)) throw new OutOfScopeException();
        return await work.RunAsync(part.OrderId, async order =>
        {
            var f = order.Fulfilments.Single(x => x.Id == fulfilmentId);
            if (f.Status == FulfilmentStatus.Collected) return (OrderChange.AlreadyDone, false);
            f.MarkCollected(order, clock.GetUtcNow(), scope.PersonId);
            await mail.PartStepAsync(order, f, ct);
            await lifecycle.SettleAsync(order, ct);
            return (OrderChange.Done, true);
        }, OrderChange.Unknown, ct);
    }

    /// <summary>Shipped parts nobody marked delivered within the set number of days are delivered; returns how many.</summary>
    public async Task<int> DeliverShippedDueAsync(CancellationToken ct = default)
    {
        var before = clock.GetUtcNow().AddDays(-options.ShippedDeliveredAfterDays);
        var due = await db.Fulfilments
            .Where(f => f.Status == FulfilmentStatus.Shipped && (f.ShippedAt ?? f.UpdatedAt) < before && f.Order!.Status == OrderStatus.Paid)
            .OrderBy(f => f.Id).Select(f => new { f.Id, f.OrderId }).Take(200).ToListAsync(ct);
        var delivered = 0;
        foreach (var part in due)
        {
            var done = await work.RunAsync(part.OrderId, async order =>
            {
                var f = order.Fulfilments.Single(x => x.Id == part.Id);
                if (f.Status != FulfilmentStatus.Shipped) return (false, false);
                f.MarkDelivered(order, clock.GetUtcNow(), by: null);
                await mail.PartStepAsync(order, f, ct);
                await lifecycle.SettleAsync(order, ct);
                return (true, true);
            }, false, ct);
            if (done) delivered++;
        }
        return delivered;
    }
}
