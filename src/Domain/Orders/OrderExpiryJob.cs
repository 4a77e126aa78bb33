using Hangfire;

namespace PasKreatif.Orders;

/// <summary>Every minute: unpaid orders past their deadline lapse and give their stock back.</summary>
public sealed class OrderExpiryJob(OrderLifecycle lifecycle)
{
    public const string Id = "orders-expiry";

    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    public Task<int> RunAsync(CancellationToken ct) => lifecycle.ExpireDueAsync(ct);

    public static void Schedule(IRecurringJobManager jobs) =>
        jobs.AddOrUpdate<OrderExpiryJob>(Id, job => job.RunAsync(CancellationToken.None), Cron.Minutely());
}
