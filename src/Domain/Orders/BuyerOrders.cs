using Microsoft.EntityFrameworkCore;
using PasKreatif.People;
using PasKreatif.Persistence;

namespace PasKreatif.Orders;

/// <summary>A buyer's orders as their account changes: guest orders joining it, and forgetting the buyer under UU PDP.</summary>
public sealed class BuyerOrders(MarketplaceDb db) : IBuyerOrders
{
    public async Task<int> JoinGuestOrdersAsync(Guid personId, string email, CancellationToken ct = default)
    {
        var lower = email.ToLowerInvariant();
        // EF translates ToLower() to SQL lower(); a culture or comparison overload would not translate.
#pragma warning disable CA1304, CA1311, CA1862
        return await db.Orders.Where(o => o.BuyerId == null && o.BuyerEmail.ToLower() == lower)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.BuyerId, personId), ct);
#pragma warning restore CA1304, CA1311, CA1862
    }

    public Task<bool> AnyOpenAsync(Guid personId, CancellationToken ct = default) =>
        db.Orders.AnyAsync(o => o.BuyerId == personId && (o.Status == OrderStatus.Placed || o.Status == OrderStatus.AwaitingPayment || o.Status == OrderStatus.Paid), ct);

    public async Task ForgetBuyerAsync(Guid personId, CancellationToken ct = default)
    {
        await db.Orders.Where(o => o.BuyerId == personId).ExecuteUpdateAsync(s => s
            .SetProperty(o => o.BuyerName, "—").SetProperty(o => o.BuyerEmail, "").SetProperty(o => o.BuyerPhone, "").SetProperty(o => o.Address, ""), ct);
        await db.Carts.Where(c => c.PersonId == personId).ExecuteDeleteAsync(ct);
    }
}
