using Microsoft.EntityFrameworkCore;
using PasKreatif.Organisation;
using PasKreatif.Payments;
using PasKreatif.Persistence;

namespace PasKreatif.Orders;

public sealed record OrderPartView(string MakerName, string GroupName, string PickupAddress, IndonesianZone PickupZone, DeliveryMethod Delivery,
    DateOnly? PickupDate, Money DeliveryCost, FulfilmentStatus Status, string? TrackingNote, IReadOnlyList<OrderLine> Lines);

public sealed record OrderView(Order Order, IReadOnlyList<OrderPartView> Parts, PaymentStatus PaymentStatus)
{
    /// <summary>The buyer may cancel while no maker has started preparing.</summary>
    public bool CanCancel => Order.Status is OrderStatus.AwaitingPayment or OrderStatus.Paid && Parts.All(p => p.Status == FulfilmentStatus.New);
    public bool AwaitsCard => Order.Status == OrderStatus.AwaitingPayment && Order.PaymentMethod == PaymentMethod.Card;
}

public sealed record OrderSummary(string Number, string Token, OrderStatus Status, Money Total, DateTimeOffset PlacedAt, int Makers);

/// <summary>An order awaiting an offline payment that the signed-in staff member may confirm.</summary>
public sealed record OfflinePaymentRow(int OrderId, string Number, string BuyerName, PaymentMethod Method, Money Total,
    DateTimeOffset PlacedAt, DateTimeOffset? DueAt, IReadOnlyList<string> Groups, IndonesianZone Zone);

public sealed class OrderQueries(MarketplaceDb db)
{
    public async Task<OrderView?> ByTokenAsync(string token, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 64) return null;
        var order = await db.Orders.AsNoTracking().Include(o => o.Lines).SingleOrDefaultAsync(o => o.PublicToken == token, ct);
        if (order is null) return null;
        var parts = await db.Fulfilments.AsNoTracking().Where(f => f.OrderId == order.Id).OrderBy(f => f.Id)
            .Select(f => new { f, Maker = f.Maker!.DisplayName, Group = db.Groups.Where(g => g.Id == f.GroupId).Select(g => new { g.Name, g.PickupAddress, g.Office!.Zone }).First() })
            .ToListAsync(ct);
        var payment = await db.Payments.Where(p => p.OrderId == order.Id).OrderByDescending(p => p.Id).Select(p => p.Status).FirstAsync(ct);
        return new OrderView(order, parts.Select(p => new OrderPartView(p.Maker, p.Group.Name, p.Group.PickupAddress, p.Group.Zone, p.f.Delivery,
            p.f.PickupDate, p.f.DeliveryCost, p.f.Status, p.f.TrackingNote, order.Lines.Where(l => l.FulfilmentId == p.f.Id).ToList())).ToList(), payment);
    }

    public async Task<IReadOnlyList<OrderSummary>> ForBuyerAsync(Guid buyerId, CancellationToken ct = default) =>
        await db.Orders.AsNoTracking().Where(o => o.BuyerId == buyerId).OrderByDescending(o => o.PlacedAt).Take(100)
            .Select(o => new OrderSummary(o.Number, o.PublicToken, o.Status, o.Total, o.PlacedAt, o.Fulfilments.Count))
            .ToListAsync(ct);

    /// <summary>
    /// Offline payments within reach: bank transfers for officers of every group's office; cash at
    /// pickup for officers and mentors of every group involved. A part outside the scope hides the order.
    /// </summary>
    public IQueryable<Order> ConfirmableBy(StaffScope scope)
    {
        var pending = db.Orders.Where(o => o.Status == OrderStatus.AwaitingPayment && o.PaymentMethod != PaymentMethod.Card);
        if (scope.IsAdministrator) return pending;
        var offices = scope.OfficeIds.ToArray();
        var groups = scope.MentoredGroupIds.ToArray();
        return pending.Where(o =>
            (o.PaymentMethod == PaymentMethod.BankTransfer
                && o.Fulfilments.All(f => db.Groups.Any(g => g.Id == f.GroupId && offices.Contains(g.OfficeId))))
            || (o.PaymentMethod == PaymentMethod.CashOnPickup
                && o.Fulfilments.All(f => groups.Contains(f.GroupId) || db.Groups.Any(g => g.Id == f.GroupId && offices.Contains(g.OfficeId)))));
    }

    public async Task<IReadOnlyList<OfflinePaymentRow>> OfflinePaymentsAsync(StaffScope scope, CancellationToken ct = default) =>
        await ConfirmableBy(scope).AsNoTracking().OrderBy(o => o.PlacedAt).Take(200)
            .Select(o => new OfflinePaymentRow(o.Id, o.Number, o.BuyerName, o.PaymentMethod, o.Total, o.PlacedAt, o.PaymentDueAt,
                o.Fulfilments.Select(f => db.Groups.Where(g => g.Id == f.GroupId).Select(g => g.Name).First()).ToList(),
                // Staff read times in the zone of the office that receives the money.
                db.Groups.Where(g => g.Id == o.Fulfilments.First().GroupId).Select(g => g.Office!.Zone).First()))
            .ToListAsync(ct);
}
