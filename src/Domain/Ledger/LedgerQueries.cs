using Microsoft.EntityFrameworkCore;
using PasKreatif.Independence;
using PasKreatif.Makers;
using PasKreatif.Organisation;
using PasKreatif.Persistence;

namespace PasKreatif.Ledger;

public sealed record LedgerRow(long Id, DateTimeOffset OccurredAt, LedgerEntryKind Kind, Money Amount, Money SignedAmount, string? Note, int? PayoutId, bool Reversed, string? OrderCode);

public sealed record MakerLedger(int MakerId, string DisplayName, string GroupName, IndonesianZone Zone, Money Credits, Money Reversals, Money Payouts, Money PayoutReversals, IReadOnlyList<LedgerRow> Entries)
{
    public Money Balance => Credits - Reversals - Payouts + PayoutReversals;
    /// <summary>The balance as shown: available to pay out, or owed against the next payout.</summary>
    public LedgerBalance Standing => new(Balance);
}

public sealed record BalanceRow(int MakerId, string DisplayName, string GroupName, Money Balance)
{
    public LedgerBalance Standing => new(Balance);
}

/// <summary>The ledger's read side for the back office, narrowed by <see cref="StaffScope"/>.</summary>
public sealed class LedgerQueries(MarketplaceDb db)
{
    public async Task<MakerLedger> MakerAsync(StaffScope scope, int makerId, CancellationToken ct = default)
    {
        var maker = await scope.Makers(db).Where(m => m.Id == makerId)
            .Select(m => new { m.Id, m.DisplayName, Group = m.HomeGroup!.Name })
            .SingleOrDefaultAsync(ct) ?? throw new OutOfScopeException();
        var zone = await MakerCalendar.ZoneOfAsync(db, makerId, ct) ?? IndonesianZone.WIB;
        var entries = await db.LedgerEntries.Where(e => e.MakerId == makerId)
            .OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id)
            .Select(e => new
            {
                e.Id, e.OccurredAt, e.Kind, e.Amount, e.Note, e.PayoutId,
                Reversed = db.LedgerEntries.Any(r => r.ReversesEntryId == e.Id),
                Order = db.OrderLines.Where(l => l.Id == e.OrderLineId).Select(l => (int?)l.OrderId).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var rows = entries.Select(e => new LedgerRow(e.Id, e.OccurredAt, e.Kind, e.Amount,
            e.Kind is LedgerEntryKind.Credit or LedgerEntryKind.PayoutReversal ? e.Amount : -e.Amount, e.Note, e.PayoutId, e.Reversed,
            e.Order is { } o ? $"#{o}" : null)).ToList();
        Money Sum(LedgerEntryKind kind) => Money.Sum(rows.Where(r => r.Kind == kind).Select(r => r.Amount));
        return new MakerLedger(maker.Id, maker.DisplayName, maker.Group, zone,
            Sum(LedgerEntryKind.Credit), Sum(LedgerEntryKind.Reversal), Sum(LedgerEntryKind.Payout), Sum(LedgerEntryKind.PayoutReversal), rows);
    }

    /// <summary>Every maker in scope with their balance, for choosing whom to pay.</summary>
    public Task<List<BalanceRow>> BalancesAsync(StaffScope scope, CancellationToken ct = default) =>
        scope.Makers(db).OrderBy(m => m.HomeGroup!.Name).ThenBy(m => m.DisplayName)
            .Select(m => new BalanceRow(m.Id, m.DisplayName, m.HomeGroup!.Name, new Money(db.LedgerEntries.Where(e => e.MakerId == m.Id)
                .Sum(e => e.Kind == LedgerEntryKind.Credit || e.Kind == LedgerEntryKind.PayoutReversal ? e.Amount.Amount : -e.Amount.Amount))))
            .ToListAsync(ct);

    /// <summary>The maker a payout belongs to, when the payout is in scope.</summary>
    public async Task<int> PayoutMakerAsync(StaffScope scope, int payoutId, CancellationToken ct = default)
    {
        var makers = scope.Makers(db);
        return await db.Payouts.Where(p => p.Id == payoutId && makers.Any(m => m.Id == p.MakerId)).Select(p => (int?)p.MakerId).SingleOrDefaultAsync(ct)
            ?? throw new OutOfScopeException();
    }
}
