using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PasKreatif.Mail;
using PasKreatif.Organisation;
using PasKreatif.Catalog;
using PasKreatif.Persistence;

namespace PasKreatif.Orders;

/// <summary>Units of one order line to pay back.</summary>
public sealed record RefundChoice(int OrderLineId, int Quantity);

public enum RefundProblem { None, NothingChosen, UnknownLine, NotPaid, TooManyUnits, MoreThanPaid }

public enum RefundStep { Done, AlreadyDone, NotAllowed, Unknown }

/// <summary>
/// Refunds from creation to the money moving. Created inside the change that causes them (a
/// cancellation, lines paid back, money for a closed order) with their ledger reversal; then carried
/// out through the payment's gateway (GatewayRefunds sends them), or by an officer's transfer to the
/// account the buyer gave, or in cash at the group. "Refunded" and the buyer's mail come only when the money went back.
/// </summary>
public sealed class RefundDesk(MarketplaceDb db, IRefundReversals ledger, IPaymentChoices methods, OrderMail mail, MailOutbox outbox,
    TimeProvider clock, ICatalogChanges catalog, ILogger<RefundDesk> log)
{
    /// <summary>Units of each line of an order paid back so far (by refunds to carry out or carried out).</summary>
    public async Task<Dictionary<int, int>> RefundedUnitsAsync(int orderId, CancellationToken ct) =>
        await db.Set<RefundLine>().Where(l => l.OrderLineId != null && db.Set<Refund>().Any(r => r.Id == l.RefundId && r.OrderId == orderId))
            .GroupBy(l => l.OrderLineId!.Value).Select(g => new { g.Key, Units = g.Sum(l => l.Quantity) }).ToDictionaryAsync(g => g.Key, g => g.Units, ct);

    /// <summary>
    /// Creates a refund of paid units (and, for parts given back whole, their delivery) inside the caller's
    /// locked order transaction, and reverses exactly those lines' credits. Never more units than bought,
    /// never a delivery twice, never more than was paid.
    /// </summary>
    internal async Task<(RefundProblem Problem, Refund? Refund)> CreateAsync(Order order, RefundReason reason, IReadOnlyList<RefundChoice> units,
        IReadOnlyCollection<int> deliveriesOf, string? note, Guid? by, CancellationToken ct)
    {
        var chosen = units.Where(u => u.Quantity > 0).GroupBy(u => u.OrderLineId).Select(g => new RefundChoice(g.Key, g.Sum(u => u.Quantity))).ToList();
        if (chosen.Count == 0 && deliveriesOf.Count == 0) return (RefundProblem.NothingChosen, null);
        var refunded = await RefundedUnitsAsync(order.Id, ct);
        var deliveredBack = await db.Set<RefundLine>()
            .Where(l => l.OrderLineId == null && db.Set<Refund>().Any(r => r.Id == l.RefundId && r.OrderId == order.Id)).Select(l => l.FulfilmentId).ToListAsync(ct);
        var lines = new List<RefundLine>();
        foreach (var choice in chosen)
        {
            var line = order.Lines.SingleOrDefault(l => l.Id == choice.OrderLineId);
            if (line is null) return (RefundProblem.UnknownLine, null);
            var part = order.Fulfilments.Single(f => f.Id == line.FulfilmentId);
            if (!part.IsPaid) return (RefundProblem.NotPaid, null);
            if (choice.Quantity > line.Quantity - refunded.GetValueOrDefault(line.Id)) return (RefundProblem.TooManyUnits, null);
            lines.Add(RefundLine.Units(part.Id, line.Id, choice.Quantity, line.UnitPrice * choice.Quantity));
        }
        foreach (var part in order.Fulfilments.Where(f => deliveriesOf.Contains(f.Id) && f.IsPaid && f.DeliveryCost > Money.Zero && !deliveredBack.Contains(f.Id)))
            lines.Add(RefundLine.Delivery(part.Id, part.DeliveryCost));
        if (lines.Count == 0) return (RefundProblem.NothingChosen, null);

        var payment = order.ExpectedPayment();
        var owedBefore = await db.Set<Refund>().Where(r => r.PaymentId == payment.Id).SumAsync(r => r.Amount.Amount, ct);
        var paid = Money.Sum(order.Fulfilments.Where(f => f.IsPaid).Select(f => f.Total));
        if (new Money(owedBefore) + Money.Sum(lines.Select(l => l.Amount)) > paid) return (RefundProblem.MoreThanPaid, null);

        var refund = Refund.Create(order.Id, payment, RouteFor(payment), reason, note, by, clock.GetUtcNow(), lines);
        db.Set<Refund>().Add(refund);
        await db.SaveChangesAsync(ct);
        await ledger.ReverseRefundAsync(refund, ReversalNote(order, reason), by, ct);
        await UnitsSold.AddAsync(db, lines.Where(l => l.OrderLineId is not null)
            .Select(l => (order.Lines.Single(o => o.Id == l.OrderLineId).ListingId, -l.Quantity)), catalog, ct);
        log.RefundCreated(order.Number, refund.Id, refund.Amount, reason);
        return (RefundProblem.None, refund);
    }

    /// <summary>Money that arrived when nothing was owed: paid back whole, through the gateway that took it.</summary>
    internal async Task<Refund> CreateUnexpectedAsync(Order order, Payment payment, RefundReason reason, CancellationToken ct)
    {
        var refund = Refund.Create(order.Id, payment, RouteFor(payment), reason, null, null, clock.GetUtcNow(), [], payment.Amount);
        db.Set<Refund>().Add(refund);
        await db.SaveChangesAsync(ct);
        log.UnexpectedMoneyRefunded(order.Number, payment.Amount, reason, refund.Id);
        return refund;
    }

    /// <summary>The units and delivery of a part not paid back yet, for cancelling it whole.</summary>
    internal async Task<IReadOnlyList<RefundChoice>> RemainingUnitsAsync(Order order, IEnumerable<Fulfilment> parts, CancellationToken ct)
    {
        var refunded = await RefundedUnitsAsync(order.Id, ct);
        return parts.SelectMany(p => p.Lines).Select(l => new RefundChoice(l.Id, l.Quantity - refunded.GetValueOrDefault(l.Id)))
            .Where(c => c.Quantity > 0).ToList();
    }

    RefundRoute RouteFor(Payment payment) =>
        methods.ThroughGateway(payment.Method) && payment.ProviderReference is not null ? RefundRoute.Gateway
        : payment.Method == PaymentMethod.CashOnPickup ? RefundRoute.Cash
        : RefundRoute.BankTransfer;

    static string ReversalNote(Order order, RefundReason reason) => $"{order.Number}: {reason}";

    /// <summary>Marks a refund carried out inside a locked order transaction: the payment counts it, a cancelled order whose money all went back is refunded, the buyer is told.</summary>
    internal async Task<bool> FinishAsync(Order order, Refund refund, string? reference, Guid? by, CancellationToken ct, bool atGateway = false)
    {
        if (!refund.MarkSent(reference, by, clock.GetUtcNow(), atGateway)) return false;
        var payment = order.Payments.Single(p => p.Id == refund.PaymentId);
        payment.AddRefunded(refund.Amount);
        await db.SaveChangesAsync(ct);
        var expected = order.ExpectedPayment();
        if (order.Status == OrderStatus.Cancelled && refund.PaymentId == expected.Id
            && !await db.Set<Refund>().AnyAsync(r => r.PaymentId == expected.Id && r.Status != RefundStatus.Sent, ct))
            order.Status = OrderStatus.Refunded;
        mail.RefundSent(order, refund);
        log.RefundSent(order.Number, refund.Id, refund.Amount);
        return true;
    }

    /// <summary>The buyer gives (or corrects) the account a transfer back goes to, on their order page.</summary>
    public async Task<RefundStep> GiveAccountAsync(string token, int refundId, string? bank, string? number, string? holder, CancellationToken ct = default)
    {
        var refund = await db.Set<Refund>().SingleOrDefaultAsync(r => r.Id == refundId && db.Set<Order>().Any(o => o.Id == r.OrderId && o.PublicToken == token), ct);
        if (refund is null) return RefundStep.Unknown;
        refund.GiveAccount(bank, number, holder, clock.GetUtcNow()); // throws RefundRuleException with the field's code
        await db.SaveChangesAsync(ct);
        return RefundStep.Done;
    }

    /// <summary>An officer (or, for cash, a mentor) records the money sent back, with the transfer's reference.</summary>
    public async Task<RefundStep> RecordSentAsync(StaffScope scope, int refundId, string? reference, CancellationToken ct = default)
    {
        var known = await db.Set<Refund>().AsNoTracking().Where(r => r.Id == refundId).Select(r => new { r.OrderId, r.Route }).SingleOrDefaultAsync(ct)
            ?? throw new OutOfScopeException();
        if (!await HandlesAsync(scope, refundId, ct)) throw new OutOfScopeException();
        if (known.Route == RefundRoute.Gateway) return RefundStep.NotAllowed;
        if (known.Route == RefundRoute.BankTransfer && string.IsNullOrWhiteSpace(reference)) throw new RefundRuleException("ReferenceRequired");
        if (new TransferReferenceInput(reference).Validate() is [var broken, ..]) throw new RefundRuleException(broken.Code);
        RefundStep step;
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            var order = await OrderLock.LoadLockedAsync(db, known.OrderId, ct) ?? throw new OutOfScopeException();
            var refund = await db.Set<Refund>().SingleAsync(r => r.Id == refundId, ct);
            step = await FinishAsync(order, refund, reference, scope.PersonId, ct) ? RefundStep.Done : RefundStep.AlreadyDone;
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        await outbox.DispatchAsync(ct);
        return step;
    }

    /// <summary>Transfers back are for officers of an office with a part in the refund, cash for the part's group; administrators all.</summary>
    public async Task<bool> HandlesAsync(StaffScope scope, int refundId, CancellationToken ct)
    {
        var refund = await db.Set<Refund>().AsNoTracking().Where(r => r.Id == refundId)
            .Select(r => new { r.OrderId, r.Route, Parts = r.Lines.Select(l => l.FulfilmentId).ToList() }).SingleOrDefaultAsync(ct);
        if (refund is null) return false;
        var groups = await db.Fulfilments.Where(f => f.OrderId == refund.OrderId && (refund.Parts.Count == 0 || refund.Parts.Contains(f.Id)))
            .Select(f => new { f.GroupId, db.Set<Group>().Single(g => g.Id == f.GroupId).OfficeId }).ToListAsync(ct);
        var money = refund.Route == RefundRoute.Cash ? PaymentMethod.CashOnPickup : PaymentMethod.BankTransfer;
        return scope.HandlesMoneyOf(money, groups.Select(g => (g.GroupId, g.OfficeId)));
    }
}
