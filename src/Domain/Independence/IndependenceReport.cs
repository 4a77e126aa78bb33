using Microsoft.EntityFrameworkCore;
using PasKreatif.Ledger;
using PasKreatif.Makers;
using PasKreatif.Organisation;
using PasKreatif.Persistence;

namespace PasKreatif.Independence;

public sealed record MakerMonthRow(DateOnly Month, Money Net, Money Target, int Percent, IndependenceBand Band, int Orders, int Units);

public sealed record MakerIndependence(int MakerId, string DisplayName, string GroupName, string RegencyName, IndonesianZone Zone, IReadOnlyList<MakerMonthRow> Months);

public sealed record MakerBandRow(int MakerId, string DisplayName, string GroupName, Money NetLastMonth, Money Net12Months, int Percent, IndependenceBand Band);

public sealed record TrendPoint(DateOnly Month, Money Net);

public sealed record ProgrammeTotal(string Programme, string GroupName, Money Net);

/// <summary>A group's or an office's roll-up: 12-month trend, makers per band (last complete month), top programmes.</summary>
public sealed record IndependenceRollUp(
    string Name, IndonesianZone Zone, IReadOnlyList<TrendPoint> Trend, IReadOnlyDictionary<IndependenceBand, int> Bands,
    IReadOnlyList<ProgrammeTotal> TopProgrammes, IReadOnlyList<MakerBandRow> Makers)
{
    public Money Total => Money.Sum(Trend.Select(t => t.Net));
}

/// <summary>The economic-independence read side: net revenue (credits − reversals) per month against the regency's target.</summary>
public sealed class IndependenceReport(MarketplaceDb db, TimeProvider clock)
{
    public const int Months = 12;

    /// <summary>The groups and offices whose roll-ups the caller may open.</summary>
    public async Task<(List<Makers.Choice> Groups, List<Makers.Choice> Offices)> ChoicesAsync(StaffScope scope, CancellationToken ct = default)
    {
        var groups = await scope.Groups(db).OrderBy(g => g.Name).Select(g => new Makers.Choice(g.Id, g.Name)).ToListAsync(ct);
        var officeIds = scope.OfficeIds.ToArray();
        var offices = await db.Offices.Where(o => scope.IsAdministrator || officeIds.Contains(o.Id)).OrderBy(o => o.Name)
            .Select(o => new Makers.Choice(o.Id, o.Name)).ToListAsync(ct);
        return (groups, offices);
    }

    public async Task<MakerIndependence> MakerAsync(StaffScope scope, int makerId, CancellationToken ct = default)
    {
        var maker = await scope.Makers(db).Where(m => m.Id == makerId)
            .Select(m => new { m.Id, m.DisplayName, Group = m.HomeGroup!.Name, Regency = m.Regency!.Name, m.RegencyId })
            .SingleOrDefaultAsync(ct) ?? throw new OutOfScopeException();
        var zone = await MakerCalendar.ZoneOfAsync(db, makerId, ct) ?? IndonesianZone.WIB;
        var months = IndependenceBands.CompleteMonths(clock.GetUtcNow(), zone, Months);
        var entries = await EntriesAsync([maker.Id], months[0].AddMonths(-2), zone, ct);
        var targets = await TargetsAsync([maker.RegencyId], ct);
        var net = IndependenceBands.NetByMonth(entries.Select(e => (e.At, e.Signed)), zone);
        var series = IndependenceBands.Series(months, net, m => targets[maker.RegencyId].TargetFor(m) ?? Money.Zero);
        var rows = series.Select(s =>
        {
            var credits = entries.Where(e => e.Credit && IndependenceBands.MonthOf(e.At, zone) == s.Month).ToList();
            return new MakerMonthRow(s.Month, s.Net, s.Target, s.Percent, s.Band, credits.Select(c => c.OrderId).Distinct().Count(), credits.Sum(c => c.Quantity));
        }).ToList();
        return new MakerIndependence(maker.Id, maker.DisplayName, maker.Group, maker.Regency, zone, rows);
    }

    public async Task<IndependenceRollUp> GroupAsync(StaffScope scope, int groupId, CancellationToken ct = default)
    {
        var group = await scope.Groups(db).Where(g => g.Id == groupId).Select(g => new { g.Name, g.Office!.Zone }).SingleOrDefaultAsync(ct)
            ?? throw new OutOfScopeException();
        return await RollUpAsync(group.Name, group.Zone, db.Makers.Where(m => m.HomeGroupId == groupId), ct);
    }

