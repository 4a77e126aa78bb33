using System.Globalization;
using System.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using PasKreatif.Mail;
using PasKreatif.Persistence;

namespace PasKreatif.Orders;

public sealed record OwnFulfilmentRow(int Id, string OrderNumber, DateTimeOffset PlacedAt, FulfilmentStatus Status, DeliveryMethod Delivery, int Units, Money Total);

public sealed record OwnFulfilment(Fulfilment Fulfilment, Order Order, IReadOnlyList<OrderLine> Lines, IReadOnlyList<FulfilmentStatus> NextSteps);

/// <summary>
/// The orders a maker fulfils: only their own part of each order, found by their maker id. Each
/// step tells the buyer by mail, in the order's language, through the mail queue.
/// </summary>
public sealed class MakerOrders(MarketplaceDb db, MailQueue mail, OrderLifecycle orders, IConfiguration configuration, TimeProvider clock)
{
    static readonly ResourceManager Texts = new("PasKreatif.Orders.FulfilmentMailText", typeof(MakerOrders).Assembly);

    public async Task<IReadOnlyList<OwnFulfilmentRow>> ListAsync(int makerId, CancellationToken ct = default) =>
        await db.Fulfilments.Where(f => f.MakerId == makerId)
            .OrderBy(f => f.Status == FulfilmentStatus.New ? 0 : f.Status == FulfilmentStatus.Preparing ? 1 : 2)
            .ThenByDescending(f => f.Order!.PlacedAt)
            .Take(200)
            .Select(f => new OwnFulfilmentRow(f.Id, f.Order!.Number, f.Order.PlacedAt, f.Status, f.Delivery,
                f.Lines.Sum(l => l.Quantity), new Money(f.Lines.Sum(l => l.LineTotal.Amount))))
            .ToListAsync(ct);

    public async Task<OwnFulfilment?> FindAsync(int makerId, int fulfilmentId, CancellationToken ct = default)
    {
        var f = await db.Fulfilments.Where(x => x.Id == fulfilmentId && x.MakerId == makerId)
            .Include(x => x.Order).Include(x => x.Lines).SingleOrDefaultAsync(ct);
        return f is null ? null : new OwnFulfilment(f, f.Order!, f.Lines.OrderBy(l => l.Id).ToList(), f.NextSteps(f.Order!));
    }

    /// <summary>Moves the maker's part one step and queues the buyer's mail; a refused step changes nothing.</summary>
    public async Task StepAsync(int makerId, int fulfilmentId, FulfilmentStatus to, string? trackingNote, CancellationToken ct = default)
    {
        var own = await FindAsync(makerId, fulfilmentId, ct) ?? throw new FulfilmentNotFoundException();
        var (f, order) = (own.Fulfilment, own.Order);
        var now = clock.GetUtcNow();
        switch (to)
        {
            case FulfilmentStatus.Preparing: f.MarkPreparing(order, now); break;
            case FulfilmentStatus.Shipped: f.MarkShipped(order, trackingNote ?? "", now); break;
            case FulfilmentStatus.ReadyForPickup: f.MarkReadyForPickup(order, now); break;
            default: throw new FulfilmentRuleException("UnknownStep");
        }
        await db.SaveChangesAsync(ct);
        // The order completes once every maker's part is handed over.
        if (to == FulfilmentStatus.Shipped)
            await orders.CompleteIfFulfilledAsync(order.Id, ct);
        if (!string.IsNullOrWhiteSpace(order.BuyerEmail))
            mail.Enqueue(BuyerMail(order, f, await db.Makers.Where(m => m.Id == makerId).Select(m => m.DisplayName).SingleAsync(ct)));
    }

    OutgoingMail BuyerMail(Order order, Fulfilment f, string makerName)
    {
        var culture = CultureInfo.GetCultureInfo(order.Culture == "en" ? "en" : "id");
        string Text(string key) => Texts.GetString(key, culture) ?? key;
        var link = $"{(configuration["Shop:BaseUrl"] ?? "").TrimEnd('/')}/pesanan/{order.PublicToken}";
        var step = f.Status.ToString();
        var subject = string.Format(culture, Text("Subject." + step), order.Number);
        var body = string.Format(culture, Text("Body." + step), order.BuyerName, order.Number, makerName, f.TrackingNote ?? "", link);
        return new OutgoingMail(order.BuyerEmail, subject, body, ToName: order.BuyerName);
    }
}

public sealed class FulfilmentNotFoundException() : Exception("Fulfilment not found for this maker.");
