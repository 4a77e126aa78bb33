using Microsoft.EntityFrameworkCore;
using PasKreatif.Makers;
using PasKreatif.Orders;
using PasKreatif.Organisation;
using PasKreatif.Persistence;

namespace PasKreatif.Ledger;

public sealed record LedgerRow(long Id, DateTimeOffset OccurredAt, LedgerEntryKind Kind, Money Amount, Money SignedAmount, string? Note, int? PayoutId, bool Reversed, string? OrderCode);

/// <param name="Entries">One page of entries, newest first.</param>
/// <param name="Older">The cursor of the next (older) page; null on the last.</param>
/// <param name="Newer">The cursor of the page before (newer entries); null on the first.</param>
public sealed record MakerLedger(int MakerId, string DisplayName, string GroupName, IndonesianZone Zone, LedgerTotals Totals,
    IReadOnlyList<LedgerRow> Entries, string? Older = null, string? Newer = null)
{
    public Money Credits => Totals.Credits;
    public Money Reversals => Totals.Reversals;
    public Money Payouts => Totals.Payouts;
    public Money PayoutReversals => Totals.PayoutReversals;
    public Money Balance => Totals.Net;
    /// <summary>The balance as shown: available to pay out, or owed against the next payout.</summary>
    public LedgerBalance Standing => Totals.Standing;
}

/// <summary>The ledger's read side for the back office, narrowed by <see cref="StaffScope"/>.</summary>
public sealed class LedgerQueries(MarketplaceDb db)
{
    /// <summary>Entries per page: a maker with years of sales has thousands.</summary>
    public const int PageSize = 50;

    /// <summary>
    /// The totals (from the month sums) and one page of entries, newest first: the page after <paramref name="after"/> (older
    /// entries), or the page before <paramref name="before"/> (newer ones), or the newest.
    /// </summary>
    public async Task<MakerLedger> MakerAsync(StaffScope scope, int makerId, string? after = null, string? before = null, CancellationToken ct = default)
    {
        var maker = await scope.Makers(db).Where(m => m.Id == makerId)
            .Select(m => new { m.Id, m.DisplayName, Group = m.HomeGroup!.Name })
            .SingleOrDefaultAsync(ct) ?? throw new OutOfScopeException();
        var zone = await MakerCalendar.ZoneOfAsync(db, makerId, ct) ?? IndonesianZone.WIB;
        var totals = await LedgerTotals.OfAsync(db, makerId, ct);
        var entries = db.LedgerEntries.Where(e => e.MakerId == makerId);
        var (olderThan, newerThan) = (LedgerCursor.Parse(after), after is null ? LedgerCursor.Parse(before) : null);
        var page = newerThan is { } n
            ? Enumerable.Reverse(await NewestLast(Newer(entries, n)).Take(PageSize + 1).ToListAsync(ct)).ToList()
            : await Rows(Older(entries, olderThan)).Take(PageSize + 1).ToListAsync(ct);
        // The row read past the page says another page lies that way: after an older-than cursor at the end, after a newer-than one at the start.
        var more = page.Count > PageSize;
        var rows = (newerThan is null ? page.Take(PageSize) : page.Skip(more ? 1 : 0)).Select(Row).ToList();
        if (rows.Count == 0) return new MakerLedger(maker.Id, maker.DisplayName, maker.Group, zone, totals, rows);
        string Cursor(LedgerRow r) => new LedgerCursor(r.OccurredAt, r.Id).ToString();
        var older = newerThan is not null || more ? Cursor(rows[^1]) : null;
        var newer = newerThan is not null ? (more ? Cursor(rows[0]) : null) : olderThan is not null ? Cursor(rows[0]) : null;
        return new MakerLedger(maker.Id, maker.DisplayName, maker.Group, zone, totals, rows, older, newer);
    }

    /// <summary>Every entry of a maker, newest first, read as it is written out (a CSV of any length in flat memory).</summary>
    public async IAsyncEnumerable<LedgerRow> AllEntriesAsync(StaffScope scope, int makerId, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        if (!await scope.Makers(db).AnyAsync(m => m.Id == makerId, ct)) throw new OutOfScopeException();
        await foreach (var e in Rows(db.LedgerEntries.Where(e => e.MakerId == makerId)).AsAsyncEnumerable().WithCancellation(ct))
            yield return Row(e);
    }

    sealed record EntryRow(long Id, DateTimeOffset OccurredAt, LedgerEntryKind Kind, Money Amount, string? Note, int? PayoutId, bool Reversed, int? Order);

    IQueryable<EntryRow> Rows(IQueryable<LedgerEntry> entries) => Shown(entries.OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id));

    IQueryable<EntryRow> NewestLast(IQueryable<LedgerEntry> entries) => Shown(entries.OrderBy(e => e.OccurredAt).ThenBy(e => e.Id));

    IQueryable<EntryRow> Shown(IOrderedQueryable<LedgerEntry> entries) => entries
        .Select(e => new EntryRow(e.Id, e.OccurredAt, e.Kind, e.Amount, e.Note, e.PayoutId,
            db.Set<LedgerEntry>().Any(r => r.ReversesEntryId == e.Id),
            db.Set<OrderLine>().Where(l => l.Id == e.OrderLineId).Select(l => (int?)l.OrderId).FirstOrDefault()));

    /// <summary>The first bound repeats the leading key alone, so the (maker, time) index seeks to it.</summary>
    static IQueryable<LedgerEntry> Older(IQueryable<LedgerEntry> entries, LedgerCursor? cursor)
    {
        if (cursor is not { } c) return entries;
        var (at, id) = (c.At, c.Id);
        return entries.Where(e => e.OccurredAt <= at && (e.OccurredAt < at || e.Id < id));
    }

    static IQueryable<LedgerEntry> Newer(IQueryable<LedgerEntry> entries, LedgerCursor c)
    {
        var (at, id) = (c.At, c.Id);
        return entries.Where(e => e.OccurredAt >= at && (e.OccurredAt > at || e.Id > id));
    }

    static LedgerRow Row(EntryRow e) => new(e.Id, e.OccurredAt, e.Kind, e.Amount,
        LedgerEntry.Signed(e.Kind, e.Amount), e.Note, e.PayoutId, e.Reversed,
        e.Order is { } o ? $"#{o}" : null);

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
