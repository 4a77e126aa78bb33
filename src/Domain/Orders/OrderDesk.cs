using Microsoft.EntityFrameworkCore;
using PasKreatif.Organisation;
using PasKreatif.Persistence;

namespace PasKreatif.Orders;

/// <summary>One part as staff see it, with what the viewer may do to it.</summary>
public sealed record StaffPartView(Fulfilment Part, string MakerName, string GroupName, string OfficeName, IndonesianZone Zone,
    bool CanConfirmCash, bool CanRecordCollected, bool CanCancel, bool CanRefund);

public sealed record StaffOrderView(Order Order, IReadOnlyList<StaffPartView> Parts, IReadOnlyList<RefundView> Refunds, IReadOnlyList<OrderWait> Waits,
    IReadOnlyDictionary<int, int> RefundedUnits, bool CanConfirmTransfer, IReadOnlyDictionary<int, bool> CanRecordRefund)
{
    public int Refundable(OrderLine line) => line.Quantity - RefundedUnits.GetValueOrDefault(line.Id);
}

/// <summary>What a refund would pay back, shown before staff confirm it.</summary>
public sealed record RefundPreview(RefundProblem Problem, Money Amount, IReadOnlyList<(OrderLine Line, int Quantity)> Lines);

/// <summary>An order's back-office page: its parts, money and waits, and the staff steps on it (each in scope, each after a confirmation).</summary>
public sealed class OrderDesk(MarketplaceDb db, OrderWork work, OrderLifecycle lifecycle, Handovers handovers, RefundDesk refunds, OrderQueries queries,
    OpenOrders openOrders, OrderMail mail)
{
    public async Task<StaffOrderView> ViewAsync(StaffScope scope, int orderId, CancellationToken ct = default)
    {
        var order = await scope.Orders(db).AsNoTracking().Include(o => o.Fulfilments).ThenInclude(f => f.Lines).Include(o => o.Payments)
            .AsSplitQuery().SingleOrDefaultAsync(o => o.Id == orderId, ct) ?? throw new OutOfScopeException();
        var about = await db.Fulfilments.Where(f => f.OrderId == orderId).Select(f => new
        {
            f.Id, Maker = f.Maker!.DisplayName, Group = db.Set<Group>().Where(g => g.Id == f.GroupId).Select(g => new { g.Id, g.Name, g.OfficeId, Office = g.Office!.Name, g.Office.Zone }).First(),
        }).ToDictionaryAsync(f => f.Id, ct);
        var open = order.IsOpen;
        var parts = order.Fulfilments.OrderBy(f => f.Id).Select(f =>
        {
            var g = about[f.Id].Group;
            var reaches = scope.Reaches(g.Id, g.OfficeId);
            var cash = order.PaymentMethod == PaymentMethod.CashOnPickup;
            return new StaffPartView(f, about[f.Id].Maker, g.Name, g.Office, g.Zone,
                CanConfirmCash: cash && open && f.IsLive && !f.IsPaid && scope.HandlesMoneyOf(PaymentMethod.CashOnPickup, [(g.Id, g.OfficeId)]),
                CanRecordCollected: reaches && f.Delivery == DeliveryMethod.Pickup && f.Status == FulfilmentStatus.ReadyForPickup && f.IsPaid && order.Status == OrderStatus.Paid,
                CanCancel: reaches && open && f.CanBeCancelled(),
                CanRefund: reaches && f.IsPaid);
        }).ToList();
        var refundViews = await queries.RefundsAsync(order, ct);
        var canRecord = new Dictionary<int, bool>();
        foreach (var refund in refundViews.Where(r => r.Status == RefundStatus.ToSend && r.Route != RefundRoute.Gateway))
            canRecord[refund.Id] = await refunds.HandlesAsync(scope, refund.Id, ct);
        var transferGroups = about.Values.Select(a => (a.Group.Id, a.Group.OfficeId));
        return new StaffOrderView(order, parts, refundViews, await openOrders.WaitsOfAsync(orderId, ct), await refunds.RefundedUnitsAsync(orderId, ct),
            order.Status == OrderStatus.AwaitingPayment && order.PaymentMethod == PaymentMethod.BankTransfer && scope.HandlesMoneyOf(PaymentMethod.BankTransfer, transferGroups),
            canRecord);
    }

    /// <summary>What refunding these units would pay back, without changing anything.</summary>
    public async Task<RefundPreview> PreviewRefundAsync(StaffScope scope, int orderId, IReadOnlyList<RefundChoice> choices, CancellationToken ct = default)
    {
        var view = await ViewAsync(scope, orderId, ct);
        var chosen = choices.Where(c => c.Quantity > 0).ToList();
        if (chosen.Count == 0) return new(RefundProblem.NothingChosen, Money.Zero, []);
        var lines = new List<(OrderLine, int)>();
        foreach (var choice in chosen)
        {
            var part = view.Parts.FirstOrDefault(p => p.Part.Lines.Any(l => l.Id == choice.OrderLineId));
            if (part is null || !part.CanRefund) return new(part is null ? RefundProblem.UnknownLine : RefundProblem.NotPaid, Money.Zero, []);
            var line = part.Part.Lines.Single(l => l.Id == choice.OrderLineId);
            if (choice.Quantity > view.Refundable(line)) return new(RefundProblem.TooManyUnits, Money.Zero, []);
            lines.Add((line, choice.Quantity));
        }
        return new(RefundProblem.None, Money.Sum(lines.Select(l => l.Item1.UnitPrice * l.Item2)), lines);
    }

    /// <summary>Pays back units of paid lines (confirmed by staff); the credits of exactly those units are reversed.</summary>
    public async Task<RefundProblem> RefundLinesAsync(StaffScope scope, int orderId, IReadOnlyList<RefundChoice> choices, string? note, CancellationToken ct = default)
    {
        var preview = await PreviewRefundAsync(scope, orderId, choices, ct);
        if (preview.Problem != RefundProblem.None) return preview.Problem;
        return await work.RunAsync(orderId, async order =>
        {
            var (problem, refund) = await refunds.CreateAsync(order, RefundReason.LinesRefunded, choices, [], note, scope.PersonId, ct);
            if (refund is null) return (problem, false);
            mail.RefundCreated(order, refund);
            return (RefundProblem.None, true);
        }, RefundProblem.UnknownLine, ct);
    }

    public async Task<OrderChange> CancelPartAsync(StaffScope scope, int orderId, int fulfilmentId, string? note, CancellationToken ct = default)
    {
        var view = await ViewAsync(scope, orderId, ct);
        var part = view.Parts.FirstOrDefault(p => p.Part.Id == fulfilmentId) ?? throw new OutOfScopeException();
        if (!part.CanCancel) return part.Part.IsLive ? OrderChange.NotAllowed : OrderChange.AlreadyDone;
        return await lifecycle.CancelPartAsync(orderId, fulfilmentId, note, scope.PersonId, ct);
    }

    public Task<OrderChange> RecordCollectedAsync(StaffScope scope, int fulfilmentId, CancellationToken ct = default) =>
        handovers.CollectedByStaffAsync(scope, fulfilmentId, ct);

    /// <summary>Refunds to carry out within reach, oldest first: waiting for the buyer's account, for a transfer or cash, or for the gateway.</summary>
    public async Task<IReadOnlyList<RefundToCarryOut>> RefundsToCarryOutAsync(StaffScope scope, CancellationToken ct = default)
    {
        var orders = scope.Orders(db);
        var rows = await db.Set<Refund>().AsNoTracking().Where(r => r.Status != RefundStatus.Sent && orders.Any(o => o.Id == r.OrderId))
            .OrderBy(r => r.CreatedAt).Take(300)
            .Select(r => new RefundToCarryOut(r.Id, r.OrderId, db.Set<Order>().Where(o => o.Id == r.OrderId).Select(o => o.Number).First(),
                db.Set<Order>().Where(o => o.Id == r.OrderId).Select(o => o.BuyerName).First(), r.Amount, r.Status, r.Route, r.Reason, r.CreatedAt,
                r.AccountBank, r.AccountNumber, r.AccountHolder, r.GatewayTries, r.LastError, false))
            .ToListAsync(ct);
        var result = new List<RefundToCarryOut>(rows.Count);
        foreach (var row in rows)
            result.Add(row with { CanRecord = row.Status == RefundStatus.ToSend && row.Route != RefundRoute.Gateway && await refunds.HandlesAsync(scope, row.Id, ct) });
        return result;
    }
}

public sealed record RefundToCarryOut(int Id, int OrderId, string Number, string BuyerName, Money Amount, RefundStatus Status, RefundRoute Route,
    RefundReason Reason, DateTimeOffset CreatedAt, string? AccountBank, string? AccountNumber, string? AccountHolder, int GatewayTries, string? LastError, bool CanRecord);