    public async Task<IndependenceRollUp> OfficeAsync(StaffScope scope, int officeId, CancellationToken ct = default)
    {
        // An office's roll-up is for its officers and administrators; a mentor sees their groups only.
        if (!scope.IsAdministrator && !scope.OfficeIds.Contains(officeId)) throw new OutOfScopeException();
        var office = await db.Offices.Where(o => o.Id == officeId).Select(o => new { o.Name, o.Zone }).SingleOrDefaultAsync(ct)
            ?? throw new OutOfScopeException();
        return await RollUpAsync(office.Name, office.Zone, db.Makers.Where(m => m.HomeGroup!.OfficeId == officeId), ct);
    }

    async Task<IndependenceRollUp> RollUpAsync(string name, IndonesianZone zone, IQueryable<Maker> makers, CancellationToken ct)
    {
        var people = await makers.OrderBy(m => m.DisplayName).Select(m => new { m.Id, m.DisplayName, Group = m.HomeGroup!.Name, m.RegencyId }).ToListAsync(ct);
        // A roll-up holds makers whose home group is in it, so their zone is the roll-up's; each is still counted by the one rule.
        var zones = await MakerCalendar.ZonesAsync(db, makers, ct);
        var months = IndependenceBands.CompleteMonths(clock.GetUtcNow(), zone, Months);
        var entries = await EntriesAsync(people.Select(p => p.Id).ToList(), months[0].AddMonths(-2), zone, ct);
        var targets = await TargetsAsync(people.Select(p => p.RegencyId).Distinct().ToList(), ct);
        var inWindow = entries.Where(e => IndependenceBands.MonthOf(e.At, zone) >= months[0]).ToList();

        var rows = people.Select(p =>
        {
            var own = entries.Where(e => e.MakerId == p.Id);
            var net = IndependenceBands.NetByMonth(own.Select(e => (e.At, e.Signed)), zones.GetValueOrDefault(p.Id, zone));
            var last = IndependenceBands.Series([months[^1]], net, m => targets[p.RegencyId].TargetFor(m) ?? Money.Zero)[0];
            var total = Money.Sum(months.Select(m => net.GetValueOrDefault(m, Money.Zero)));
            return new MakerBandRow(p.Id, p.DisplayName, p.Group, last.Net, total, last.Percent, last.Band);
        }).ToList();
        var bands = Enum.GetValues<IndependenceBand>().ToDictionary(b => b, b => rows.Count(r => r.Band == b));
        var byMonth = IndependenceBands.NetByMonth(inWindow.Select(e => (e.At, e.Signed)), zone);
        var trend = months.Select(m => new TrendPoint(m, byMonth.GetValueOrDefault(m, Money.Zero))).ToList();
        var top = inWindow.GroupBy(e => (e.Programme, e.ProgrammeGroup))
            .Select(g => new ProgrammeTotal(g.Key.Programme, g.Key.ProgrammeGroup, Money.Sum(g.Select(e => e.Signed))))
            .OrderByDescending(p => p.Net).ThenBy(p => p.Programme).Take(5).ToList();
        return new IndependenceRollUp(name, zone, trend, bands, top, rows);
    }

    sealed record Entry(int MakerId, DateTimeOffset At, Money Signed, bool Credit, int OrderId, int Quantity, string Programme, string ProgrammeGroup);

    async Task<List<Entry>> EntriesAsync(List<int> makerIds, DateOnly fromMonth, IndonesianZone zone, CancellationToken ct)
    {
        var from = new DateTimeOffset(fromMonth.ToDateTime(TimeOnly.MinValue), zone.Offset()).ToUniversalTime();
        var rows = await db.LedgerEntries
            .Where(e => makerIds.Contains(e.MakerId) && e.OccurredAt >= from).Where(LedgerEntry.IsSale)
            .Join(db.OrderLines, e => e.OrderLineId, l => l.Id, (e, l) => new
            {
                e.MakerId, e.OccurredAt, e.Kind, e.Amount, l.OrderId, l.Quantity,
                Programme = l.Listing!.Programme!.Name, ProgrammeGroup = l.Listing.Programme.Group!.Name,
            })
            .ToListAsync(ct);
        return rows.Select(r => new Entry(r.MakerId, r.OccurredAt, LedgerEntry.Signed(r.Kind, r.Amount),
            r.Kind == LedgerEntryKind.Credit, r.OrderId, r.Quantity, r.Programme, r.ProgrammeGroup)).ToList();
    }

    async Task<Dictionary<int, Regency>> TargetsAsync(List<int> regencyIds, CancellationToken ct) =>
        await db.Regencies.AsNoTracking().Include(r => r.Targets).Where(r => regencyIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
}
