using Microsoft.Extensions.Logging;

namespace PasKreatif.Storefront.Hosting;

/// <summary>What the web host writes to the log about the database, the key ring and the catalogue eviction listener.</summary>
static partial class HostLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Database unreachable: {Error}")]
    public static partial void DatabaseUnreachable(this ILogger log, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The data-protection key ring could not be loaded at start")]
    public static partial void KeyRingNotLoaded(this ILogger log, Exception error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The catalogue eviction listener lost its database connection; reconnecting in {Delay}")]
    public static partial void EvictionListenerLost(this ILogger log, Exception error, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Information, Message = "A {Entity} the catalogue shows was saved with no catalogue change raised: the whole catalogue is evicted")]
    public static partial void UnannouncedCatalogueWrite(this ILogger log, string entity);
}
