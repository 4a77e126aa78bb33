using Microsoft.EntityFrameworkCore;
using PasKreatif.Mail;
using PasKreatif.Orders;
using PasKreatif.Organisation;
using PasKreatif.Persistence;

namespace PasKreatif.Payments;

/// <summary>
/// Refunds sent back through the gateway that took the money, after the change that created them committed.
/// Each is marked sending first, so a webhook arriving meanwhile knows it is on its way; a gateway that cannot
/// return the payment hands it to an officer's transfer. The refund itself is kept by <see cref="RefundDesk"/>.
/// </summary>
public sealed class GatewayRefunds(MarketplaceDb db, RefundDesk desk, PaymentMethods methods, OrderMail mail, MailOutbox outbox, TimeProvider clock)
{
    static readonly TimeSpan StuckAfter = TimeSpan.FromMinutes(10);

    /// <summary>Sends the order's gateway refunds still to send; returns how many went back.</summary>
    public async Task<int> SendAsync(int orderId, CancellationToken ct = default)
    {
        var due = await db.Set<Refund>().Where(r => r.OrderId == orderId && r.Route == RefundRoute.Gateway && r.Status == RefundStatus.ToSend && r.GatewayTries < Refund.MaxGatewayTries)
            .Select(r => r.Id).ToListAsync(ct);
        var sent = 0;
        foreach (var id in due)
            if (await SendOneAsync(id, ct)) sent++;
        return sent;
    }

    /// <summary>The sweep: gateway refunds still to send (a few tries each), and those whose call a crash interrupted.</summary>
    public async Task<int> SweepAsync(CancellationToken ct = default)
    {
        var stuck = clock.GetUtcNow() - StuckAfter;
        var due = await db.Set<Refund>().Where(r => r.Route == RefundRoute.Gateway && r.GatewayTries < Refund.MaxGatewayTries
                && (r.Status == RefundStatus.ToSend || r.Status == RefundStatus.Sending && r.Reference == null && r.LastTriedAt < stuck))
            .OrderBy(r => r.Id).Select(r => r.Id).Take(50).ToListAsync(ct);
        var sent = 0;
        foreach (var id in due)
            if (await SendOneAsync(id, ct)) sent++;
        return sent;
    }

    async Task<bool> SendOneAsync(int refundId, CancellationToken ct)
    {
        // Claimed by a committed mark first: a webhook arriving during the call knows the refund is on its way.
        var refund = await db.Set<Refund>().SingleAsync(r => r.Id == refundId, ct);
        if (refund.Route != RefundRoute.Gateway || refund.Status is not (RefundStatus.ToSend or RefundStatus.Sending)) return false;
        var payment = await db.Payments.AsNoTracking().SingleAsync(p => p.Id == refund.PaymentId, ct);
        var gateway = methods.Gateway(payment.Method);
        if (gateway is null || payment.ProviderReference is null)
        {
            refund.RouteByTransfer();
            await db.SaveChangesAsync(ct);
            return false;
        }
        refund.StartSending(clock.GetUtcNow());
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return false; // another instance claimed it
        }
        var answer = await gateway.RefundAsync(new GatewayRefundRequest(payment.ProviderReference, refund.Amount, $"refund-{refund.Id}"), ct);

        var sent = false;
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            var order = await OrderLock.LoadLockedAsync(db, refund.OrderId, ct) ?? throw new InvalidOperationException($"Order {refund.OrderId} is gone.");
            refund = await db.Set<Refund>().SingleAsync(r => r.Id == refundId, ct);
            switch (answer.Outcome)
            {
                case GatewayRefundOutcome.Sent:
                    sent = await desk.FinishAsync(order, refund, answer.Reference, null, ct, atGateway: true);
                    break;
                case GatewayRefundOutcome.Pending:
                    refund.WaitForGateway(answer.Reference);
                    break;
                case GatewayRefundOutcome.NotSupported:
                    refund.RouteByTransfer();
                    mail.RefundNeedsAccount(order, refund);
                    break;
                default:
                    refund.SendingFailed(answer.Error ?? "failed");
                    break;
            }
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        await outbox.DispatchAsync(ct);
        return sent;
    }

    /// <summary>Staff asks the gateway again after it failed a few times.</summary>
    public async Task<RefundStep> RetryAsync(StaffScope scope, int refundId, CancellationToken ct = default)
    {
        if (!await desk.HandlesAsync(scope, refundId, ct)) throw new OutOfScopeException();
        var refund = await db.Set<Refund>().SingleAsync(r => r.Id == refundId, ct);
        if (refund.Route != RefundRoute.Gateway || refund.Status is not RefundStatus.ToSend) return RefundStep.NotAllowed;
        return await SendOneAsync(refundId, ct) ? RefundStep.Done : RefundStep.NotAllowed;
    }
}
