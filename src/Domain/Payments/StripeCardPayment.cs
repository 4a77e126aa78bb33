using Microsoft.Extensions.Logging;
using PasKreatif.Orders;
using Stripe;
using Stripe.Checkout;

namespace PasKreatif.Payments;

public sealed class StripeOptions
{
    public string? SecretKey { get; set; }
    public string? PublishableKey { get; set; }
    public string? WebhookSecret { get; set; }
    /// <summary>Another address for Stripe's API; tests point it at a local fake.</summary>
    public string? ApiBase { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(SecretKey);
}

/// <summary>Card payments through Stripe Checkout, offered only when keys are configured.</summary>
public sealed class StripeCardPayment(StripeOptions options, ILogger<StripeCardPayment> log) : IPaymentMethod
{
    IStripeClient? client;

    public PaymentMethod Method => PaymentMethod.Card;
    public bool IsAvailable => options.IsConfigured;

    IStripeClient Client => client ??= string.IsNullOrWhiteSpace(options.ApiBase)
        ? new StripeClient(options.SecretKey)
        : new StripeClient(options.SecretKey, apiBase: options.ApiBase);

    public DateTimeOffset PaymentDue(DateTimeOffset placedAt, DateOnly? lastPickupDate, OrderOptions orderOptions) => placedAt.AddMinutes(orderOptions.CardPaymentMinutes);

    public async Task<string?> StartAsync(Order order, Payment payment, string statusUrl, CancellationToken ct)
    {
        var items = order.Lines.Select(l => Item(l.Title, l.UnitPrice, l.Quantity)).ToList();
        if (order.DeliveryTotal > Money.Zero) items.Add(Item("Ongkos kirim / delivery", order.DeliveryTotal, 1));
        var metadata = new Dictionary<string, string> { ["order_id"] = order.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) };
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
        }, cancellationToken: ct);
        payment.ProviderReference = session.Id;
        return session.Url;
    }

    public async Task<bool> RefundAsync(Payment payment, CancellationToken ct)
    {
        if (payment.ProviderReference is not { } intent || !intent.StartsWith("pi_", StringComparison.Ordinal))
        {
            log.LogWarning("Card payment {Payment} has no payment intent to refund", payment.Id);
            return false;
        }
        await new RefundService(Client).CreateAsync(new RefundCreateOptions { PaymentIntent = intent }, cancellationToken: ct);
        return true;
    }

    // Stripe counts IDR in hundredths, like two-decimal currencies.
    static SessionLineItemOptions Item(string name, Money unit, int quantity) => new()
    {
        Quantity = quantity,
        PriceData = new SessionLineItemPriceDataOptions
        {
            Currency = "idr", UnitAmount = (long)(unit.Amount * 100),
            ProductData = new SessionLineItemPriceDataProductDataOptions { Name = name },
        },
    };
}
