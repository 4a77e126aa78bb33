using Hangfire;
using Microsoft.EntityFrameworkCore;
using PasKreatif.Persistence;

namespace PasKreatif.Catalog;

/// <summary>
/// An edit sent from a phone's outbox under the phone's key, kept so the same edit sent again (its
/// answer lost on the way) is known as sent, even after the listing changed again since.
/// </summary>
public class OfflineEditReceipt
{
    /// <summary>
    /// A phone resends a lost answer's edit the next time it has signal; one sent again after this long is judged
    /// against what the listing shows, so at worst it comes back as a conflict, never as an overwrite.
    /// </summary>
    public static readonly TimeSpan KeptFor = TimeSpan.FromDays(90);

    public int MakerId { get; private init; }
    public Guid Key { get; private init; }
    public int ListingId { get; private init; }
    public DateTimeOffset At { get; private init; }

    OfflineEditReceipt() { }

    public static OfflineEditReceipt For(int makerId, Guid key, int listingId, DateTimeOffset at) =>
        new() { MakerId = makerId, Key = key, ListingId = listingId, At = at };
}

/// <summary>Every night: receipts older than <see cref="OfflineEditReceipt.KeptFor"/> are forgotten.</summary>
public sealed class OfflineEditReceiptExpiry(MarketplaceDb db, TimeProvider clock)
{
    public const string Id = "offline-edit-receipts-expiry";

    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public Task<int> RunAsync(CancellationToken ct)
    {
        var before = clock.GetUtcNow() - OfflineEditReceipt.KeptFor;
        return db.OfflineEditReceipts.Where(r => r.At < before).ExecuteDeleteAsync(ct);
    }

    public static void Schedule(IRecurringJobManager jobs) =>
        jobs.AddOrUpdate<OfflineEditReceiptExpiry>(Id, job => job.RunAsync(CancellationToken.None), Cron.Daily(20)); // 03:00 WIB
}
