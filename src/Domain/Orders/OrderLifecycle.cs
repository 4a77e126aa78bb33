using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PasKreatif.Catalog;
using PasKreatif.Ledger;
using PasKreatif.Payments;
using PasKreatif.Persistence;

namespace PasKreatif.Orders;

public enum OrderChange { Done, AlreadyDone, NotAllowed, Unknown }

/// <summary>
/// The order's own states: paid, completed, cancelled, expired, refunded. Every change is a
/// conditional update on the current state, so a repeat or a race changes nothing twice.
/// </summary>
public sealed class OrderLifecycle(MarketplaceDb db, RevenueLedger ledger, PaymentMethods methods, OrderMail mail,
    TimeProvider clock, ILogger<OrderLifecycle> log)
{
    static readonly FulfilmentStatus[] HandedOver = [FulfilmentStatus.Shipped, FulfilmentStatus.Delivered, FulfilmentStatus.Collected];

    /// <summary>Records a confirmed payment (webhook, officer, mentor) and credits the makers' ledgers.</summary>
    public async Task<OrderChange> MarkPaidAsync(int orderId, string? providerReference, Guid? confirmedBy, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var changed = await db.Orders.Where(o => o.Id == orderId && o.Status == OrderStatus.AwaitingPayment)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, OrderStatus.Paid).SetProperty(o => o.PaidAt, now), ct);
        if (changed == 0) return await WhyNotAsync(orderId, OrderStatus.Paid, ct);
        await db.Payments.Where(p => p.OrderId == orderId && p.Status != PaymentStatus.Succeeded)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, PaymentStatus.Succeeded).SetProperty(p => p.SucceededAt, now)
                .SetProperty(p => p.ConfirmedById, confirmedBy)
                .SetProperty(p => p.ProviderReference, p => providerReference ?? p.ProviderReference), ct);
        await ledger.CreditPaidOrderAsync(orderId, ct);
        await CountUnitsSoldAsync(orderId, +1, ct);
        if (tx is not null) await tx.CommitAsync(ct);

        var method = await db.Orders.Where(o => o.Id == orderId).Select(o => o.PaymentMethod).SingleAsync(ct);
        await mail.PaymentReceivedAsync(orderId, ct);
        if (method != PaymentMethod.CashOnPickup) await mail.NewOrderToMakersAsync(orderId, ct);
        log.LogInformation("Order {Order} paid", orderId);
        return OrderChange.Done;
    }

    /// <summary>The buyer cancels before any maker started preparing; paid money goes back.</summary>
    public async Task<OrderChange> CancelByBuyerAsync(string token, CancellationToken ct = default)
    {
        var id = await db.Orders.Where(o => o.PublicToken == token).Select(o => (int?)o.Id).SingleOrDefaultAsync(ct);
        return id is null ? OrderChange.Unknown : await CloseAsync(id.Value, OrderStatus.Cancelled, "Dibatalkan pembeli", null, ct);
    }

    /// <summary>Lets every unpaid order past its deadline lapse, releasing its stock. Returns how many.</summary>
    public async Task<int> ExpireDueAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var due = await db.Orders.Where(o => o.Status == OrderStatus.AwaitingPayment && o.PaymentDueAt < now).Select(o => o.Id).ToListAsync(ct);
        var expired = 0;
        foreach (var id in due)
            if (await CloseAsync(id, OrderStatus.Expired, "Lewat batas pembayaran", null, ct) == OrderChange.Done) expired++;
        return expired;
    }

    /// <summary>Stripe reports a refund made there: the order is refunded and its credits reversed.</summary>
    public async Task<OrderChange> RefundedByProviderAsync(int orderId, Money refunded, CancellationToken ct = default)
    {
        var payment = await db.Payments.Where(p => p.OrderId == orderId && p.Status == PaymentStatus.Succeeded).SingleOrDefaultAsync(ct);
        if (payment is not null && refunded < payment.Amount)
        {
            payment.Status = PaymentStatus.PartlyRefunded;
            payment.Refunded = refunded;
            await db.SaveChangesAsync(ct);
            log.LogWarning("Order {Order}: partial refund {Amount} recorded; the ledger needs a staff decision", orderId, refunded);
            return OrderChange.Done;
        }
        return await CloseAsync(orderId, OrderStatus.Refunded, "Dana dikembalikan lewat Stripe", null, ct, alreadyRefunded: true);
    }

    /// <summary>Completes a paid order once every maker's part is shipped or handed over.</summary>
    public async Task<OrderChange> CompleteIfFulfilledAsync(int orderId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var changed = await db.Orders
            .Where(o => o.Id == orderId && o.Status == OrderStatus.Paid)
            .Where(o => o.Fulfilments.All(f => HandedOver.Contains(f.Status) || f.Status == FulfilmentStatus.Cancelled)
                        && o.Fulfilments.Any(f => HandedOver.Contains(f.Status)))
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, OrderStatus.Completed).SetProperty(o => o.ClosedAt, now), ct);
        return changed == 1 ? OrderChange.Done : await WhyNotAsync(orderId, OrderStatus.Completed, ct);
    }

    /// <summary>Cancels, expires or refunds: only while no maker started, releasing stock and reversing credits.</summary>
    async Task<OrderChange> CloseAsync(int orderId, OrderStatus target, string note, Guid? by, CancellationToken ct, bool alreadyRefunded = false)
    {
        var now = clock.GetUtcNow();
        OrderStatus[] from = target == OrderStatus.Expired ? [OrderStatus.AwaitingPayment]
            : target == OrderStatus.Refunded ? [OrderStatus.Paid, OrderStatus.Completed]
            : [OrderStatus.AwaitingPayment, OrderStatus.Paid];
        var order = await db.Orders.AsNoTracking().Include(o => o.Fulfilments).Include(o => o.Lines).SingleOrDefaultAsync(o => o.Id == orderId, ct);
        if (order is null) return OrderChange.Unknown;
        if (!from.Contains(order.Status)) return order.Status == target ? OrderChange.AlreadyDone : OrderChange.NotAllowed;

        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var wasPaid = order.Status is OrderStatus.Paid or OrderStatus.Completed;
        // Row locks on the fulfilments: a maker starting to prepare at the same moment either waits or wins.
        var cancelled = await db.Fulfilments.Where(f => f.OrderId == orderId && f.Status == FulfilmentStatus.New)
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.Status, FulfilmentStatus.Cancelled).SetProperty(f => f.UpdatedAt, now), ct);
        if (target != OrderStatus.Refunded && cancelled != order.Fulfilments.Count)
        {
            if (tx is not null) await tx.RollbackAsync(ct);
            return OrderChange.NotAllowed;
        }
        var closed = await db.Orders.Where(o => o.Id == orderId && from.Contains(o.Status))
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, target).SetProperty(o => o.ClosedAt, now), ct);
        if (closed == 0)
        {
            if (tx is not null) await tx.RollbackAsync(ct);
            return OrderChange.AlreadyDone;
        }
        var released = order.Fulfilments.Where(f => f.Status == FulfilmentStatus.New).Select(f => f.Id).ToHashSet();
        foreach (var line in order.Lines.Where(l => released.Contains(l.FulfilmentId)))
            await ListingStock.ReleaseAsync(db, line.ListingId, line.Quantity, ct);
        var payment = await db.Payments.Where(p => p.OrderId == orderId).OrderByDescending(p => p.Id).FirstAsync(ct);
        if (wasPaid)
        {
            await ledger.ReverseOrderAsync(orderId, note, by, ct);
            await CountUnitsSoldAsync(orderId, -1, ct);
            if (!alreadyRefunded) await methods[payment.Method].RefundAsync(payment, ct);
            payment.Status = PaymentStatus.Refunded;
            payment.Refunded = payment.Amount;
        }
        else
        {
            payment.Status = PaymentStatus.Failed;
        }
        await db.SaveChangesAsync(ct);
        if (tx is not null) await tx.CommitAsync(ct);
        await mail.ClosedAsync(orderId, target, wasPaid, ct);
        log.LogInformation("Order {Order} {Status}", orderId, target);
        return OrderChange.Done;
    }

    /// <summary>
    /// Adds (+1) or takes back (-1) an order's quantities in its listings' units sold, never below zero.
    /// Listing-only writes: the "popular" order, featured goods and programme totals on cached lists
    /// may lag until the catalogue cache's 10-minute expiry, which is fine for a popularity measure.
    /// </summary>
    async Task CountUnitsSoldAsync(int orderId, int sign, CancellationToken ct)
    {
        var sold = await db.OrderLines.Where(l => l.OrderId == orderId).GroupBy(l => l.ListingId)
            .Select(g => new { ListingId = g.Key, Quantity = g.Sum(l => l.Quantity) }).ToListAsync(ct);
        foreach (var line in sold.OrderBy(l => l.ListingId)) // the checkout's lock order, so no two writers wait in a circle
        {
            var change = sign * line.Quantity;
            await ListingOnlyWrite.RunAsync(line.ListingId, () => db.Listings.Where(l => l.Id == line.ListingId)
                .ExecuteUpdateAsync(s => s.SetProperty(l => l.UnitsSold, l => l.UnitsSold + change > 0 ? l.UnitsSold + change : 0), ct));
        }
    }

    async Task<OrderChange> WhyNotAsync(int orderId, OrderStatus wanted, CancellationToken ct)
    {
        var status = await db.Orders.Where(o => o.Id == orderId).Select(o => (OrderStatus?)o.Status).SingleOrDefaultAsync(ct);
        if (status is null) return OrderChange.Unknown;
        var done = status == wanted || (wanted == OrderStatus.Paid && status == OrderStatus.Completed);
        return done ? OrderChange.AlreadyDone : OrderChange.NotAllowed;
    }
}
