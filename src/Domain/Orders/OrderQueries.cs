using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PasKreatif.Organisation;
using PasKreatif.Persistence;

namespace PasKreatif.Orders;

public sealed record OrderPartView(int Id, string MakerName, string GroupName, string PickupAddress, IndonesianZone PickupZone, DeliveryMethod Delivery,
    DateOnly? PickupDate, Money DeliveryCost, FulfilmentStatus Status, string? TrackingNote, IReadOnlyList<OrderLine> Lines, bool Paid, DateTimeOffset? CollectBy)
{
    public Money Total => Money.Sum(Lines.Select(l => l.LineTotal)) + DeliveryCost;
    public bool HandedOver => Status is FulfilmentStatus.Delivered or FulfilmentStatus.Collected;
}

public sealed record RefundLineView(string Title, int Quantity, Money Amount, bool IsDelivery);

public sealed record RefundView(int Id, Money Amount, RefundStatus Status, RefundRoute Route, RefundReason Reason, DateTimeOffset CreatedAt,
    DateTimeOffset? SentAt, string? Reference, string? AccountBank, string? AccountNumber, string? AccountHolder, IReadOnlyList<RefundLineView> Lines)
{
    /// <summary>The account as shown back to the buyer: its last four digits only.</summary>
    public string? MaskedAccount => AccountNumber is { Length: > 4 } n ? new string('•', n.Length - 4) + n[^4..] : AccountNumber;
}

/// <summary>The gateway transaction the buyer can pay now, with what the order page shows to pay it.</summary>
public sealed record OpenPaymentView(PaymentInstructions Pay, DateTimeOffset? Until, string Reference);

public sealed record OrderView(Order Order, IReadOnlyList<OrderPartView> Parts, PaymentStatus PaymentStatus, IReadOnlyList<RefundView> Refunds, OpenPaymentView? OpenPayment = null)
{
    public bool CanCancel => OrderLifecycle.CanBuyerCancel(Order.IsOpen, Order.PaymentMethod, Parts.Select(p => (p.Status, p.Paid)));
    public bool AwaitsCard => Order.Status == OrderStatus.AwaitingPayment && Order.PaymentMethod == PaymentMethod.Card;
    /// <summary>What a cancellation now would pay back: every paid part, whole.</summary>
    public Money PaidBack => Money.Sum(Parts.Where(p => p.Paid && p.Status != FulfilmentStatus.Cancelled).Select(p => p.Total));
    public bool IsCompleted => Order.Status == OrderStatus.Completed;

    /// <summary>Where a line is reviewed: an account's own review page, or for a guest the order's token page.</summary>
    public string ReviewLink(int orderLineId) =>
        Order.BuyerId is null ? ShopPaths.GuestReview(Order.PublicToken, orderLineId) : ShopPaths.AccountReview(orderLineId);
}

public sealed record OrderSummary(string Number, string Token, OrderStatus Status, Money Total, DateTimeOffset PlacedAt, int Makers);

/// <summary>
/// Money waiting for a member of staff's confirmation: a whole order's transfer (<paramref name="FulfilmentId"/> null),
/// or one pickup part's cash (with its maker and pickup day).
/// </summary>
public sealed record OfflinePaymentRow(int OrderId, int? FulfilmentId, string Number, string BuyerName, PaymentMethod Method, Money Amount,
    DateTimeOffset PlacedAt, DateTimeOffset? DueAt, IReadOnlyList<string> Groups, IndonesianZone Zone, string? MakerName, DateOnly? PickupDate);

