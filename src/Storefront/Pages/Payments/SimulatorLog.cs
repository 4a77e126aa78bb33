using Microsoft.Extensions.Logging;

namespace PasKreatif.Storefront.Pages.Payments;

/// <summary>What the demo's Midtrans payment simulator writes to the log.</summary>
static partial class SimulatorLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Midtrans payment simulator on at {Address}: no money moves, for the demo only")]
    public static partial void SimulatorOn(this ILogger log, string address);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Simulator: the notification for {OrderId} did not reach the shop")]
    public static partial void NotificationLost(this ILogger log, Exception error, string orderId);
}
