using Microsoft.Extensions.Logging;

namespace PasKreatif.Backup;

/// <summary>What the nightly backup writes to the log.</summary>
static partial class BackupLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Backup written to {File}")]
    public static partial void BackupWritten(this ILogger log, string file);
}
