using System.Globalization;
using Microsoft.Extensions.Logging;
using PasKreatif.Orders;
using Stripe;
using Stripe.Checkout;
using PaymentMethod = PasKreatif.Orders.PaymentMethod;

namespace PasKreatif.Payments;

public sealed class StripeOptions : ISettingGroup
{
    public const string Section = "Stripe";

    public string? SecretKey { get; init; }
    public string? PublishableKey { get; init; }
    public string? WebhookSecret { get; init; }
    /// <summary>Another address for Stripe's API; tests point it at a local fake.</summary>
    public string? ApiBase { get; init; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(SecretKey);

    public IEnumerable<string?> Problems(string section) => [Settings.WebAddress($"{section}:{nameof(ApiBase)}", ApiBase)];
}

/// <summary>Card payments through Stripe Checkout, offered only when keys are configured.</summary>
public sealed class StripeCardPayment(StripeOptions options, ILogger<StripeCardPayment> log) : IPaymentMethod, IPaymentGateway
{
    IStripeClient? client;

    public PaymentMethod Method => PaymentMethod.Card;
    public bool IsAvailable => options.IsConfigured;

    // Stripe's rule for Checkout sessions.
    public TimeSpan ShortestAttempt => TimeSpan.FromMinutes(30);
    public TimeSpan LongestAttempt => TimeSpan.FromHours(24);

    IStripeClient Client => client ??= string.IsNullOrWhiteSpace(options.ApiBase)
        ? new StripeClient(options.SecretKey)
        : new StripeClient(options.SecretKey, apiBase: options.ApiBase);

    public DateTimeOffset PaymentDue(DateTimeOffset placedAt, DateOnly? lastPickupDate, OrderOptions orderOptions) => placedAt.AddMinutes(orderOptions.CardPaymentMinutes);

    public async Task<PaymentStart> StartAsync(Order order, Payment payment, string statusUrl, DateTimeOffset payBy, CancellationToken ct)
    {
        var items = order.Lines.Select(l => Item(l.Title, l.UnitPrice, l.Quantity)).ToList();
        if (order.DeliveryTotal > Money.Zero) items.Add(Item("Ongkos kirim / delivery", order.DeliveryTotal, 1));
        var metadata = new Dictionary<string, string> { ["order_id"] = order.Id.ToString(CultureInfo.InvariantCulture) };
        var session = await new SessionService(Client).CreateAsync(new SessionCreateOptions
        {
            Mode = "payment",
            ClientReferenceId = metadata["order_id"],
            CustomerEmail = order.BuyerEmail,
            LineItems = items,
            Metadata = metadata,
            PaymentIntentData = new SessionPaymentIntentDataOptions { Metadata = metadata },
            SuccessUrl = statusUrl,
            CancelUrl = statusUrl,
            Locale = order.Culture == "en" ? "en" : "id",
            // The session stops taking money when the order stops waiting for it.
            ExpiresAt = payBy.UtcDateTime,
        }, cancellationToken: ct);
        return new PaymentStart(session.Url, session.Id, payBy);
    }

    public async Task<AttemptClosing> CloseAttemptAsync(PaymentAttempt attempt, CancellationToken ct)
    {
        var sessions = new SessionService(Client);
        try
        {
            await sessions.ExpireAsync(attempt.Reference, cancellationToken: ct);
            return AttemptClosing.Closed;
        }
        catch (StripeException e)
        {
            // Stripe refuses to expire a session that is complete or expired already: ask which.
            try
            {
                var session = await sessions.GetAsync(attempt.Reference, cancellationToken: ct);
                return session.Status switch
                {
                    "complete" => AttemptClosing.AlreadyPaid,
                    "expired" => AttemptClosing.Closed,
                    _ => AttemptClosing.Failed,
                };
            }
            catch (Exception inner) when (inner is StripeException or HttpRequestException)
            {
                log.StripeSessionNotExpired(e, attempt.Reference);
                return AttemptClosing.Failed;
            }
        }
        catch (HttpRequestException e)
        {
            log.StripeSessionNotExpired(e, attempt.Reference);
            return AttemptClosing.Failed;
        }
    }

    public async Task<GatewayRefund> RefundAsync(GatewayRefundRequest request, CancellationToken ct)
    {
        if (!request.PaymentReference.StartsWith("pi_", StringComparison.Ordinal))
            return new GatewayRefund(GatewayRefundOutcome.NotSupported, Error: "no payment intent");
        try
        {
            var refund = await new RefundService(Client).CreateAsync(
                new RefundCreateOptions { PaymentIntent = request.PaymentReference, Amount = Hundredths(request.Amount) },
                new RequestOptions { IdempotencyKey = request.IdempotencyKey }, ct);
            return refund.Status switch
            {
                "succeeded" => new GatewayRefund(GatewayRefundOutcome.Sent, refund.Id),
                "pending" or "requires_action" => new GatewayRefund(GatewayRefundOutcome.Pending, refund.Id),
                _ => new GatewayRefund(GatewayRefundOutcome.Failed, refund.Id, $"Stripe refund {refund.Status}"),
            };
        }
        catch (Exception e) when (e is StripeException or HttpRequestException)
        {
            log.StripeRefundFailed(e, request.PaymentReference);
            return new GatewayRefund(GatewayRefundOutcome.Failed, Error: e.Message);
        }
    }

    // Stripe counts IDR in hundredths, like two-decimal currencies.
    public static long Hundredths(Money amount) => (long)(amount.Amount * 100);

    public static Money FromHundredths(long amount) => Money.Of(amount / 100m);

    static SessionLineItemOptions Item(string name, Money unit, int quantity) => new()
    {
        Quantity = quantity,
        PriceData = new SessionLineItemPriceDataOptions
        {
            Currency = "idr", UnitAmount = Hundredths(unit),
            ProductData = new SessionLineItemPriceDataProductDataOptions { Name = name },
        },
    };
}
