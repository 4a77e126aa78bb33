using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;
using PasKreatif.Orders;
using PasKreatif.Persistence;
using Stripe;
using Stripe.Checkout;
using PaymentMethod = PasKreatif.Orders.PaymentMethod;
using PasKreatif.Observability;

namespace PasKreatif.Payments;

public enum WebhookOutcome { Handled, Duplicate, Ignored, Refunding, BadSignature }

/// <summary>
/// Stripe's webhook: the signature is checked by Stripe.net, and each event id is recorded in the
/// same transaction as its effect, so a repeated delivery (even a simultaneous one) does nothing.
/// What must leave the database (refunds, closing sessions, mail) runs after that commit.
/// </summary>
public sealed class StripeWebhook(MarketplaceDb db, StripeOptions options, OrderLifecycle orders, PaymentAttempts attempts, OrderFollowUps followUps,
    TimeProvider clock, ILogger<StripeWebhook> log)
{
    public const long ToleranceSeconds = 300;

    public async Task<WebhookOutcome> HandleAsync(string payload, string? signature, CancellationToken ct = default)
    {
        Event stripeEvent;
        try
        {
            if (string.IsNullOrEmpty(options.WebhookSecret) || string.IsNullOrEmpty(signature))
            {
                ShopMetrics.PaymentNotificationRefused("stripe");
                return WebhookOutcome.BadSignature;
            }
            stripeEvent = EventUtility.ConstructEvent(payload, signature, options.WebhookSecret, ToleranceSeconds,
                clock.GetUtcNow().ToUnixTimeSeconds(), throwOnApiVersionMismatch: false);
        }
        catch (StripeException e)
        {
            log.StripeWebhookRefused(e.Message);
            ShopMetrics.PaymentNotificationRefused("stripe");
            return WebhookOutcome.BadSignature;
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.ProcessedWebhookEvents.Add(new ProcessedWebhookEvent { Id = stripeEvent.Id, Type = stripeEvent.Type, ReceivedAt = clock.GetUtcNow() });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            log.StripeEventHandledBefore(stripeEvent.Id);
            return WebhookOutcome.Duplicate;
        }
        var outcome = await ApplyAsync(stripeEvent, ct);
        await tx.CommitAsync(ct);
        await followUps.RunAsync(ct);
        return outcome;
    }

    async Task<WebhookOutcome> ApplyAsync(Event stripeEvent, CancellationToken ct)
    {
        switch (stripeEvent.Type)
        {
            case EventTypes.CheckoutSessionCompleted when stripeEvent.Data.Object is Session session:
                if (session.PaymentStatus != "paid") return Ignore(stripeEvent, "session not paid yet");
                if (OrderId(session.Metadata, session.ClientReferenceId) is not { } paidOrder) return Ignore(stripeEvent, "no order id");
                if (string.IsNullOrEmpty(session.PaymentIntentId)) return Ignore(stripeEvent, "no payment intent");
                var amount = session.AmountTotal is { } total ? StripeCardPayment.FromHundredths(total) : (Money?)null;
                return Report(stripeEvent, paidOrder, await orders.ConfirmedByGatewayAsync(
                    new GatewayPayment(paidOrder, PaymentMethod.Card, session.PaymentIntentId, session.Id, amount), ct));

            case EventTypes.CheckoutSessionExpired when stripeEvent.Data.Object is Session expired:
                // The buyer may start again from the order page until the order's own deadline.
                return await attempts.EndedAtGatewayAsync(expired.Id, AttemptStatus.Expired, ct) ? WebhookOutcome.Handled : Ignore(stripeEvent, "session not open");

            case EventTypes.PaymentIntentPaymentFailed when stripeEvent.Data.Object is PaymentIntent intent:
                if (OrderId(intent.Metadata, null) is not { } failedOrder) return Ignore(stripeEvent, "no order id");
                // The order keeps its reservation until it expires; the buyer may try another card.
                var failed = await db.Payments.Where(p => p.OrderId == failedOrder && p.Status == PaymentStatus.Pending)
                    .ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, PaymentStatus.Failed), ct);
                return failed > 0 ? WebhookOutcome.Handled : Ignore(stripeEvent, $"order {failedOrder} has no pending payment");

            case EventTypes.ChargeRefunded when stripeEvent.Data.Object is Charge charge:
                var refundedOrder = await db.Payments.Where(p => p.ProviderReference == charge.PaymentIntentId).Select(p => (int?)p.OrderId).SingleOrDefaultAsync(ct);
                if (refundedOrder is null) return Ignore(stripeEvent, $"no payment {charge.PaymentIntentId}");
                return Report(stripeEvent, refundedOrder.Value, await orders.RefundedAtGatewayAsync(charge.PaymentIntentId, StripeCardPayment.FromHundredths(charge.AmountRefunded), ct));

            default:
                return Ignore(stripeEvent, "not an event the shop acts on");
        }
    }

    WebhookOutcome Report(Event stripeEvent, int orderId, OrderChange change)
    {
        if (change == OrderChange.Done) return WebhookOutcome.Handled;
        if (change == OrderChange.Refunding) return WebhookOutcome.Refunding;
        return Ignore(stripeEvent, $"order {orderId}: {change}");
    }

    WebhookOutcome Ignore(Event stripeEvent, string why)
    {
        log.StripeEventIgnored(stripeEvent.Id, stripeEvent.Type, why);
        return WebhookOutcome.Ignored;
    }

    static int? OrderId(Dictionary<string, string>? metadata, string? reference) =>
        int.TryParse((metadata is not null && metadata.TryGetValue("order_id", out var fromMetadata) ? fromMetadata : null) ?? reference, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
}