public sealed class OrderQueries(MarketplaceDb db, TimeProvider clock)
{
    public async Task<OrderView?> ByTokenAsync(string token, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 64) return null;
        var order = await db.Orders.AsNoTracking().Include(o => o.Lines).SingleOrDefaultAsync(o => o.PublicToken == token, ct);
        if (order is null) return null;
        var parts = await db.Fulfilments.AsNoTracking().Where(f => f.OrderId == order.Id).OrderBy(f => f.Id)
            .Select(f => new { f, Maker = f.Maker!.DisplayName, Group = db.Set<Group>().Where(g => g.Id == f.GroupId).Select(g => new { g.Name, g.PickupAddress, g.Office!.Zone }).First() })
            .ToListAsync(ct);
        var payment = await db.Payments.Where(p => p.OrderId == order.Id && !p.Unexpected).OrderByDescending(p => p.Id).Select(p => (PaymentStatus?)p.Status).FirstOrDefaultAsync(ct)
            ?? PaymentStatus.Pending;
        return new OrderView(order, parts.Select(p => new OrderPartView(p.f.Id, p.Maker, p.Group.Name, p.Group.PickupAddress, p.Group.Zone, p.f.Delivery,
            p.f.PickupDate, p.f.DeliveryCost, p.f.Status, p.f.TrackingNote, order.Lines.Where(l => l.FulfilmentId == p.f.Id).OrderBy(l => l.Id).ToList(),
            p.f.IsPaid, p.f.CollectBy)).ToList(), payment, await RefundsAsync(order, ct), await OpenPaymentAsync(order, ct));
    }


    async Task<OpenPaymentView?> OpenPaymentAsync(Order order, CancellationToken ct)
    {
        if (order.Status != OrderStatus.AwaitingPayment) return null;
        var now = clock.GetUtcNow(); // a code past its life is not shown even before the sweep ends it
        var attempt = await db.PaymentAttempts.AsNoTracking().Where(a => a.OrderId == order.Id && a.Status == AttemptStatus.Open && (a.ExpiresAt == null || a.ExpiresAt > now))
            .OrderByDescending(a => a.Id).FirstOrDefaultAsync(ct);
        return attempt is null ? null : new OpenPaymentView(attempt.Instructions, attempt.ExpiresAt, attempt.Reference);
    }

    /// <summary>The order's status alone, for the order page's small poll; null when the link is unknown.</summary>
    public async Task<OrderStatus?> StatusByTokenAsync(string token, CancellationToken ct = default) =>
        string.IsNullOrWhiteSpace(token) || token.Length > 64 ? null
        : await db.Orders.Where(o => o.PublicToken == token).Select(o => (OrderStatus?)o.Status).SingleOrDefaultAsync(ct);

    /// <summary>An order's refunds, newest first, with what each pays back.</summary>
    public async Task<IReadOnlyList<RefundView>> RefundsAsync(Order order, CancellationToken ct = default)
    {
        var refunds = await db.Set<Refund>().AsNoTracking().Include(r => r.Lines).Where(r => r.OrderId == order.Id).OrderByDescending(r => r.Id).ToListAsync(ct);
        var titles = order.Lines.ToDictionary(l => l.Id, l => l.Title);
        return refunds.Select(r => new RefundView(r.Id, r.Amount, r.Status, r.Route, r.Reason, r.CreatedAt, r.SentAt, r.Reference, r.AccountBank, r.AccountNumber, r.AccountHolder,
            r.Lines.OrderBy(l => l.Id).Select(l => new RefundLineView(l.OrderLineId is { } id ? titles.GetValueOrDefault(id, "") : "", l.Quantity, l.Amount, l.OrderLineId is null)).ToList()))
            .ToList();
    }

    public const int HistoryPageSize = 10;

    /// <summary>One page of the buyer's history, newest first, and how many pages there are.</summary>
    public async Task<(IReadOnlyList<OrderSummary> Orders, int Pages)> ForBuyerAsync(Guid buyerId, int page = 1, CancellationToken ct = default)
    {
        var mine = db.Orders.AsNoTracking().Where(o => o.BuyerId == buyerId);
        var pages = Math.Max(1, (await mine.CountAsync(ct) + HistoryPageSize - 1) / HistoryPageSize);
        var orders = await mine.OrderByDescending(o => o.PlacedAt).ThenByDescending(o => o.Id)
            .Skip((Math.Clamp(page, 1, pages) - 1) * HistoryPageSize).Take(HistoryPageSize)
            .Select(o => new OrderSummary(o.Number, o.PublicToken, o.Status, o.Total, o.PlacedAt, o.Fulfilments.Count))
            .ToListAsync(ct);
        return (orders, pages);
    }

    /// <summary>
    /// One page of the offline money within reach, oldest order first: transfers of orders with a part in one of the
    /// officer's offices (one row per order), and cash of pickup parts in the staff member's groups (one row per part),
    /// whose order number or buyer's name holds the words searched.
    /// </summary>
    public async Task<ListPage<OfflinePaymentRow>> OfflinePaymentsAsync(StaffScope scope, ListRequest request, CancellationToken ct = default)
    {
        if ((request.Before ?? request.After) is { } cursor && PaymentKeys.Position(cursor) is null) request = request with { After = null, Before = null };
        var transferGroups = scope.MoneyGroups(db, PaymentMethod.BankTransfer);
        var transferOrders = db.Orders.AsNoTracking()
            .Where(o => o.Status == OrderStatus.AwaitingPayment && o.PaymentMethod == PaymentMethod.BankTransfer)
            .Where(o => o.Fulfilments.Any(f => transferGroups.Any(g => g.Id == f.GroupId)));
        var cashGroups = scope.MoneyGroups(db, PaymentMethod.CashOnPickup);
        var cashParts = db.Fulfilments.AsNoTracking()
            .Where(f => f.Order!.Status == OrderStatus.AwaitingPayment && f.Order.PaymentMethod == PaymentMethod.CashOnPickup)
            .Where(f => f.Status != FulfilmentStatus.Cancelled && f.PaidAt == null && cashGroups.Any(g => g.Id == f.GroupId));
        var keys = await PaymentKeys.Page(
            transferOrders.Select(o => new PaymentKey { Cash = false, Id = o.Id, At = o.PlacedAt, Number = o.Number, Buyer = o.BuyerName })
                .Concat(cashParts.Select(f => new PaymentKey { Cash = true, Id = f.Id, At = f.Order!.PlacedAt, Number = f.Order.Number, Buyer = f.Order.BuyerName })),
            request).ToListAsync(ct);
        var transferIds = keys.Where(k => !k.Cash).Select(k => k.Id).ToList();
        var cashIds = keys.Where(k => k.Cash).Select(k => k.Id).ToList();
        var transfers = await transferOrders.Where(o => transferIds.Contains(o.Id))
            .Select(o => new OfflinePaymentRow(o.Id, null, o.Number, o.BuyerName, o.PaymentMethod, o.Total, o.PlacedAt, o.PaymentDueAt,
                o.Fulfilments.OrderBy(f => f.Id).Select(f => db.Set<Group>().Where(g => g.Id == f.GroupId).Select(g => g.Name).First()).ToList(),
                // Staff read times in the zone of their own office's part.
                db.Set<Group>().Where(g => o.Fulfilments.Any(f => f.GroupId == g.Id) && transferGroups.Any(t => t.Id == g.Id)).Select(g => g.Office!.Zone).First(),
                null, null))
            .ToDictionaryAsync(r => r.OrderId, ct);
        var cash = await cashParts.Where(f => cashIds.Contains(f.Id))
            .Select(f => new OfflinePaymentRow(f.OrderId, f.Id, f.Order!.Number, f.Order.BuyerName, PaymentMethod.CashOnPickup,
                new Money(f.Lines.Sum(l => l.LineTotal.Amount) + f.DeliveryCost.Amount), f.Order.PlacedAt, f.CollectBy,
                db.Set<Group>().Where(g => g.Id == f.GroupId).Select(g => g.Name).ToList(),
                db.Set<Group>().Where(g => g.Id == f.GroupId).Select(g => g.Office!.Zone).First(), f.Maker!.DisplayName, f.PickupDate))
            .ToDictionaryAsync(r => r.FulfilmentId!.Value, ct);
        var page = ListPage.From<PaymentKey>(keys, request, PaymentKeys.CursorOf);
        // A row paid or cancelled between the two reads drops out of the page rather than showing stale.
        var rows = page.Rows.Select(k => k.Cash ? cash.GetValueOrDefault(k.Id) : transfers.GetValueOrDefault(k.Id)).OfType<OfflinePaymentRow>().ToList();
        return new ListPage<OfflinePaymentRow>(rows, page.Next, page.Previous);
    }
}

