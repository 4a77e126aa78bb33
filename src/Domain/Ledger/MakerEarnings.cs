using Microsoft.EntityFrameworkCore;
using PasKreatif.Makers;
using PasKreatif.Orders;
using PasKreatif.Organisation;
using PasKreatif.Persistence;

namespace PasKreatif.Ledger;

public sealed record EarningsMonth(DateOnly Month, Money Net, Money? Target)
{
    public TargetProgress Progress => new(Net, Target);

    /// <summary>Net revenue as a share of the target (<see cref="TargetProgress"/>); null without a target.</summary>
    public int? Percent => Progress.Percent;
}

public sealed record LedgerLine(DateTimeOffset OccurredAt, LedgerEntryKind Kind, Money Signed, string? OrderNumber, string? Note);

public sealed record Earnings(LedgerBalance Standing, IndonesianZone Zone, string RegencyName, EarningsMonth ThisMonth, IReadOnlyList<EarningsMonth> Months, IReadOnlyList<LedgerLine> Entries);

/// <summary>
/// A maker's own earnings: ledger lines, balance (or the amount owed), and the last 12 months against
/// their regency's target, in their home group's zone (<see cref="MakerCalendar"/>).
/// </summary>
public sealed class MakerEarnings(MarketplaceDb db, RevenueLedger ledger, TimeProvider clock)
{
    public async Task<Earnings?> ForAsync(int makerId, CancellationToken ct = default)
    {
        var maker = await db.Makers.Where(m => m.Id == makerId).Select(m => new { m.Regency!.Name, m.RegencyId }).SingleOrDefaultAsync(ct);
        if (maker is null) return null;
        var zone = await MakerCalendar.ZoneOfAsync(db, makerId, ct) ?? IndonesianZone.WIB;
        var targets = await db.MonthlyTargets.Where(t => t.RegencyId == maker.RegencyId).AsNoTracking().ToListAsync(ct);
        var regency = new Regency { Targets = targets };

        var current = MakerCalendar.MonthOf(clock.GetUtcNow(), zone);
        var first = current.AddMonths(-11);
        // The month sums the back office reads too, so the maker and their mentor see the same figures.
        var sales = await db.LedgerMonths.Where(m => m.MakerId == makerId && m.Month >= first).Where(LedgerMonth.IsSale)
            .GroupBy(m => new { m.Month, m.Kind }).Select(g => new { g.Key.Month, g.Key.Kind, Total = g.Sum(m => m.Amount.Amount) }).ToListAsync(ct);
        var months = Enumerable.Range(0, 12).Select(i => first.AddMonths(i)).Select(month => new EarningsMonth(month,
            Money.Sum(sales.Where(s => s.Month == month).Select(s => LedgerEntry.Signed(s.Kind, new Money(s.Total)))),
            regency.TargetFor(month))).ToList();

        var entries = await db.LedgerEntries.Where(e => e.MakerId == makerId)
            .OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id).Take(100)
            .Select(e => new { e.OccurredAt, e.Kind, e.Amount, e.Note, Number = db.Set<OrderLine>().Where(l => l.Id == e.OrderLineId).Select(l => db.Set<Order>().Where(o => o.Id == l.OrderId).Select(o => o.Number).First()).FirstOrDefault() })
            .ToListAsync(ct);
        var lines = entries.Select(e => new LedgerLine(e.OccurredAt, e.Kind,
            LedgerEntry.Signed(e.Kind, e.Amount), e.Number, e.Note)).ToList();

        return new Earnings(await ledger.StandingAsync(makerId, ct), zone, maker.Name, months[^1], months, lines);
    }
}
