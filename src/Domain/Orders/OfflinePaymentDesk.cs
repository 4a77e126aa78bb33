using Microsoft.EntityFrameworkCore;
using PasKreatif.Organisation;
using PasKreatif.Persistence;

namespace PasKreatif.Orders;

/// <summary>
/// Staff confirm money received outside a gateway. One transfer pays the whole order and is confirmed
/// by an officer of any office with a part (or an administrator); cash is confirmed part by part at
/// pickup, by a mentor or officer of that part's group. Outside the scope throws <see cref="OutOfScopeException"/>.
/// </summary>
public sealed class OfflinePaymentDesk(MarketplaceDb db, OrderLifecycle lifecycle)
{
    public async Task<OrderChange> ConfirmTransferAsync(StaffScope scope, int orderId, string? reference, CancellationToken ct = default)
    {
        var groups = await db.Fulfilments.Where(f => f.OrderId == orderId && f.Order!.PaymentMethod == PaymentMethod.BankTransfer)
            .Select(f => new { f.GroupId, db.Set<Group>().Single(g => g.Id == f.GroupId).OfficeId }).ToListAsync(ct);
        if (groups.Count == 0 || !scope.HandlesMoneyOf(PaymentMethod.BankTransfer, groups.Select(g => (g.GroupId, g.OfficeId)))) throw new OutOfScopeException();
        return await lifecycle.MarkPaidAsync(orderId, reference, scope.PersonId, ct);
    }

    public async Task<OrderChange> ConfirmCashAsync(StaffScope scope, int fulfilmentId, CancellationToken ct = default)
    {
        var part = await db.Fulfilments.Where(f => f.Id == fulfilmentId && f.Order!.PaymentMethod == PaymentMethod.CashOnPickup)
            .Select(f => new { f.OrderId, f.GroupId, db.Set<Group>().Single(g => g.Id == f.GroupId).OfficeId }).SingleOrDefaultAsync(ct);
        if (part is null || !scope.HandlesMoneyOf(PaymentMethod.CashOnPickup, [(part.GroupId, part.OfficeId)])) throw new OutOfScopeException();
        return await lifecycle.ConfirmCashPartAsync(part.OrderId, fulfilmentId, scope.PersonId, ct);
    }
}
