using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;
using PasKreatif.Catalog;
using PasKreatif.Mail;
using PasKreatif.Organisation;
using PasKreatif.Persistence;
using PasKreatif.Observability;

namespace PasKreatif.Orders;

public sealed record DeliveryChoice(int MakerId, DeliveryMethod Method, DateOnly? PickupDate);

/// <summary>
/// What the buyer typed. Prices and totals are never taken from here; <paramref name="ShownTotal"/> is
/// the total the page showed, and an order is only placed when the server's total is that one.
/// </summary>
public sealed record CheckoutRequest(Guid CartId, Guid? BuyerId, string Name, string Phone, string Email, string Address,
    IndonesianZone Zone, string Culture, PaymentMethod Method, IReadOnlyList<DeliveryChoice> Deliveries, Money? ShownTotal = null);

public enum CheckoutProblem { None, EmptyCart, SoldOut, Delivery, PaymentUnavailable, CashNeedsPickup, TotalChanged }

public sealed record CheckoutResult(CheckoutProblem Problem, Order? Order = null, string? RedirectUrl = null,
    IReadOnlyList<string>? SoldOut = null, IReadOnlyDictionary<int, DeliveryProblem>? Delivery = null, CheckoutQuote? Quote = null, bool Repeated = false)
{
    public bool Succeeded => Problem == CheckoutProblem.None;
}

