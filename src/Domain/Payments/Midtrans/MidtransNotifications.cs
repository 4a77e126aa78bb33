using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;
using PasKreatif.Orders;
using PasKreatif.Persistence;
using PasKreatif.Observability;

namespace PasKreatif.Payments.Midtrans;

public enum NotificationOutcome { Handled, Duplicate, Ignored, Refunding, BadSignature, Malformed, RetryLater }

/// <summary>
/// Midtrans' HTTP notifications. Each is believed only when its signature_key is right, and then only
/// as a prompt: the shop asks GET /v2/{order_id}/status and acts on that answer (its status, its gross
/// amount). Each transaction and status is acted on once (the key is recorded in the same transaction
/// as its effect), so replays and notifications out of order change nothing; one for a transaction the
/// shop never opened is logged and answered as handled.
/// </summary>
public sealed class MidtransNotifications(MarketplaceDb db, MidtransOptions options, MidtransClient client, OrderLifecycle orders,
    PaymentAttempts attempts, OrderFollowUps followUps, TimeProvider clock, ILogger<MidtransNotifications> log)
{
    public async Task<NotificationOutcome> HandleAsync(string payload, CancellationToken ct = default)
    {
        MidtransTransaction? told;
        try
        {
            told = JsonSerializer.Deserialize<MidtransTransaction>(payload, MidtransClient.Json);
        }
        catch (JsonException)
        {
            log.MidtransNotJson();
            ShopMetrics.PaymentNotificationRefused("midtrans");
            return NotificationOutcome.Malformed;
        }
        if (told is null || !MidtransStatus.IsSigned(told.OrderId, told.StatusCode, told.GrossAmount, told.SignatureKey, options.ServerKey ?? ""))
        {
            log.MidtransBadSignature(told?.OrderId);
            ShopMetrics.PaymentNotificationRefused("midtrans");
            return NotificationOutcome.BadSignature;
        }
        var reference = told.OrderId!;

        MidtransTransaction? status;
        try
        {
            status = await client.StatusAsync(reference, ct);
        }
        catch (MidtransException e)
        {
            log.MidtransStatusUnconfirmed(e, reference);
            return NotificationOutcome.RetryLater;
        }
        if (status is null) return Ignore(reference, told.TransactionStatus, "Midtrans has no such transaction");
        var attempt = await db.PaymentAttempts.AsNoTracking().SingleOrDefaultAsync(a => a.Reference == reference, ct);
        if (attempt is null) return Ignore(reference, status.TransactionStatus, "no transaction of the shop");

        var state = status.State;
        var key = $"midtrans:{reference}:{status.TransactionStatus}";
        if (state == GatewayState.Refunded) key += ":" + status.TotalRefunded.Amount.ToString("0", CultureInfo.InvariantCulture); // each further partial refund counts
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.ProcessedWebhookEvents.Add(new ProcessedWebhookEvent { Id = key, Type = $"midtrans {status.TransactionStatus}", ReceivedAt = clock.GetUtcNow() });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            log.MidtransHandledBefore(reference, status.TransactionStatus);
            return NotificationOutcome.Duplicate;
        }
        var outcome = await ApplyAsync(attempt, status, state, ct);
        await tx.CommitAsync(ct);
        await followUps.RunAsync(ct);
        return outcome;
    }

    async Task<NotificationOutcome> ApplyAsync(PaymentAttempt attempt, MidtransTransaction status, GatewayState state, CancellationToken ct)
    {
        var reference = attempt.Reference;
        switch (state)
        {
            case GatewayState.Paid:
                // The amount is the one Midtrans' status gives, never the notification's.
                return Report(reference, status, await orders.ConfirmedByGatewayAsync(
                    new GatewayPayment(attempt.OrderId, attempt.Method, reference, reference, MidtransClient.Amount(status.GrossAmount)), ct));
            case GatewayState.Waiting:
                log.MidtransWaiting(reference);
                return NotificationOutcome.Handled;
            case GatewayState.Expired:
                // The order keeps its stock until its own deadline; the buyer may start again from the order page.
                return await attempts.EndedAtGatewayAsync(reference, AttemptStatus.Expired, ct) ? NotificationOutcome.Handled : Ignore(reference, status.TransactionStatus, "transaction not open");
            case GatewayState.Failed:
                var ended = await attempts.EndedAtGatewayAsync(reference, AttemptStatus.Closed, ct);
                var failed = await db.Payments.Where(p => p.Id == attempt.PaymentId && p.Status == PaymentStatus.Pending
                        && db.Set<Order>().Any(o => o.Id == p.OrderId && o.Status == OrderStatus.AwaitingPayment))
                    .ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, PaymentStatus.Failed), ct);
                return ended || failed > 0 ? NotificationOutcome.Handled : Ignore(reference, status.TransactionStatus, "transaction not open");
            case GatewayState.Refunded:
                return Report(reference, status, await orders.RefundedAtGatewayAsync(reference, status.TotalRefunded, ct));
            default:
                return Ignore(reference, status.TransactionStatus, "not a status the shop acts on");
        }
    }

    NotificationOutcome Report(string reference, MidtransTransaction status, OrderChange change) => change switch
    {
        OrderChange.Done => NotificationOutcome.Handled,
        OrderChange.Refunding => NotificationOutcome.Refunding,
        _ => Ignore(reference, status.TransactionStatus, change.ToString()),
    };

    NotificationOutcome Ignore(string reference, string? transactionStatus, string why)
    {
        log.MidtransIgnored(reference, transactionStatus, why);
        return NotificationOutcome.Ignored;
    }
}
