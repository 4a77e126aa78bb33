using Microsoft.Extensions.Logging;

namespace PasKreatif.Orders;

/// <summary>What the order lifecycle and its refunds write to the log; generated once, so a disabled level costs nothing.</summary>
static partial class OrderLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Order {Number} placed: {Total} by {Method}")]
    public static partial void OrderPlaced(this ILogger log, string number, Money total, PaymentMethod method);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Follow-ups of order {Order} failed; the sweep retries")]
    public static partial void FollowUpsFailed(this ILogger log, Exception error, int order);

    [LoggerMessage(Level = LogLevel.Information, Message = "Order {Order} paid")]
    public static partial void OrderPaid(this ILogger log, int order);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order {Number}: the gateway confirmed {Amount}, the order asks {Expected}; it goes back")]
    public static partial void GatewayAmountDiffers(this ILogger log, string number, Money? amount, Money expected);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order {Number}: {Amount} refunded at the gateway, lines unknown")]
    public static partial void RefundedAtGatewayWithoutLines(this ILogger log, string number, Money amount);

    [LoggerMessage(Level = LogLevel.Information, Message = "Order {Number}: refund {Refund} of {Amount} created ({Reason})")]
    public static partial void RefundCreated(this ILogger log, string number, int refund, Money amount, RefundReason reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order {Number}: {Amount} arrived ({Reason}); refund {Refund} created")]
    public static partial void UnexpectedMoneyRefunded(this ILogger log, string number, Money amount, RefundReason reason, int refund);

    [LoggerMessage(Level = LogLevel.Information, Message = "Order {Number}: refund {Refund} of {Amount} went back")]
    public static partial void RefundSent(this ILogger log, string number, int refund, Money amount);

    [LoggerMessage(Level = LogLevel.Error, Message = "Order {Order} could not lapse")]
    public static partial void LapseFailed(this ILogger log, Exception error, int order);

    [LoggerMessage(Level = LogLevel.Information, Message = "Order {Order} completed")]
    public static partial void OrderCompleted(this ILogger log, int order);

    [LoggerMessage(Level = LogLevel.Information, Message = "Order {Order} {Status}")]
    public static partial void OrderClosed(this ILogger log, int order, OrderStatus status);
}
