using Hangfire;
using Microsoft.Extensions.Logging;
using PasKreatif.Mail;
using PasKreatif.Persistence;

namespace PasKreatif.Orders;

/// <summary>
/// What may only happen once an order's change committed, because it leaves the database: closing
/// gateway transactions the order no longer needs, sending refunds through a gateway, handing mail
/// to the queue. Run right after the commit; <see cref="OrderFollowUpJob"/> sweeps whatever a crash left.
/// </summary>
public sealed class OrderFollowUps(MarketplaceDb db, IGatewayWork gateways, MailOutbox outbox, ILogger<OrderFollowUps> log)
{
    readonly HashSet<int> touched = [];

    public void Touch(int orderId) => touched.Add(orderId);

    /// <summary>Runs the follow-ups of every order touched in this scope; inside an open transaction it waits for the caller's commit.</summary>
    public async Task RunAsync(CancellationToken ct = default)
    {
        if (db.Database.CurrentTransaction is not null) return;
        foreach (var orderId in touched.ToList())
        {
            touched.Remove(orderId);
            try
            {
                await gateways.CloseUnneededAsync(orderId, ct);
                await gateways.SendRefundsAsync(orderId, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The sweep retries; the change itself is committed and stands.
                log.FollowUpsFailed(e, orderId);
            }
        }
        await outbox.DispatchAsync(ct);
    }
}

/// <summary>
/// Every minute: open gateway transactions of orders that stopped waiting are closed, gateway refunds
/// still to send are sent (a few tries each), shipped parts past the set number of days are marked
/// delivered, and mail left in the outbox is queued.
/// </summary>
public sealed class OrderFollowUpJob(IGatewayWork gateways, Handovers handovers, MailOutbox outbox)
{
    public const string Id = "orders-follow-up";

    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var done = await gateways.SweepAsync(ct);
        done += await handovers.DeliverShippedDueAsync(ct);
        done += await outbox.DispatchAsync(ct);
        return done;
    }

    public static void Schedule(IRecurringJobManager jobs) =>
        jobs.AddOrUpdate<OrderFollowUpJob>(Id, job => job.RunAsync(CancellationToken.None), Cron.Minutely());
}
