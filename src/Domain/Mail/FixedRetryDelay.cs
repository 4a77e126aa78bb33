using Hangfire;
using Hangfire.Common;
using Hangfire.States;

namespace PasKreatif.Mail;

/// <summary>
/// Jobs:RetryDelaySeconds: every retry of this host's jobs waits that long instead of the job's own
/// back-off (tests of failing mail use a few seconds). Ordered after AutomaticRetry so it sees its decision,
/// and tied to one host's storage so other hosts in the process keep their delays.
/// </summary>
public sealed class FixedRetryDelay : JobFilterAttribute, IElectStateFilter
{
    readonly JobStorage storage;
    readonly TimeSpan delay;

    public FixedRetryDelay(JobStorage storage, TimeSpan delay)
    {
        (this.storage, this.delay) = (storage, delay);
        Order = 1000;
    }

    public void OnStateElection(ElectStateContext context)
    {
        if (ReferenceEquals(context.Storage, storage) && context.CandidateState is ScheduledState { Reason: { } reason } && reason.StartsWith("Retry attempt", StringComparison.Ordinal))
            context.CandidateState = new ScheduledState(delay) { Reason = reason };
    }
}

public static class FixedRetryDelayConfiguration
{
    /// <summary>Adds <see cref="FixedRetryDelay"/> for this host's storage when Jobs:RetryDelaySeconds is above 0; otherwise nothing.</summary>
    public static IGlobalConfiguration UseFixedRetryDelay(this IGlobalConfiguration hangfire, JobStorage storage, int seconds) =>
        seconds > 0 ? hangfire.UseFilter(new FixedRetryDelay(storage, TimeSpan.FromSeconds(seconds))) : hangfire;
}
