using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PasKreatif.Orders;
using PasKreatif.Persistence;

namespace PasKreatif.Payments;

public enum StartOutcome { Started, Offline, NotAwaitingPayment, AlreadyPaying, Failed }

public sealed record AttemptStart(StartOutcome Outcome, string? RedirectUrl = null);

/// <summary>
/// Gateway transactions of an order's payment. Starting one first closes every older one still open,
/// so a restarted payment can never charge twice; a transaction accepts money until the order's
/// deadline (at least the gateway's shortest life, pushing the deadline when fewer minutes remain, so
/// the order never lapses while its transaction can still be paid). Closing an order closes them all.
/// </summary>
public sealed class PaymentAttempts(MarketplaceDb db, PaymentMethods methods, TimeProvider clock, ILogger<PaymentAttempts> log)
{
    // Room between our deadline and the gateway's own limits, for clocks that differ by a little.
    static readonly TimeSpan Margin = TimeSpan.FromMinutes(2);

    /// <summary>The buyer starts the payment again from the order page (its link is the key).</summary>
    public async Task<AttemptStart> RestartAsync(string token, string statusUrl, CancellationToken ct = default)
    {
        var id = await db.Orders.Where(o => o.PublicToken == token).Select(o => (int?)o.Id).SingleOrDefaultAsync(ct);
        return id is null ? new(StartOutcome.NotAwaitingPayment) : await StartAsync(id.Value, statusUrl, ct);
    }

    /// <summary>Starts (or starts again) the payment of an order awaiting it; the order's row stays locked meanwhile.</summary>
    public async Task<AttemptStart> StartAsync(int orderId, string statusUrl, CancellationToken ct = default)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var order = await OrderLock.LoadLockedAsync(db, orderId, ct);
        if (order is null || order.Status != OrderStatus.AwaitingPayment) return new(StartOutcome.NotAwaitingPayment);
        if (!methods.IsAvailable(order.PaymentMethod)) return new(StartOutcome.Failed);
        var method = methods[order.PaymentMethod];
        var gateway = methods.Gateway(order.PaymentMethod);
        if (gateway is null) return new(StartOutcome.Offline);

        var open = await db.Set<PaymentAttempt>().Where(a => a.OrderId == orderId && a.Status == AttemptStatus.Open).ToListAsync(ct);
        foreach (var attempt in open)
        {
            var closing = await gateway.CloseAttemptAsync(attempt, ct);
            if (closing == AttemptClosing.Failed) return new(StartOutcome.Failed); // never open a second one beside it
            attempt.End(closing == AttemptClosing.AlreadyPaid ? AttemptStatus.Paid : AttemptStatus.Closed, clock.GetUtcNow());
            if (closing == AttemptClosing.AlreadyPaid)
            {
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
                return new(StartOutcome.AlreadyPaying); // its money is on the way; the webhook pays the order
            }
        }

        var now = clock.GetUtcNow();
        var payBy = PayBy(order.PaymentDueAt ?? now, now, gateway);
        if (order.PaymentDueAt is null || payBy > order.PaymentDueAt) order.PaymentDueAt = payBy;
        var payment = order.ExpectedPayment();
        PaymentStart start;
        try
        {
            start = await method.StartAsync(order, payment, statusUrl, payBy, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Whatever the gateway threw: the order stays reserved and its page offers to try again.
            log.PaymentStartFailed(e, order.Number);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return new(StartOutcome.Failed);
        }
        payment.Status = PaymentStatus.Pending;
        if (start.AttemptReference is { } reference)
            db.Set<PaymentAttempt>().Add(PaymentAttempt.Open(payment, reference, now, start.AttemptExpiresAt, start.Instructions));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new(StartOutcome.Started, start.RedirectUrl);
    }

    /// <summary>The moment a new transaction stops accepting money: the order's deadline, within the gateway's limits.</summary>
    public static DateTimeOffset PayBy(DateTimeOffset deadline, DateTimeOffset now, IPaymentGateway gateway)
    {
        var earliest = now + gateway.ShortestAttempt + Margin;
        var latest = now + gateway.LongestAttempt - Margin;
        return deadline < earliest ? earliest : deadline > latest ? latest : deadline;
    }

    /// <summary>Closes the open transactions of an order that no longer waits for payment.</summary>
    public async Task<int> CloseUnneededAsync(int orderId, CancellationToken ct = default)
    {
        var open = await db.Set<PaymentAttempt>()
            .Where(a => a.OrderId == orderId && a.Status == AttemptStatus.Open)
            .Where(a => db.Set<Order>().Any(o => o.Id == a.OrderId && o.Status != OrderStatus.AwaitingPayment))
            .ToListAsync(ct);
        return await CloseAsync(open, ct);
    }

    /// <summary>The sweep: every open transaction of an order that stopped waiting, and those past their own expiry.</summary>
    public async Task<int> SweepAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var lapsed = await db.Set<PaymentAttempt>().Where(a => a.Status == AttemptStatus.Open && a.ExpiresAt < now).ToListAsync(ct);
        foreach (var attempt in lapsed) attempt.End(AttemptStatus.Expired, now);
        await db.SaveChangesAsync(ct);
        var open = await db.Set<PaymentAttempt>()
            .Where(a => a.Status == AttemptStatus.Open && db.Set<Order>().Any(o => o.Id == a.OrderId && o.Status != OrderStatus.AwaitingPayment))
            .OrderBy(a => a.Id).Take(100).ToListAsync(ct);
        return lapsed.Count + await CloseAsync(open, ct);
    }

    /// <summary>The gateway says a transaction ended (Stripe's checkout.session.expired); the order may start another.</summary>
    public async Task<bool> EndedAtGatewayAsync(string reference, AttemptStatus status, CancellationToken ct = default)
    {
        var attempt = await db.Set<PaymentAttempt>().SingleOrDefaultAsync(a => a.Reference == reference, ct);
        if (attempt is null || !attempt.IsOpen) return false;
        attempt.End(status, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return true;
    }

    async Task<int> CloseAsync(List<PaymentAttempt> open, CancellationToken ct)
    {
        var closed = 0;
        foreach (var attempt in open)
        {
            var gateway = methods.Gateway(attempt.Method);
            if (gateway is null) continue;
            var outcome = await gateway.CloseAttemptAsync(attempt, ct);
            if (outcome == AttemptClosing.Failed) continue; // tried again by the sweep; a payment that still arrives is refunded
            attempt.End(outcome == AttemptClosing.AlreadyPaid ? AttemptStatus.Paid : AttemptStatus.Closed, clock.GetUtcNow());
            closed++;
        }
        await db.SaveChangesAsync(ct);
        return closed;
    }
}
