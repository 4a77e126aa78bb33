using Microsoft.Extensions.Logging;

namespace PasKreatif.Demo;

/// <summary>What the demo-data loader writes to the log.</summary>
static partial class DemoDataLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Demo data '{Tier}' loaded in {Seconds:0.0} s")]
    public static partial void DemoDataLoaded(this ILogger log, string tier, double seconds);
}
