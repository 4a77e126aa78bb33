using Microsoft.EntityFrameworkCore;
using PasKreatif.Persistence;

namespace PasKreatif.Orders;

/// <summary>
/// An order's row lock, taken first by every change of an order (payment, handover, cancellation,
/// refund), so concurrent changes of one order queue and each sees the one before. The lock order is
/// order → makers (ledger) → listings (stock, units sold), everywhere, so no two writers wait in a circle.
/// </summary>
public static class OrderLock
{
    /// <summary>Locks the order row in the current transaction and loads it fresh with its parts, lines and payments; null when unknown.</summary>
    public static async Task<Order?> LoadLockedAsync(MarketplaceDb db, int orderId, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null) throw new InvalidOperationException("An order's lock needs a transaction.");
        var locked = await db.Database.SqlQuery<int>($"""SELECT "Id" AS "Value" FROM "Orders" WHERE "Id" = {orderId} FOR UPDATE""").ToListAsync(ct);
        if (locked.Count == 0) return null;
        // Rows read before the lock may be stale: read them again.
        foreach (var entry in db.ChangeTracker.Entries().Where(e => e.State == EntityState.Unchanged && BelongsTo(e.Entity, orderId)).ToList())
            entry.State = EntityState.Detached;
        return await db.Orders.Include(o => o.Fulfilments).ThenInclude(f => f.Lines).Include(o => o.Payments)
            .AsSplitQuery().SingleAsync(o => o.Id == orderId, ct);
    }

    static bool BelongsTo(object entity, int orderId) => entity switch
    {
        Order o => o.Id == orderId,
        Fulfilment f => f.OrderId == orderId,
        OrderLine l => l.OrderId == orderId,
        Payment p => p.OrderId == orderId,
        Refund r => r.OrderId == orderId,
        _ => false,
    };

    /// <summary>The payment the order expects (not money that arrived unexpectedly).</summary>
    public static Payment ExpectedPayment(this Order order)
    {
        var payment = order.Payments.Where(p => !p.Unexpected).OrderByDescending(p => p.Id).FirstOrDefault();
        if (payment is not null) return payment;
        // An order written without its payment row (older data, a loader): it gets the one it always expected.
        payment = new Payment { OrderId = order.Id, Method = order.PaymentMethod, Status = PaymentStatus.Pending, Amount = order.Total, CreatedAt = order.PlacedAt };
        order.Payments.Add(payment);
        return payment;
    }
}

/// <summary>Runs a change of one order in a transaction under its lock, then the follow-ups that must wait for the commit.</summary>
public sealed class OrderWork(MarketplaceDb db, OrderFollowUps followUps)
{
    /// <summary>
    /// Runs <paramref name="work"/> on the locked order; its changes are saved and committed when it
    /// says so, else rolled back. Inside a caller's transaction (a webhook's) the caller commits and runs the follow-ups.
    /// </summary>
    public async Task<T> RunAsync<T>(int orderId, Func<Order, Task<(T Result, bool Commit)>> work, T unknown, CancellationToken ct)
    {
        var own = db.Database.CurrentTransaction is null;
        await using var tx = own ? await db.Database.BeginTransactionAsync(ct) : null;
        var order = await OrderLock.LoadLockedAsync(db, orderId, ct);
        if (order is null) return unknown;
        var (result, commit) = await work(order);
        if (!commit)
        {
            if (own) db.ChangeTracker.Clear();
            return result;
        }
        await db.SaveChangesAsync(ct);
        followUps.Touch(orderId);
        if (tx is not null)
        {
            await tx.CommitAsync(ct);
            await followUps.RunAsync(ct);
        }
        return result;
    }
}
