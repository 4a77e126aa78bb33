using Microsoft.EntityFrameworkCore;
using PasKreatif.Persistence;

namespace PasKreatif.Ledger;

/// <summary>
/// What a maker's ledger adds up to, per kind, read from its month sums (<see cref="LedgerMonth"/>): the one balance
/// query, behind every balance a page, a CSV, the mentors' mail and the payout check show.
/// </summary>
public sealed record LedgerTotals(Money Credits, Money Reversals, Money Payouts, Money PayoutReversals)
{
    public static readonly LedgerTotals None = new(Money.Zero, Money.Zero, Money.Zero, Money.Zero);

    /// <summary>Credits − reversals − payouts + payout reversals, by the ledger's sign.</summary>
    public Money Net => LedgerEntry.Signed(LedgerEntryKind.Credit, Credits) + LedgerEntry.Signed(LedgerEntryKind.Reversal, Reversals)
        + LedgerEntry.Signed(LedgerEntryKind.Payout, Payouts) + LedgerEntry.Signed(LedgerEntryKind.PayoutReversal, PayoutReversals);

    /// <summary>The balance as shown: available to pay out, or owed against the next payout.</summary>
    public LedgerBalance Standing => new(Net);

    public static async Task<LedgerTotals> OfAsync(MarketplaceDb db, int makerId, CancellationToken ct = default) =>
        (await SumAsync(db.LedgerMonths.Where(m => m.MakerId == makerId), ct)).GetValueOrDefault(makerId, None);

    /// <summary>The totals of each maker of <paramref name="makerIds"/> with any entry; one with none is at <see cref="None"/>.</summary>
    public static Task<Dictionary<int, LedgerTotals>> OfAsync(MarketplaceDb db, IQueryable<int> makerIds, CancellationToken ct = default) =>
        SumAsync(db.LedgerMonths.Where(m => makerIds.Contains(m.MakerId)), ct);

    static async Task<Dictionary<int, LedgerTotals>> SumAsync(IQueryable<LedgerMonth> months, CancellationToken ct)
    {
        var rows = await months.GroupBy(m => new { m.MakerId, m.Kind }).Select(g => new { g.Key.MakerId, g.Key.Kind, Total = g.Sum(m => m.Amount.Amount) }).ToListAsync(ct);
        return rows.GroupBy(r => r.MakerId).ToDictionary(g => g.Key, g =>
        {
            Money Of(LedgerEntryKind kind) => new(g.Where(r => r.Kind == kind).Sum(r => r.Total));
            return new LedgerTotals(Of(LedgerEntryKind.Credit), Of(LedgerEntryKind.Reversal), Of(LedgerEntryKind.Payout), Of(LedgerEntryKind.PayoutReversal));
        });
    }
}
