using Microsoft.Extensions.Logging;

namespace PasKreatif.Payments;

/// <summary>What gateways, their transactions and webhooks write to the log; generated once, so a disabled level costs nothing.</summary>
static partial class PaymentLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Payment for order {Number} could not be started")]
    public static partial void PaymentStartFailed(this ILogger log, Exception error, string number);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Checkout session {Session} could not be expired")]
    public static partial void StripeSessionNotExpired(this ILogger log, Exception error, string session);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stripe refund of {Intent} failed")]
    public static partial void StripeRefundFailed(this ILogger log, Exception error, string intent);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stripe webhook refused: {Reason}")]
    public static partial void StripeWebhookRefused(this ILogger log, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stripe event {Event} was handled before")]
    public static partial void StripeEventHandledBefore(this ILogger log, string @event);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stripe event {Event} ({Type}) changed nothing: {Why}")]
    public static partial void StripeEventIgnored(this ILogger log, string @event, string type, string why);

    [LoggerMessage(Level = LogLevel.Information, Message = "Order {Number}: Midtrans {Type} transaction {Reference} opened until {Until}")]
    public static partial void MidtransOpened(this ILogger log, string number, string type, string reference, DateTimeOffset until);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Midtrans transaction {Reference} could not be cancelled")]
    public static partial void MidtransNotCancelled(this ILogger log, Exception error, string reference);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Midtrans refund of {Reference} failed")]
    public static partial void MidtransRefundFailed(this ILogger log, Exception error, string reference);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Midtrans notification refused: not JSON")]
    public static partial void MidtransNotJson(this ILogger log);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Midtrans notification for {Order} refused: bad signature")]
    public static partial void MidtransBadSignature(this ILogger log, string? order);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Midtrans notification for {Reference}: status could not be confirmed; Midtrans retries")]
    public static partial void MidtransStatusUnconfirmed(this ILogger log, Exception error, string reference);

    [LoggerMessage(Level = LogLevel.Information, Message = "Midtrans {Reference} {Status} was handled before")]
    public static partial void MidtransHandledBefore(this ILogger log, string reference, string? status);

    [LoggerMessage(Level = LogLevel.Information, Message = "Midtrans {Reference} waits for the buyer")]
    public static partial void MidtransWaiting(this ILogger log, string reference);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Midtrans notification {Reference} ({Status}) changed nothing: {Why}")]
    public static partial void MidtransIgnored(this ILogger log, string reference, string? status, string why);
}