/// <summary>Where an offline payment sorts in its list: the order's time, a transfer before cash at the same moment, then the row's id.</summary>
sealed class PaymentKey
{
    public bool Cash { get; init; }
    public int Id { get; init; }
    public DateTimeOffset At { get; init; }
    public string Number { get; init; } = "";
    public string Buyer { get; init; } = "";
}

static class PaymentKeys
{
    /// <summary>The keys of the page asked for, one more than a page, in reading order after a cursor and reversed before one.</summary>
    public static IQueryable<PaymentKey> Page(IQueryable<PaymentKey> keys, ListRequest request)
    {
        if (request.Pattern is { } p) keys = keys.Where(k => EF.Functions.ILike(k.Number, p, "\\") || EF.Functions.ILike(k.Buyer, p, "\\"));
        if (Position(request.Before) is var (bAt, bCash, bId))
            return keys.Where(k => k.At < bAt || (k.At == bAt && ((!k.Cash && bCash) || (k.Cash == bCash && k.Id < bId))))
                .OrderByDescending(k => k.At).ThenByDescending(k => k.Cash).ThenByDescending(k => k.Id).Take(ListRequest.PageSize + 1);
        if (Position(request.After) is var (aAt, aCash, aId))
            keys = keys.Where(k => k.At > aAt || (k.At == aAt && ((k.Cash && !aCash) || (k.Cash == aCash && k.Id > aId))));
        return keys.OrderBy(k => k.At).ThenBy(k => k.Cash).ThenBy(k => k.Id).Take(ListRequest.PageSize + 1);
    }

    public static ListCursor CursorOf(PaymentKey k) => new(string.Create(CultureInfo.InvariantCulture, $"{k.At.UtcTicks}.{(k.Cash ? 1 : 0)}"), k.Id);

    public static (DateTimeOffset At, bool Cash, int Id)? Position(ListCursor? cursor)
    {
        var parts = cursor?.Key.Split('.');
        if (parts is not { Length: 2 } || parts[1] is not ("0" or "1") || cursor!.Value.Id is < 0 or > int.MaxValue
            || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) || ticks > DateTimeOffset.MaxValue.UtcTicks) return null;
        return (new DateTimeOffset(ticks, TimeSpan.Zero), parts[1] == "1", (int)cursor.Value.Id);
    }
}
