using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PasKreatif.Catalog;
using PasKreatif.Organisation;
using PasKreatif.Payments;
using PasKreatif.Persistence;

namespace PasKreatif.Orders;

public sealed record DeliveryChoice(int MakerId, DeliveryMethod Method, DateOnly? PickupDate);

/// <summary>What the buyer typed. Prices and totals are never taken from here.</summary>
public sealed record CheckoutRequest(Guid CartId, Guid? BuyerId, string Name, string Phone, string Email, string Address,
    IndonesianZone Zone, string Culture, PaymentMethod Method, IReadOnlyList<DeliveryChoice> Deliveries);

public enum CheckoutProblem { None, EmptyCart, SoldOut, Delivery, PaymentUnavailable, CashNeedsPickup }

public sealed record CheckoutResult(CheckoutProblem Problem, Order? Order = null, string? RedirectUrl = null,
    IReadOnlyList<string>? SoldOut = null, IReadOnlyDictionary<int, DeliveryProblem>? Delivery = null)
{
    public bool Succeeded => Problem == CheckoutProblem.None;
}

/// <summary>Turns a cart into an order: stock is reserved by conditional updates in the order's own transaction.</summary>
public sealed class CheckoutService(MarketplaceDb db, CartService carts, PaymentMethods methods, OrderMail mail,
    OrderOptions options, TimeProvider clock, ILogger<CheckoutService> log)
{
    public async Task<CheckoutResult> PlaceAsync(CheckoutRequest request, string baseUrl, CancellationToken ct = default)
    {
        var cart = await carts.ViewAsync(request.CartId, ct);
        if (cart.IsEmpty) return new(CheckoutProblem.EmptyCart);
        var unavailable = cart.Lines.Where(l => l.SoldOut || l.TooMany).Select(l => l.Title).ToList();
        if (unavailable.Count > 0) return new(CheckoutProblem.SoldOut, SoldOut: unavailable);
        if (!methods.IsAvailable(request.Method)) return new(CheckoutProblem.PaymentUnavailable);

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

        var order = NewOrder(request, cart, choices, now);
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            // Fixed order of listings, so two checkouts never wait on each other in a circle.
            foreach (var line in cart.Lines.OrderBy(l => l.ListingId))
            {
                if (!await ListingStock.ReserveAsync(db, line.ListingId, line.Quantity, ct))
                {
                    await tx.RollbackAsync(ct);
                    return new(CheckoutProblem.SoldOut, SoldOut: [line.Title]);
                }
            }
            db.Orders.Add(order);
            await db.CartLines.Where(l => l.CartId == request.CartId).ExecuteDeleteAsync(ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        log.LogInformation("Order {Number} placed: {Total} by {Method}", order.Number, order.Total, order.PaymentMethod);

        var statusUrl = $"{baseUrl.TrimEnd('/')}/pesanan/{order.PublicToken}";
        string? redirect = null;
        try
        {
            redirect = await methods[order.PaymentMethod].StartAsync(order, order.Payments[0], statusUrl, ct);
            await db.SaveChangesAsync(ct);
        }
        catch (Exception e) when (e is Stripe.StripeException or HttpRequestException)
        {
            // The order stays reserved; its page offers to start the payment again.
            log.LogWarning(e, "Payment for order {Number} could not be started", order.Number);
        }
        mail.OrderPlaced(order);
        if (order.PaymentMethod == PaymentMethod.CashOnPickup) await mail.NewOrderToMakersAsync(order.Id, ct);
        return new(CheckoutProblem.None, order, redirect);
    }

    Order NewOrder(CheckoutRequest request, CartView cart, Dictionary<int, DeliveryChoice> choices, DateTimeOffset now)
    {
        var order = new Order
        {
            Number = $"PK{now:yyMMdd}-{RandomNumberGenerator.GetString("ABCDEFGHJKLMNPQRSTUVWXYZ23456789", 6)}",
            PublicToken = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_'),
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
                DeliveryCost = DeliveryRules.Price(maker.Parcel, choice.Method, request.Zone, options),
            };
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
        order.Subtotal = Money.Sum(order.Lines.Select(l => l.LineTotal));
        order.DeliveryTotal = Money.Sum(order.Fulfilments.Select(f => f.DeliveryCost));
        order.Total = order.Subtotal + order.DeliveryTotal;
        var lastPickup = order.Fulfilments.Where(f => f.PickupDate is not null).Select(f => f.PickupDate).Max();
        order.PaymentDueAt = methods[request.Method].PaymentDue(now, lastPickup, options);
        order.Payments.Add(new Payment { Method = request.Method, Status = PaymentStatus.Pending, Amount = order.Total, CreatedAt = now });
        return order;
    }
}
