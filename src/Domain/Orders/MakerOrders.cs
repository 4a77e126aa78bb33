using Microsoft.EntityFrameworkCore;
using PasKreatif.Persistence;

namespace PasKreatif.Orders;

/// <summary>
/// One part in the maker's list. <paramref name="Stage"/> says what to do or why to wait (an unpaid
/// transfer is <see cref="PartStage.AwaitingPayment"/>, not "new"); <paramref name="PayBy"/> is when an
/// unpaid order lapses, <paramref name="CollectBy"/> when an uncollected cash part does.
/// </summary>
public sealed record OwnFulfilmentRow(int Id, string OrderNumber, DateTimeOffset PlacedAt, FulfilmentStatus Status, PartStage Stage,
    DeliveryMethod Delivery, PaymentMethod Method, int Units, Money Total, DateOnly? PickupDate, DateTimeOffset? PayBy, DateTimeOffset? CollectBy);

/// <summary>The maker's own part of one order, the steps they may take, and the units already paid back to the buyer (by line).</summary>
public sealed record OwnFulfilment(Fulfilment Fulfilment, Order Order, IReadOnlyList<OrderLine> Lines, IReadOnlyList<FulfilmentStatus> NextSteps,
    PartStage Stage, IReadOnlyDictionary<int, int> RefundedUnits);

/// <summary>
/// The orders a maker fulfils: only their own part of each order, found by their maker id. Steps go
/// through <see cref="Handovers"/>, which tells the buyer by mail in the order's language.
/// </summary>
public sealed class MakerOrders(MarketplaceDb db, Handovers handovers, RefundDesk refunds)
{
    public async Task<IReadOnlyList<OwnFulfilmentRow>> ListAsync(int makerId, CancellationToken ct = default)
    {
        var rows = await db.Fulfilments.Where(f => f.MakerId == makerId)
            .OrderBy(f => f.Status == FulfilmentStatus.New ? 0 : f.Status == FulfilmentStatus.Preparing ? 1 : 2)
            .ThenByDescending(f => f.Order!.PlacedAt)
            .Take(200)
            .Select(f => new
            {
                f.Id, f.Order!.Number, f.Order.PlacedAt, f.Status, OrderStatus = f.Order.Status, f.Order.PaymentMethod, f.Order.PaymentDueAt, f.Delivery,
                f.PickupDate, f.CollectBy, Units = f.Lines.Sum(l => l.Quantity), Total = f.Lines.Sum(l => l.LineTotal.Amount),
            })
            .ToListAsync(ct);
        return rows.Select(r =>
        {
            var order = new Order { Status = r.OrderStatus, PaymentMethod = r.PaymentMethod };
            var stage = new Fulfilment { Status = r.Status }.Stage(order);
            return new OwnFulfilmentRow(r.Id, r.Number, r.PlacedAt, r.Status, stage, r.Delivery, r.PaymentMethod, r.Units, new Money(r.Total),
                r.PickupDate, stage == PartStage.AwaitingPayment ? r.PaymentDueAt : null, r.PaymentMethod == PaymentMethod.CashOnPickup ? r.CollectBy : null);
        }).OrderBy(r => r.Stage switch { PartStage.ToPrepare => 0, PartStage.Preparing => 1, PartStage.ReadyForPickup => 2, PartStage.AwaitingPayment => 3, _ => 4 })
        .ToList();
    }

    public async Task<OwnFulfilment?> FindAsync(int makerId, int fulfilmentId, CancellationToken ct = default)
    {
        var f = await db.Fulfilments.AsNoTracking().Where(x => x.Id == fulfilmentId && x.MakerId == makerId)
            .Include(x => x.Order).Include(x => x.Lines).SingleOrDefaultAsync(ct);
        if (f is null) return null;
        var refunded = await refunds.RefundedUnitsAsync(f.OrderId, ct);
        return new OwnFulfilment(f, f.Order!, f.Lines.OrderBy(l => l.Id).ToList(), f.NextSteps(f.Order!), f.Stage(f.Order!),
            f.Lines.Where(l => refunded.ContainsKey(l.Id)).ToDictionary(l => l.Id, l => refunded[l.Id]));
    }

    /// <summary>Moves the maker's part one step; a refused step changes nothing.</summary>
    public Task StepAsync(int makerId, int fulfilmentId, FulfilmentStatus to, string? trackingNote, CancellationToken ct = default) =>
        handovers.StepByMakerAsync(makerId, fulfilmentId, to, trackingNote, ct);
}

public sealed class FulfilmentNotFoundException() : Exception("Fulfilment not found for this maker.");
