using Microsoft.EntityFrameworkCore;
using PasKreatif.Organisation;
using PasKreatif.Payments;
using PasKreatif.Persistence;

namespace PasKreatif.Orders;

/// <summary>Staff confirm money received outside Stripe: a bank transfer, or cash handed over at pickup.</summary>
public sealed class OfflinePaymentDesk(MarketplaceDb db, OrderQueries queries, OrderLifecycle lifecycle, TimeProvider clock)
{
    /// <summary>Confirms an order's offline payment; outside the scope throws <see cref="OutOfScopeException"/>.</summary>
    public async Task<OrderChange> ConfirmAsync(StaffScope scope, int orderId, string? reference, CancellationToken ct = default)
    {
        var order = await queries.ConfirmableBy(scope).Where(o => o.Id == orderId).Select(o => new { o.Id, o.PaymentMethod }).SingleOrDefaultAsync(ct);
        if (order is null)
        {
            // Already confirmed by a colleague: say so instead of pretending it does not exist.
            var known = await db.Orders.AnyAsync(o => o.Id == orderId && o.Status != OrderStatus.AwaitingPayment && o.PaymentMethod != PaymentMethod.Card, ct);
            if (known && await WasInScopeAsync(scope, orderId, ct)) return OrderChange.AlreadyDone;
            throw new OutOfScopeException();
        }
        var reference_ = string.IsNullOrWhiteSpace(reference) ? null : reference.Trim();
        var result = await lifecycle.MarkPaidAsync(order.Id, reference_, scope.PersonId, ct);
        if (result == OrderChange.Done && order.PaymentMethod == PaymentMethod.CashOnPickup)
        {
            // Cash is confirmed at handover, so the goods are collected at the same moment.
            var now = clock.GetUtcNow();
            await db.Fulfilments.Where(f => f.OrderId == order.Id && f.Status != FulfilmentStatus.Cancelled)
                .ExecuteUpdateAsync(s => s.SetProperty(f => f.Status, FulfilmentStatus.Collected).SetProperty(f => f.UpdatedAt, now), ct);
            await lifecycle.CompleteIfFulfilledAsync(order.Id, ct);
        }
        return result;
    }

    async Task<bool> WasInScopeAsync(StaffScope scope, int orderId, CancellationToken ct)
    {
        if (scope.IsAdministrator) return true;
        var groupIds = await db.Fulfilments.Where(f => f.OrderId == orderId).Select(f => f.GroupId).ToListAsync(ct);
        var reachable = await scope.Groups(db).Where(g => groupIds.Contains(g.Id)).CountAsync(ct);
        return reachable == groupIds.Distinct().Count();
    }
}
