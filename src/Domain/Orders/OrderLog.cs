using Microsoft.Extensions.Logging;
using PasKreatif.Payments;

namespace PasKreatif.Orders;

/// <summary>What the order lifecycle writes to the log; generated once, so a disabled level costs nothing.</summary>
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

    [LoggerMessage(Level = LogLevel.Error, Message = "Order {Order} could not lapse")]
    public static partial void LapseFailed(this ILogger log, Exception error, int order);

    [LoggerMessage(Level = LogLevel.Information, Message = "Order {Order} completed")]
    public static partial void OrderCompleted(this ILogger log, int order);

    [LoggerMessage(Level = LogLevel.Information, Message = "Order {Order} {Status}")]
    public static partial void OrderClosed(this ILogger log, int order, OrderStatus status);
}
