using Microsoft.EntityFrameworkCore;
using PasKreatif.Catalog;
using PasKreatif.Independence;
using PasKreatif.Ledger;
using PasKreatif.Orders;
using PasKreatif.Persistence;
using PasKreatif.Questions;

namespace PasKreatif.Workspace;

public sealed record SentBack(int ListingId, string Title, string Reason, bool Revision);

public sealed record LowStock(int ListingId, string Title, int Stock);

/// <summary>This month so far against the regency's target, with the band and what is left to the next one (no target set: only the amount).</summary>
public sealed record MonthSoFar(DateOnly Month, Money Net, Money? Target, BandStep? Step, string RegencyName);

/// <summary>
/// What the maker's start page shows first: their parts to take on or prepare (oldest first, with deadlines,
/// from the same waits as the mentors' open orders), questions without an answer, listings sent back with the
/// mentor's reason, stock running low; then this month's earnings.
/// </summary>
public sealed record MakerTodayView(IReadOnlyList<OrderWait> ToPrepare, int LateCount, int QuestionsWaiting, DateTimeOffset? OldestQuestion,
    IReadOnlyList<SentBack> SentBack, IReadOnlyList<LowStock> LowStock, MonthSoFar? Month)
{
    public bool NothingToDo => ToPrepare.Count == 0 && QuestionsWaiting == 0 && SentBack.Count == 0 && LowStock.Count == 0;
}

public sealed class MakerToday(MarketplaceDb db, OpenOrders open, MakerEarnings earnings, TimeProvider clock)
{
    /// <summary>A listing on sale with this many left or fewer is running low (one-off items with stock 1 included: the last one sells soon).</summary>
    public const int LowStockAt = 2;

    public async Task<MakerTodayView> ForAsync(int makerId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var waits = await open.MakerWaitsAsync(makerId, ct);
        var questions = await db.Set<Question>().Where(q => q.MakerId == makerId && q.AnsweredAt == null)
            .GroupBy(_ => 1).Select(g => new { Count = g.Count(), Oldest = g.Min(q => q.AskedAt) }).SingleOrDefaultAsync(ct);
        var rejected = await db.Listings.Where(l => l.MakerId == makerId && l.Status == ListingStatus.Rejected)
            .OrderByDescending(l => l.UpdatedAt).Select(l => new SentBack(l.Id, l.Title, l.RejectionReason ?? "", false)).ToListAsync(ct);
        var revisions = await db.Listings.Where(l => l.MakerId == makerId && l.Status != ListingStatus.Archived)
            .SelectMany(l => l.Revisions.Where(r => r.Status == RevisionStatus.Rejected).Select(r => new SentBack(l.Id, r.Title, r.Reason ?? "", true)))
            .ToListAsync(ct);
        var low = await db.Listings.Where(l => l.MakerId == makerId && !l.MadeToOrder && l.Stock <= LowStockAt
                && (l.Status == ListingStatus.Approved || l.Status == ListingStatus.Paused))
            .OrderBy(l => l.Stock).ThenBy(l => l.Title).Select(l => new LowStock(l.Id, l.Title, l.Stock)).ToListAsync(ct);
        var money = await earnings.ForAsync(makerId, ct);
        var month = money is null ? null : new MonthSoFar(money.ThisMonth.Month, money.ThisMonth.Net, money.ThisMonth.Target,
            money.ThisMonth.Progress.HasTarget ? IndependenceBands.StepOf(money.ThisMonth.Net, money.ThisMonth.Target!.Value) : null, money.RegencyName);
        return new MakerTodayView(waits, waits.Count(w => w.IsLate(now)), questions?.Count ?? 0, questions?.Oldest,
            rejected.Concat(revisions.Where(r => rejected.All(x => x.ListingId != r.ListingId))).ToList(), low, month);
    }
}