/// <summary>
/// Turns a cart into an order. The cart's row is locked and deleted in the order's own transaction,
/// and the order keeps the cart's id under a unique key, so one cart gives at most one order however
/// often it is submitted; stock is reserved by conditional updates in the same transaction.
/// </summary>
public sealed class CheckoutService(MarketplaceDb db, CartService carts, IPaymentChoices methods, IGatewayWork gateways, OrderMail mail, MailOutbox outbox,
    OrderOptions options, TimeProvider clock, ICatalogChanges catalog, ILogger<CheckoutService> log)
{
    /// <summary>The figures the page shows for the buyer's choices: each part's delivery and the total, for the chosen zone.</summary>
    public async Task<CheckoutQuote> QuoteAsync(Guid cartId, IReadOnlyList<DeliveryChoice> deliveries, IndonesianZone zone, CancellationToken ct = default) =>
        CheckoutPricing.Quote(await carts.ViewAsync(cartId, ct), Chosen(deliveries), zone, options);

    /// <summary>The order placed from this cart, if any: a repeated submit shows it instead of making a second one.</summary>
    public Task<string?> PlacedFromCartAsync(Guid cartId, CancellationToken ct = default) =>
        db.Orders.Where(o => o.CartId == cartId).Select(o => o.PublicToken).SingleOrDefaultAsync(ct);

    public async Task<CheckoutResult> PlaceAsync(CheckoutRequest request, string baseUrl, CancellationToken ct = default)
    {
        // A repeated submit finds its cart gone under the lock below, so the first submit asks nothing beforehand.
        if (!methods.IsAvailable(request.Method)) return await RepeatedAsync(request.CartId, ct) ?? new(CheckoutProblem.PaymentUnavailable);

        Order order;
        // Numbers are six random letters a day, so two orders of a busy day can draw the same one: that order draws again.
        for (var attempt = 1; ; attempt++)
        {
            var (placed, refused, numberClashed) = await TryPlaceAsync(request, numberMayClash: attempt < NumberAttempts, ct);
            if (refused is not null) return refused;
            if (numberClashed) continue;
            order = placed!;
            break;
        }
        log.OrderPlaced(order.Number, order.Total, order.PaymentMethod);
        ShopMetrics.OrderPlaced(order.PaymentMethod.ToString());
        await outbox.DispatchAsync(ct);

        if (!methods.ThroughGateway(order.PaymentMethod)) return new(CheckoutProblem.None, order);
        var redirect = await gateways.StartPaymentAsync(order.Id, $"{baseUrl.TrimEnd('/')}/pesanan/{order.PublicToken}", ct);
        return new(CheckoutProblem.None, order, redirect);
    }

    /// <summary>Tries a number this many times; a clash on the last is an error, not a loop.</summary>
    const int NumberAttempts = 5;

    /// <summary>One attempt in one transaction: the order placed, or why not, or that its number was taken.</summary>
    async Task<(Order? Placed, CheckoutResult? Refused, bool NumberClashed)> TryPlaceAsync(CheckoutRequest request, bool numberMayClash, CancellationToken ct)
    {
        // Any failed save below rolls the whole attempt back, so EF's savepoint around each save is two round trips for nothing.
        db.Database.AutoSavepointsEnabled = false;
        try
        {
            return await TryPlaceInTransactionAsync(request, numberMayClash, ct);
        }
        finally
        {
            db.Database.AutoSavepointsEnabled = true;
        }
    }

    async Task<(Order? Placed, CheckoutResult? Refused, bool NumberClashed)> TryPlaceInTransactionAsync(CheckoutRequest request, bool numberMayClash, CancellationToken ct)
    {
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            // Concurrent submits of one cart queue here; the ones after the first find the cart gone.
            var cartRow = await db.Database.SqlQuery<Guid>($"""SELECT "Id" AS "Value" FROM "Carts" WHERE "Id" = {request.CartId} FOR UPDATE""").ToListAsync(ct);
            if (cartRow.Count == 0)
            {
                await tx.RollbackAsync(ct);
                return (null, await RepeatedAsync(request.CartId, ct) ?? new(CheckoutProblem.EmptyCart), false);
            }
            var cart = await carts.ViewAsync(request.CartId, ct);
            var refused = Check(request, cart);
            if (refused is not null)
            {
                await tx.RollbackAsync(ct);
                return (null, refused, false);
            }
            var now = clock.GetUtcNow();
            var order = NewOrder(request, cart, now);
            // Fixed order of listings, so two checkouts never wait on each other in a circle.
            foreach (var line in cart.Lines.OrderBy(l => l.ListingId))
            {
                if (!await ListingStock.ReserveAsync(db, line.ListingId, line.Quantity, catalog, ct))
                {
                    await tx.RollbackAsync(ct);
                    ShopMetrics.StockConflict();
                    return (null, new(CheckoutProblem.SoldOut, SoldOut: [line.Title]), false);
                }
            }
            db.Orders.Add(order);
            mail.OrderPlaced(order); // needs no generated key, so it is written with the order in one save
            await db.Carts.Where(c => c.Id == request.CartId).ExecuteDeleteAsync(ct);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } clash)
            {
                await tx.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                if (clash.ConstraintName == OrderConfiguration.NumberIndex && numberMayClash) return (null, null, true);
                return (null, await RepeatedAsync(request.CartId, ct) ?? throw new InvalidOperationException("An order for this cart clashed but is not there.", e), false);
            }
            if (order.PaymentMethod == PaymentMethod.CashOnPickup)
            {
                await mail.NewOrderToMakersAsync(order.Id, ct);
                await db.SaveChangesAsync(ct);
            }
            await tx.CommitAsync(ct);
            return (order, null, false);
        }
    }

    /// <summary>The buyer's choices checked against the cart now, and the total against the one shown; null when all is well.</summary>
    CheckoutResult? Check(CheckoutRequest request, CartView cart)
    {
        if (cart.IsEmpty) return new(CheckoutProblem.EmptyCart);
        var unavailable = cart.Lines.Where(l => l.SoldOut || l.TooMany).Select(l => l.Title).ToList();
        if (unavailable.Count > 0) return new(CheckoutProblem.SoldOut, SoldOut: unavailable);
        var now = clock.GetUtcNow();
        var choices = request.Deliveries.GroupBy(d => d.MakerId).ToDictionary(g => g.Key, g => g.First());
        var problems = new Dictionary<int, DeliveryProblem>();
        foreach (var maker in cart.Makers)
        {
            var choice = choices.GetValueOrDefault(maker.MakerId);
            var problem = choice is null ? DeliveryProblem.NotOffered : DeliveryRules.Check(maker.Parcel, choice.Method, choice.PickupDate, now);
            if (problem != DeliveryProblem.None) problems[maker.MakerId] = problem;
        }
        if (problems.Count > 0) return new(CheckoutProblem.Delivery, Delivery: problems);
        if (request.Method == PaymentMethod.CashOnPickup && cart.Makers.Any(m => choices[m.MakerId].Method != DeliveryMethod.Pickup))
            return new(CheckoutProblem.CashNeedsPickup);
        var quote = CheckoutPricing.Quote(cart, Chosen(request.Deliveries), request.Zone, options);
        if (request.ShownTotal is { } shown && shown != quote.Total) return new(CheckoutProblem.TotalChanged, Quote: quote);
        return null;
    }

    async Task<CheckoutResult?> RepeatedAsync(Guid cartId, CancellationToken ct)
    {
        var order = await db.Orders.AsNoTracking().SingleOrDefaultAsync(o => o.CartId == cartId, ct);
        return order is null ? null : new(CheckoutProblem.None, order, Repeated: true);
    }

    static Dictionary<int, DeliveryMethod> Chosen(IReadOnlyList<DeliveryChoice> deliveries) =>
        deliveries.GroupBy(d => d.MakerId).ToDictionary(g => g.Key, g => g.First().Method);

    Order NewOrder(CheckoutRequest request, CartView cart, DateTimeOffset now)
    {
        var quote = CheckoutPricing.Quote(cart, Chosen(request.Deliveries), request.Zone, options);
        var choices = request.Deliveries.GroupBy(d => d.MakerId).ToDictionary(g => g.Key, g => g.First());
        var order = new Order
        {
            Number = $"PK{now:yyMMdd}-{RandomNumberGenerator.GetString("ABCDEFGHJKLMNPQRSTUVWXYZ23456789", 6)}",
            PublicToken = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_'),
            CartId = request.CartId,
            BuyerId = request.BuyerId, BuyerName = request.Name.Trim(), BuyerEmail = request.Email.Trim(), BuyerPhone = request.Phone.Trim(),
            Address = request.Address.Trim(), Culture = request.Culture == "en" ? "en" : "id", Zone = request.Zone,
            Status = OrderStatus.AwaitingPayment, PaymentMethod = request.Method, PlacedAt = now,
        };
        foreach (var maker in cart.Makers)
        {
            var choice = choices[maker.MakerId];
            var fulfilment = new Fulfilment
            {
                MakerId = maker.MakerId, GroupId = maker.GroupId, Delivery = choice.Method, Status = FulfilmentStatus.New, UpdatedAt = now,
                PickupDate = choice.Method == DeliveryMethod.Pickup ? choice.PickupDate : null,
                DeliveryCost = quote.For(maker.MakerId)!.Delivery,
            };
            if (request.Method == PaymentMethod.CashOnPickup && fulfilment.PickupDate is { } day)
                fulfilment.SetCollectBy(DeliveryRules.CashCollectBy(day, options));
            foreach (var line in maker.Lines)
            {
                var orderLine = new OrderLine
                {
                    ListingId = line.ListingId, MakerId = maker.MakerId, Title = line.Title, UnitPrice = line.Price,
                    Quantity = line.Quantity, LineTotal = line.LineTotal,
                };
                fulfilment.Lines.Add(orderLine);
                order.Lines.Add(orderLine);
            }
            order.Fulfilments.Add(fulfilment);
        }
        order.Subtotal = quote.Subtotal;
        order.DeliveryTotal = quote.DeliveryTotal;
        order.Total = quote.Total;
        var lastPickup = order.Fulfilments.Where(f => f.PickupDate is not null).Select(f => f.PickupDate).Max();
        order.PaymentDueAt = methods.PaymentDue(request.Method, now, lastPickup, options);
        order.Payments.Add(new Payment { Method = request.Method, Status = PaymentStatus.Pending, Amount = order.Total, CreatedAt = now });
        return order;
    }
}
