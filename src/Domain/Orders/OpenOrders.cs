using Microsoft.EntityFrameworkCore;
using PasKreatif.Organisation;
using PasKreatif.Persistence;

namespace PasKreatif.Orders;

/// <summary>
/// The back office's open orders: for every order in the staff member's scope that is open or still
/// owes a refund, what it waits for, from whom, since when; oldest first.
/// </summary>
public sealed class OpenOrders(MarketplaceDb db, OrderOptions options)
{
    public const int MaxOrders = 500;

    public async Task<IReadOnlyList<OrderWait>> WaitsAsync(StaffScope scope, CancellationToken ct = default)
    {
        var orders = scope.Orders(db).Where(o => o.Status == OrderStatus.Placed || o.Status == OrderStatus.AwaitingPayment || o.Status == OrderStatus.Paid
            || db.Set<Refund>().Any(r => r.OrderId == o.Id && r.Status != RefundStatus.Sent));
        var snapshots = await SnapshotsAsync(orders.OrderBy(o => o.PlacedAt).Take(MaxOrders), ct);
        return snapshots.SelectMany(s => OrderWaits.For(s, options.ShippedDeliveredAfterDays)).OrderBy(w => w.Since).ThenBy(w => w.OrderId).ToList();
    }

    /// <summary>What a maker must do next on their own parts (take on, prepare, hand over), oldest first; nothing of another maker's part.</summary>
    public async Task<IReadOnlyList<OrderWait>> MakerWaitsAsync(int makerId, CancellationToken ct = default)
    {
        var orders = db.Orders.Where(o => (o.Status == OrderStatus.AwaitingPayment || o.Status == OrderStatus.Paid)
            && o.Fulfilments.Any(f => f.MakerId == makerId && (f.Status == FulfilmentStatus.New || f.Status == FulfilmentStatus.Preparing)));
        var own = await db.Fulfilments.Where(f => f.MakerId == makerId && (f.Status == FulfilmentStatus.New || f.Status == FulfilmentStatus.Preparing))
            .Select(f => f.Id).ToListAsync(ct);
        var snapshots = await SnapshotsAsync(orders.OrderBy(o => o.PlacedAt).Take(MaxOrders), ct);
        return snapshots.SelectMany(s => OrderWaits.For(s, options.ShippedDeliveredAfterDays))
            .Where(w => w.Who == WaitParty.Maker && w.What == WaitFor.Preparation && w.FulfilmentId is { } id && own.Contains(id))
            .OrderBy(w => w.Since).ThenBy(w => w.OrderId).ToList();
    }

    /// <summary>The zone a member of staff reads times in: their (first) office's.</summary>
    public async Task<IndonesianZone> ZoneOfAsync(StaffScope scope, CancellationToken ct = default) =>
        await scope.Offices(db).OrderBy(o => o.Id).Select(o => (IndonesianZone?)o.Zone).FirstOrDefaultAsync(ct) ?? IndonesianZone.WIB;

    /// <summary>The waits of one order, for its back-office page.</summary>
    public async Task<IReadOnlyList<OrderWait>> WaitsOfAsync(int orderId, CancellationToken ct = default)
    {
        var snapshots = await SnapshotsAsync(db.Orders.Where(o => o.Id == orderId), ct);
        return snapshots.SelectMany(s => OrderWaits.For(s, options.ShippedDeliveredAfterDays)).OrderBy(w => w.Since).ToList();
    }

    async Task<List<OrderSnapshot>> SnapshotsAsync(IQueryable<Order> orders, CancellationToken ct)
    {
        var rows = await orders.AsNoTracking().Select(o => new
        {
            o.Id, o.Number, o.Status, o.PaymentMethod, o.BuyerName, o.PlacedAt, o.PaymentDueAt, o.PaidAt,
            Parts = o.Fulfilments.OrderBy(f => f.Id).Select(f => new
            {
                f.Id, f.Status, f.Delivery, f.PaidAt, f.UpdatedAt, f.ShippedAt, f.CollectBy, Maker = f.Maker!.DisplayName,
                Lead = f.Lines.Where(l => l.Listing!.MadeToOrder).Max(l => (int?)l.Listing!.LeadTimeDays) ?? 0,
                Group = db.Set<Group>().Where(g => g.Id == f.GroupId).Select(g => new { g.Name, Office = g.Office!.Name }).First(),
            }).ToList(),
            Refunds = db.Set<Refund>().Where(r => r.OrderId == o.Id && r.Status != RefundStatus.Sent)
                .Select(r => new { r.Id, r.Status, r.Route, r.CreatedAt, r.AccountGivenAt, Parts = r.Lines.Select(l => l.FulfilmentId).Distinct().ToList() }).ToList(),
        }).AsSplitQuery().ToListAsync(ct);
        return rows.Select(o => new OrderSnapshot(o.Id, o.Number, o.Status, o.PaymentMethod, o.BuyerName, o.PlacedAt, o.PaymentDueAt, o.PaidAt,
            o.Parts.Select(p => new PartSnapshot(p.Id, p.Status, p.Delivery, p.PaidAt != null, p.UpdatedAt, p.ShippedAt, p.CollectBy, p.Maker, p.Group.Name, p.Group.Office, p.Lead)).ToList(),
            o.Refunds.Select(r => new RefundSnapshot(r.Id, r.Status, r.Route, r.CreatedAt, r.AccountGivenAt, r.Parts)).ToList())).ToList();
    }
}
