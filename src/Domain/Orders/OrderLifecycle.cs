using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;
using PasKreatif.Catalog;
using PasKreatif.Persistence;
using PasKreatif.Observability;

namespace PasKreatif.Orders;

public enum OrderChange { Done, AlreadyDone, NotAllowed, Unknown, ReferenceUsed, Refunding }

/// <summary>A payment a gateway confirmed: the order it names, the gateway's payment, the transaction it came through, and the amount taken.</summary>
public sealed record GatewayPayment(int OrderId, PaymentMethod Method, string PaymentReference, string? AttemptReference, Money? Amount);

/// <summary>
/// The order's own states. Every change runs under the order's row lock (<see cref="OrderWork"/>), so a
/// repeat or a race changes nothing twice. An order is paid when every live part is paid (one transfer
/// or card payment pays them all; cash is paid part by part at pickup) and completed when every live part
/// is delivered or collected.
/// </summary>
public sealed class OrderLifecycle(MarketplaceDb db, OrderWork work, IMakerCredits ledger, RefundDesk refunds, OrderMail mail,
    TimeProvider clock, ICatalogChanges catalog, ILogger<OrderLifecycle> log)
{
    /// <summary>Records the whole order's payment (a transfer an officer confirmed, a card) and credits the makers' ledgers.</summary>
    public async Task<OrderChange> MarkPaidAsync(int orderId, string? providerReference, Guid? confirmedBy, CancellationToken ct = default)
    {
        var reference = string.IsNullOrWhiteSpace(providerReference) ? null : providerReference.Trim();
        if (reference is not null && await db.Payments.AnyAsync(p => p.ProviderReference == reference && p.OrderId != orderId, ct))
            return OrderChange.ReferenceUsed;
        try
        {
            return await work.RunAsync(orderId, async order =>
            {
                if (order.Status != OrderStatus.AwaitingPayment) return (WhyNot(order, OrderStatus.Paid), false);
                if (order.PaymentMethod == PaymentMethod.CashOnPickup) return (OrderChange.NotAllowed, false); // cash is confirmed part by part
                await PayWholeAsync(order, reference, confirmedBy, ct);
                return (OrderChange.Done, true);
            }, OrderChange.Unknown, ct);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            db.ChangeTracker.Clear();
            return OrderChange.ReferenceUsed; // the same reference typed for another order at the same moment
        }
    }

    async Task PayWholeAsync(Order order, string? reference, Guid? confirmedBy, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var payment = order.ExpectedPayment();
        payment.Status = PaymentStatus.Succeeded;
        payment.SucceededAt = now;
        payment.ConfirmedById = confirmedBy;
        payment.ProviderReference = reference ?? payment.ProviderReference;
        foreach (var part in order.Fulfilments.Where(f => f.IsLive)) part.RecordPaid(now);
        order.Status = OrderStatus.Paid;
        order.PaidAt = now;
        await db.SaveChangesAsync(ct);
        await ledger.CreditPartsAsync(order.Id, null, now, ct);
        await UnitsSold.AddAsync(db, order.Lines.Select(l => (l.ListingId, l.Quantity)), catalog, ct);
        mail.PaymentReceived(order);
        await mail.NewOrderToMakersAsync(order.Id, ct);
        log.OrderPaid(order.Id);
        ShopMetrics.OrderPaid(order.PaymentMethod.ToString());
    }

    /// <summary>Cash handed over at one pickup part, confirmed by a mentor or officer of its group: that part is paid and collected.</summary>
    public Task<OrderChange> ConfirmCashPartAsync(int orderId, int fulfilmentId, Guid confirmedBy, CancellationToken ct = default) =>
        work.RunAsync(orderId, async order =>
        {
            var part = order.Fulfilments.SingleOrDefault(f => f.Id == fulfilmentId);
            if (part is null || order.PaymentMethod != PaymentMethod.CashOnPickup) return (OrderChange.Unknown, false);
            if (part.IsPaid) return (OrderChange.AlreadyDone, false);
            if (order.Status != OrderStatus.AwaitingPayment || !part.IsLive) return (OrderChange.NotAllowed, false);
            var now = clock.GetUtcNow();
            part.MarkCashCollected(order, now, confirmedBy);
            await db.SaveChangesAsync(ct);
            await ledger.CreditPartsAsync(order.Id, [part.Id], now, ct);
            await UnitsSold.AddAsync(db, part.Lines.Select(l => (l.ListingId, l.Quantity)), catalog, ct);
            order.ExpectedPayment().ConfirmedById = confirmedBy;
            // The buyer hears of each part collected; the last one's news is the order's receipt and completion.
            if (order.Fulfilments.Any(f => f.IsLive && !f.IsPaid)) await mail.PartStepAsync(order, part, ct);
            await SettleAsync(order, ct);
            return (OrderChange.Done, true);
        }, OrderChange.Unknown, ct);

    /// <summary>
    /// A gateway confirmed money for an order. Awaited and of the order's amount: the order is paid. Already
    /// recorded: nothing. For an order that closed meanwhile, a second payment of a paid one, or a sum other
    /// than the order's, the money is recorded and refunded through the same gateway straight away.
    /// </summary>
    public Task<OrderChange> ConfirmedByGatewayAsync(GatewayPayment paid, CancellationToken ct = default) =>
        work.RunAsync(paid.OrderId, async order =>
        {
            var now = clock.GetUtcNow();
            if (paid.AttemptReference is { } attemptReference)
                (await db.Set<PaymentAttempt>().SingleOrDefaultAsync(a => a.Reference == attemptReference, ct))?.End(AttemptStatus.Paid, now);
            var awaited = order.Status == OrderStatus.AwaitingPayment && order.PaymentMethod == paid.Method;
            // Only the amount the order asks pays it: any other sum the gateway took goes back whole, and the order waits on.
            if (awaited && (paid.Amount is not { } confirmed || confirmed == order.ExpectedPayment().Amount))
            {
                await PayWholeAsync(order, paid.PaymentReference, null, ct);
                return (OrderChange.Done, true);
            }
            if (await db.Payments.AnyAsync(p => p.ProviderReference == paid.PaymentReference, ct)) return (OrderChange.AlreadyDone, true);
            if (awaited) log.GatewayAmountDiffers(order.Number, paid.Amount, order.ExpectedPayment().Amount);
            var unexpected = new Payment
            {
                OrderId = order.Id, Method = paid.Method, Status = PaymentStatus.Succeeded, Amount = paid.Amount ?? order.ExpectedPayment().Amount,
                ProviderReference = paid.PaymentReference, CreatedAt = now, SucceededAt = now, Unexpected = true,
            };
            order.Payments.Add(unexpected);
            await db.SaveChangesAsync(ct);
            await refunds.CreateUnexpectedAsync(order, unexpected, awaited ? RefundReason.WrongAmount : order.IsOpen ? RefundReason.SecondPayment : RefundReason.LatePayment, ct);
            return (OrderChange.Refunding, true);
        }, OrderChange.Unknown, ct);

    /// <summary>
    /// The gateway reports how much of a payment it refunded in total (Stripe's charge.refunded). Refunds
    /// the shop asked for are marked carried out; money refunded from the gateway's own dashboard beyond
    /// them is recorded too, and when it is the whole payment the order is cancelled as refunded.
    /// </summary>
    public async Task<OrderChange> RefundedAtGatewayAsync(string paymentReference, Money totalRefunded, CancellationToken ct = default)
    {
        var orderId = await db.Payments.Where(p => p.ProviderReference == paymentReference).Select(p => (int?)p.OrderId).SingleOrDefaultAsync(ct);
        if (orderId is null) return OrderChange.Unknown;
        return await work.RunAsync(orderId.Value, async order =>
        {
            var payment = order.Payments.Single(p => p.ProviderReference == paymentReference);
            var ours = await db.Set<Refund>().Where(r => r.PaymentId == payment.Id).OrderBy(r => r.Id).ToListAsync(ct);
            var covered = totalRefunded - Money.Sum(ours.Where(r => r.IsSent).Select(r => r.Amount));
            var changed = false;
            foreach (var sending in ours.Where(r => r.Status == RefundStatus.Sending && r.Amount <= covered))
            {
                covered -= sending.Amount;
                changed |= await refunds.FinishAsync(order, sending, null, null, ct, atGateway: true);
            }
            var extra = covered - Money.Sum(ours.Where(r => r.Status == RefundStatus.Sending).Select(r => r.Amount));
            if (extra <= Money.Zero) return (changed ? OrderChange.Done : OrderChange.AlreadyDone, changed);
            var whole = !payment.Unexpected && totalRefunded >= payment.Amount && order.IsOpen;
            var refund = whole
                ? await CloseAsync(order, OrderStatus.Cancelled, RefundReason.RefundedAtGateway, null, ct)
                : await refunds.CreateUnexpectedAsync(order, payment, RefundReason.RefundedAtGateway, ct);
            if (refund is not null)
            {
                if (!whole) log.RefundedAtGatewayWithoutLines(order.Number, extra);
                await refunds.FinishAsync(order, refund, null, null, ct, atGateway: true);
            }
            return (OrderChange.Done, true);
        }, OrderChange.Unknown, ct);
    }

    /// <summary>The buyer cancels (after a confirmation step) while no maker started preparing; money paid goes back.</summary>
    public async Task<OrderChange> CancelByBuyerAsync(string token, CancellationToken ct = default)
    {
        var id = await db.Orders.Where(o => o.PublicToken == token).Select(o => (int?)o.Id).SingleOrDefaultAsync(ct);
        if (id is null) return OrderChange.Unknown;
        return await work.RunAsync(id.Value, async order =>
        {
            if (!order.IsOpen) return (order.Status is OrderStatus.Cancelled or OrderStatus.Refunded ? OrderChange.AlreadyDone : OrderChange.NotAllowed, false);
            if (!CanBuyerCancel(order)) return (OrderChange.NotAllowed, false);
            await CloseAsync(order, OrderStatus.Cancelled, RefundReason.BuyerCancelled, null, ct);
            return (OrderChange.Done, true);
        }, OrderChange.Unknown, ct);
    }

    public static bool CanBuyerCancel(Order order) => CanBuyerCancel(order.IsOpen, order.PaymentMethod, order.Fulfilments.Select(f => (f.Status, f.IsPaid)));

    /// <summary>The buyer may cancel an open order while every live part is still new: nothing prepared, nothing handed over.</summary>
    public static bool CanBuyerCancel(bool open, PaymentMethod method, IEnumerable<(FulfilmentStatus Status, bool Paid)> parts) =>
        open && parts.Where(p => p.Status != FulfilmentStatus.Cancelled).All(p => p.Status == FulfilmentStatus.New && !(p.Paid && method == PaymentMethod.CashOnPickup));

    /// <summary>Staff cancel one part not yet on its way (the maker cannot deliver): its stock comes back, its money is refunded.</summary>
    public Task<OrderChange> CancelPartAsync(int orderId, int fulfilmentId, string? note, Guid by, CancellationToken ct = default) =>
        work.RunAsync(orderId, async order =>
        {
            var part = order.Fulfilments.SingleOrDefault(f => f.Id == fulfilmentId);
            if (part is null) return (OrderChange.Unknown, false);
            if (!part.IsLive) return (OrderChange.AlreadyDone, false);
            if (!order.IsOpen || !part.CanBeCancelled()) return (OrderChange.NotAllowed, false);
            if (order.Fulfilments.Count(f => f.IsLive) == 1)
            {
                await CloseAsync(order, OrderStatus.Cancelled, RefundReason.PartCancelled, by, ct, note);
                return (OrderChange.Done, true);
            }
            var wasPaid = part.IsPaid;
            part.MarkCancelled(clock.GetUtcNow());
            await ReleaseStockAsync([part], ct);
            Refund? refund = null;
            if (wasPaid)
                (_, refund) = await refunds.CreateAsync(order, RefundReason.PartCancelled, await refunds.RemainingUnitsAsync(order, [part], ct), [part.Id], note, by, ct);
            await db.SaveChangesAsync(ct);
            mail.PartCancelled(order, part, refund);
            await SettleAsync(order, ct);
            return (OrderChange.Done, true);
        }, OrderChange.Unknown, ct);

    /// <summary>
    /// Lets unpaid orders past their deadline lapse, releasing their stock, whatever their parts' steps:
    /// transfers and cards at the order's deadline, cash parts each when not collected in time. An order
    /// handled is no longer due, so nothing is tried twice. Returns how many orders changed.
    /// </summary>
    public async Task<int> ExpireDueAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var due = await db.Orders.Where(o => o.Status == OrderStatus.AwaitingPayment)
            .Where(o => o.PaymentMethod != PaymentMethod.CashOnPickup ? o.PaymentDueAt < now
                : o.Fulfilments.Any(f => f.Status != FulfilmentStatus.Cancelled && f.PaidAt == null && f.CollectBy < now))
            .OrderBy(o => o.Id).Select(o => o.Id).ToListAsync(ct);
        var changed = 0;
        foreach (var id in due)
        {
            try
            {
                if (await LapseAsync(id, ct) == OrderChange.Done) changed++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                db.ChangeTracker.Clear();
                log.LapseFailed(e, id);
            }
        }
        return changed;
    }

    Task<OrderChange> LapseAsync(int orderId, CancellationToken ct) =>
        work.RunAsync(orderId, async order =>
        {
            var now = clock.GetUtcNow();
            if (order.Status != OrderStatus.AwaitingPayment) return (OrderChange.AlreadyDone, false);
            if (order.PaymentMethod != PaymentMethod.CashOnPickup)
            {
                if (order.PaymentDueAt >= now) return (OrderChange.NotAllowed, false);
                await CloseAsync(order, OrderStatus.Expired, null, null, ct);
                return (OrderChange.Done, true);
            }
            var lapsed = order.Fulfilments.Where(f => f.IsLive && !f.IsPaid && f.CollectBy < now).ToList();
            if (lapsed.Count == 0) return (OrderChange.NotAllowed, false);
            if (order.Fulfilments.Where(f => f.IsLive).All(lapsed.Contains))
            {
                await CloseAsync(order, OrderStatus.Expired, null, null, ct);
                return (OrderChange.Done, true);
            }
            foreach (var part in lapsed) part.Move(FulfilmentStatus.Cancelled, now);
            await ReleaseStockAsync(lapsed, ct);
            foreach (var part in lapsed) mail.PartCancelled(order, part, null);
            await SettleAsync(order, ct);
            return (OrderChange.Done, true);
        }, OrderChange.Unknown, ct);

    /// <summary>Completes a paid order once every live part is delivered or collected.</summary>
    public Task<OrderChange> CompleteIfFulfilledAsync(int orderId, CancellationToken ct = default) =>
        work.RunAsync(orderId, async order =>
        {
            if (order.Status == OrderStatus.Completed) return (OrderChange.AlreadyDone, false);
            var before = order.Status;
            await SettleAsync(order, ct);
            return order.Status == OrderStatus.Completed && before != OrderStatus.Completed ? (OrderChange.Done, true) : (OrderChange.NotAllowed, false);
        }, OrderChange.Unknown, ct);

    /// <summary>
    /// After any part changed: an unpaid order whose live parts are all paid becomes paid (cash, part by
    /// part), and a paid one whose live parts are all handed over becomes completed, inviting the review.
    /// </summary>
    internal async Task SettleAsync(Order order, CancellationToken ct)
    {
        var live = order.Fulfilments.Where(f => f.IsLive).ToList();
        if (live.Count == 0) return;
        var now = clock.GetUtcNow();
        if (order.Status == OrderStatus.AwaitingPayment && live.All(f => f.IsPaid))
        {
            var payment = order.ExpectedPayment();
            payment.Status = PaymentStatus.Succeeded;
            payment.SucceededAt = now;
            payment.Amount = Money.Sum(order.Fulfilments.Where(f => f.IsPaid).Select(f => f.Total)); // what was actually received
            order.Status = OrderStatus.Paid;
            order.PaidAt = now;
            mail.PaymentReceived(order);
            ShopMetrics.OrderPaid(order.PaymentMethod.ToString());
        }
        if (order.Status == OrderStatus.Paid && live.All(f => f.IsHandedOver))
        {
            order.Status = OrderStatus.Completed;
            order.ClosedAt = now;
            mail.Completed(order);
            log.OrderCompleted(order.Id);
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Cancels or expires an open order inside its lock: parts end, stock comes back, paid money becomes a refund to carry out.</summary>
    async Task<Refund?> CloseAsync(Order order, OrderStatus target, RefundReason? reason, Guid? by, CancellationToken ct, string? note = null)
    {
        var now = clock.GetUtcNow();
        var ending = order.Fulfilments.Where(f => f.IsLive && !f.IsHandedOver).ToList();
        var paidParts = ending.Where(f => f.IsPaid).ToList();
        foreach (var part in ending) part.Move(FulfilmentStatus.Cancelled, now);
        await ReleaseStockAsync(ending.Where(f => f.ShippedAt is null), ct);
        Refund? refund = null;
        if (paidParts.Count > 0 && reason is { } why)
            (_, refund) = await refunds.CreateAsync(order, why, await refunds.RemainingUnitsAsync(order, paidParts, ct), paidParts.Select(p => p.Id).ToList(), note, by, ct);
        var payment = order.ExpectedPayment();
        if (!order.Fulfilments.Any(f => f.IsPaid)) payment.Status = PaymentStatus.Failed;
        order.Status = target;
        order.ClosedAt = now;
        await db.SaveChangesAsync(ct);
        mail.Closed(order, refund);
        log.OrderClosed(order.Id, target);
        if (target == OrderStatus.Expired) ShopMetrics.OrderExpired(order.PaymentMethod.ToString());
        else if (target == OrderStatus.Cancelled) ShopMetrics.OrderCancelled(order.PaymentMethod.ToString());
        return refund;
    }

    async Task ReleaseStockAsync(IEnumerable<Fulfilment> parts, CancellationToken ct)
    {
        foreach (var line in parts.SelectMany(p => p.Lines).OrderBy(l => l.ListingId))
            await ListingStock.ReleaseAsync(db, line.ListingId, line.Quantity, catalog, ct);
    }

    static OrderChange WhyNot(Order order, OrderStatus wanted) =>
        order.Status == wanted || wanted == OrderStatus.Paid && order.Status == OrderStatus.Completed ? OrderChange.AlreadyDone : OrderChange.NotAllowed;
}
