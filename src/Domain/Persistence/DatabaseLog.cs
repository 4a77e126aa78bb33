using Microsoft.Extensions.Logging;

namespace PasKreatif.Persistence;

/// <summary>What the database start and the standby watch write to the log.</summary>
static partial class DatabaseLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Applying migrations")]
    public static partial void ApplyingMigrations(this ILogger log);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Standbys answer again (lag {Lag:0.0} s): catalogue reads go to them")]
    public static partial void StandbysAnswerAgain(this ILogger log, double? lag);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Standbys unreachable: catalogue reads go to the primary")]
    public static partial void StandbysUnreachable(this ILogger log);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Standbys lag {Lag:0.0} s, over {Limit} s: catalogue reads go to the primary")]
    public static partial void StandbysLagging(this ILogger log, double? lag, double limit);
}
