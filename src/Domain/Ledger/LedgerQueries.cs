using Microsoft.EntityFrameworkCore;
using PasKreatif.Independence;
using PasKreatif.Makers;
using PasKreatif.Organisation;
using PasKreatif.Persistence;

namespace PasKreatif.Ledger;

public sealed record LedgerRow(long Id, DateTimeOffset OccurredAt, LedgerEntryKind Kind, Money Amount, Money SignedAmount, string? Note, int? PayoutId, bool Reversed, string? OrderCode);

/// <param name="Entries">One page of entries, newest first.</param>
/// <param name="Older">The cursor of the next (older) page; null on the last.</param>
public sealed record MakerLedger(int MakerId, string DisplayName, string GroupName, IndonesianZone Zone, Money Credits, Money Reversals, Money Payouts, Money PayoutReversals,
    IReadOnlyList<LedgerRow> Entries, string? Older = null)
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
    /// <summary>Entries per page: a maker with years of sales has thousands.</summary>
    public const int PageSize = 50;

    /// <summary>The totals (summed in the database) and one page of entries from <paramref name="after"/> on, newest first.</summary>
    public async Task<MakerLedger> MakerAsync(StaffScope scope, int makerId, string? after = null, CancellationToken ct = default)
    {
        var maker = await scope.Makers(db).Where(m => m.Id == makerId)
            .Select(m => new { m.Id, m.DisplayName, Group = m.HomeGroup!.Name })
            .SingleOrDefaultAsync(ct) ?? throw new OutOfScopeException();
        var zone = await MakerCalendar.ZoneOfAsync(db, makerId, ct) ?? IndonesianZone.WIB;
        var sums = await db.LedgerEntries.Where(e => e.MakerId == makerId)
            .GroupBy(e => e.Kind).Select(g => new { Kind = g.Key, Total = g.Sum(e => e.Amount.Amount) })
            .ToDictionaryAsync(g => g.Kind, g => new Money(g.Total), ct);
        var page = await Rows(Older(db.LedgerEntries.Where(e => e.MakerId == makerId), LedgerCursor.Parse(after)))
            .Take(PageSize + 1).ToListAsync(ct);
        var rows = page.Take(PageSize).Select(Row).ToList();
        var older = page.Count > PageSize ? new LedgerCursor(rows[^1].OccurredAt, rows[^1].Id).ToString() : null;
        Money Sum(LedgerEntryKind kind) => sums.GetValueOrDefault(kind, Money.Zero);
        return new MakerLedger(maker.Id, maker.DisplayName, maker.Group, zone,
            Sum(LedgerEntryKind.Credit), Sum(LedgerEntryKind.Reversal), Sum(LedgerEntryKind.Payout), Sum(LedgerEntryKind.PayoutReversal), rows, older);
    }

    /// <summary>Every entry of a maker, newest first, read as it is written out (a CSV of any length in flat memory).</summary>
    public async IAsyncEnumerable<LedgerRow> AllEntriesAsync(StaffScope scope, int makerId, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        if (!await scope.Makers(db).AnyAsync(m => m.Id == makerId, ct)) throw new OutOfScopeException();
        await foreach (var e in Rows(db.LedgerEntries.Where(e => e.MakerId == makerId)).AsAsyncEnumerable().WithCancellation(ct))
            yield return Row(e);
    }

    sealed record EntryRow(long Id, DateTimeOffset OccurredAt, LedgerEntryKind Kind, Money Amount, string? Note, int? PayoutId, bool Reversed, int? Order);

    IQueryable<EntryRow> Rows(IQueryable<LedgerEntry> entries) => entries
        .OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id)
        .Select(e => new EntryRow(e.Id, e.OccurredAt, e.Kind, e.Amount, e.Note, e.PayoutId,
            db.LedgerEntries.Any(r => r.ReversesEntryId == e.Id),
            db.OrderLines.Where(l => l.Id == e.OrderLineId).Select(l => (int?)l.OrderId).FirstOrDefault()));

    /// <summary>The first bound repeats the leading key alone, so the (maker, time) index seeks to it.</summary>
    static IQueryable<LedgerEntry> Older(IQueryable<LedgerEntry> entries, LedgerCursor? cursor)
    {
        if (cursor is not { } c) return entries;
        var (at, id) = (c.At, c.Id);
        return entries.Where(e => e.OccurredAt <= at && (e.OccurredAt < at || e.Id < id));
    }

    static LedgerRow Row(EntryRow e) => new(e.Id, e.OccurredAt, e.Kind, e.Amount,
        LedgerEntry.Signed(e.Kind, e.Amount), e.Note, e.PayoutId, e.Reversed,
        e.Order is { } o ? $"#{o}" : null);

    /// <summary>Every maker in scope with their balance, for choosing whom to pay.</summary>
    public Task<List<BalanceRow>> BalancesAsync(StaffScope scope, CancellationToken ct = default) =>
        scope.Makers(db).OrderBy(m => m.HomeGroup!.Name).ThenBy(m => m.DisplayName)
            .Select(m => new BalanceRow(m.Id, m.DisplayName, m.HomeGroup!.Name, new Money(db.LedgerEntries.Where(e => e.MakerId == m.Id).Sum(LedgerEntry.SignedRupiah))))
            .ToListAsync(ct);

    /// <summary>The maker a payout belongs to, when the payout is in scope.</summary>
    public async Task<int> PayoutMakerAsync(StaffScope scope, int payoutId, CancellationToken ct = default)
    {
        var makers = scope.Makers(db);
        return await db.Payouts.Where(p => p.Id == payoutId && makers.Any(m => m.Id == p.MakerId)).Select(p => (int?)p.MakerId).SingleOrDefaultAsync(ct)
            ?? throw new OutOfScopeException();
    }
}

/// <summary>Where a ledger page starts: the time and id of the last entry of the page before, as "ticks-id".</summary>
public readonly record struct LedgerCursor(DateTimeOffset At, long Id)
{
    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{At.UtcTicks}-{Id}");

    /// <summary>Anything unreadable starts at the newest entry.</summary>
    public static LedgerCursor? Parse(string? text)
    {
        var parts = text?.Split('-');
        if (parts is not { Length: 2 }
            || !long.TryParse(parts[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var ticks)
            || !long.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)
            || ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks) return null;
        return new LedgerCursor(new DateTimeOffset(ticks, TimeSpan.Zero), id);
    }
}
