using System.Diagnostics;
using Hangfire;
using Hangfire.Server;

namespace PasKreatif.Observability;

/// <summary>A span around every Hangfire job run (its SQL and HTTP become children) and a count of failed runs.</summary>
public sealed class JobTelemetry : IServerFilter
{
    const string ActivityKey = "PasKreatif.Activity";
    static readonly Lock Registering = new();

    /// <summary>Hangfire's filters are process-wide: several hosts in one process (tests) register it once.</summary>
    public static void Register()
    {
        lock (Registering)
            if (!GlobalJobFilters.Filters.Any(f => f.Instance is JobTelemetry)) GlobalJobFilters.Filters.Add(new JobTelemetry());
    }

    public static string JobName(PerformContext context) =>
        context.BackgroundJob.Job is { } job ? $"{job.Type.Name}.{job.Method.Name}" : "unknown";

    public void OnPerforming(PerformingContext context)
    {
        var activity = ShopMetrics.Jobs.StartActivity("job " + JobName(context), ActivityKind.Internal);
        if (activity is null) return;
        activity.SetTag("job.id", context.BackgroundJob.Id);
        activity.SetTag("job.name", JobName(context));
        context.Items[ActivityKey] = activity;
    }

    public void OnPerformed(PerformedContext context)
    {
        var failed = context.Exception is not null && !context.ExceptionHandled;
        if (failed) ShopMetrics.JobFailed(JobName(context));
        if (context.Items.TryGetValue(ActivityKey, out var item) && item is Activity activity)
        {
            if (failed) activity.SetStatus(ActivityStatusCode.Error, context.Exception!.GetType().Name);
            activity.Dispose();
        }
    }
}

public static class JobTelemetryConfiguration
{
    public static IGlobalConfiguration UseJobTelemetry(this IGlobalConfiguration configuration)
    {
        JobTelemetry.Register();
        return configuration;
    }
}
