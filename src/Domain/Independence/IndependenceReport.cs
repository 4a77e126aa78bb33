using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using PasKreatif.Ledger;
using PasKreatif.Makers;
using PasKreatif.Orders;
using PasKreatif.Organisation;
using PasKreatif.Persistence;

namespace PasKreatif.Independence;

public sealed record MakerMonthRow(DateOnly Month, Money Net, Money Target, int Percent, IndependenceBand Band, int Orders, int Units);

public sealed record MakerIndependence(int MakerId, string DisplayName, string GroupName, string RegencyName, IndonesianZone Zone, IReadOnlyList<MakerMonthRow> Months);

public sealed record MakerBandRow(int MakerId, string DisplayName, string GroupName, Money NetLastMonth, Money Net12Months, int Percent, IndependenceBand Band);

public sealed record TrendPoint(DateOnly Month, Money Net);

public sealed record ProgrammeTotal(string Programme, string GroupName, Money Net);

public enum RollUpOf { Group, Office }

/// <summary>Whom a roll-up counts (its makers, in its zone, over its 12 complete months), checked against the caller's scope once.</summary>
/// <remarks>A predicate, not a query of one context: the page's parts read at once, each on its own connection.</remarks>
public sealed record RollUpFrame(string Name, IndonesianZone Zone, IReadOnlyList<DateOnly> Months, Expression<Func<Maker, bool>> Whom)
{
    public IQueryable<Maker> Makers(MarketplaceDb db) => db.Makers.Where(Whom);
}

/// <summary>A group's or an office's roll-up: 12-month trend, makers per band (last complete month), top programmes, a page of makers.</summary>
public sealed record IndependenceRollUp(
    string Name, IndonesianZone Zone, IReadOnlyList<TrendPoint> Trend, IReadOnlyDictionary<IndependenceBand, int> Bands,
    IReadOnlyList<ProgrammeTotal> TopProgrammes, ListPage<MakerBandRow> Makers)
{
    public Money Total => Money.Sum(Trend.Select(t => t.Net));
}

/// <summary>The economic-independence read side: net revenue (credits − reversals) per month against the regency's target.</summary>
public sealed class IndependenceReport(MarketplaceDb db, DbContextOptions<MarketplaceDb> options, TimeProvider clock)
{
    public const int Months = 12;

    /// <summary>The groups and offices whose roll-ups the caller may open.</summary>
    public async Task<(List<Choice> Groups, List<Choice> Offices)> ChoicesAsync(StaffScope scope, CancellationToken ct = default)
    {
        var groups = await scope.Groups(db).OrderBy(g => g.Name).Select(g => new Choice(g.Id, g.Name)).ToListAsync(ct);
        var offices = await OfficerOffices(scope).OrderBy(o => o.Name)
            .Select(o => new Choice(o.Id, o.Name)).ToListAsync(ct);
        return (groups, offices);
    }

    public async Task<MakerIndependence> MakerAsync(StaffScope scope, int makerId, CancellationToken ct = default)
    {
        var maker = await scope.Makers(db).Where(m => m.Id == makerId)
            .Select(m => new { m.Id, m.DisplayName, Group = m.HomeGroup!.Name, Regency = m.Regency!.Name, m.RegencyId })
            .SingleOrDefaultAsync(ct) ?? throw new OutOfScopeException();
        var zone = await MakerCalendar.ZoneOfAsync(db, makerId, ct) ?? IndonesianZone.WIB;
        // Two months before the window still count towards a Mandiri run in its first months.
        var frame = Frame(maker.DisplayName, zone, m => m.Id == makerId, Months + 2);
        var months = frame.Months.Skip(2).ToList();
        var net = (await NetsAsync(db, frame, frame.Makers(db), 0, ct)).GetValueOrDefault(makerId, NoSales);
        var sold = await Sales(frame, 0).Where(s => s.Credit && s.Month < frame.Months.Count)
            .Join(db.OrderLines, s => s.OrderLineId, l => (int?)l.Id, (s, l) => new { s.Month, l.OrderId, l.Quantity })
            .GroupBy(x => x.Month).Select(g => new { Month = g.Key, Orders = g.Select(x => x.OrderId).Distinct().Count(), Units = g.Sum(x => x.Quantity) })
            .ToDictionaryAsync(g => frame.Months[g.Month], ct);
        var targets = await TargetsAsync(db, [maker.RegencyId], ct);
        var series = IndependenceBands.Series(months, net, m => targets[maker.RegencyId].TargetFor(m) ?? Money.Zero);
        var rows = series.Select(s => sold.TryGetValue(s.Month, out var x)
            ? new MakerMonthRow(s.Month, s.Net, s.Target, s.Percent, s.Band, x.Orders, x.Units)
            : new MakerMonthRow(s.Month, s.Net, s.Target, s.Percent, s.Band, 0, 0)).ToList();
        return new MakerIndependence(maker.Id, maker.DisplayName, maker.Group, maker.Regency, zone, rows);
    }

    /// <summary>A group's roll-up with every maker of it (a group is small), for the mentors' monthly mail.</summary>
    public async Task<IndependenceRollUp> GroupAsync(StaffScope scope, int groupId, CancellationToken ct = default)
    {
        var frame = await FrameAsync(scope, RollUpOf.Group, groupId, ct);
        return await RollUpAsync(frame, async ct => new ListPage<MakerBandRow>(await AllMakersAsync(frame, ct).ToListAsync(ct), null, null), ct);
    }

    /// <summary>A roll-up as its page shows it: the charts' figures and one page of its makers.</summary>
    public Task<IndependenceRollUp> RollUpAsync(RollUpFrame frame, ListRequest makers, CancellationToken ct = default) =>
        RollUpAsync(frame, ct => MakersAsync(frame, makers, ct), ct);

    // The four parts share nothing: each reads on a context of its own at the same time, so the page waits for its longest part.
    async Task<IndependenceRollUp> RollUpAsync(RollUpFrame frame, Func<CancellationToken, Task<ListPage<MakerBandRow>>> makers, CancellationToken ct)
    {
        await using var trendDb = new MarketplaceDb(options);
        await using var bandsDb = new MarketplaceDb(options);
        await using var programmesDb = new MarketplaceDb(options);
        var trend = TrendAsync(trendDb, frame, ct);
        var bands = BandsAsync(bandsDb, frame, ct);
        var programmes = TopProgrammesAsync(programmesDb, frame, ct);
        var page = makers(ct);
        await Task.WhenAll(trend, bands, programmes, page);
        return new IndependenceRollUp(frame.Name, frame.Zone, trend.Result, bands.Result, programmes.Result, page.Result);
    }

    /// <summary>Whom a roll-up counts, once the caller may see it: a group's makers (its mentors, its office's officers) or an office's (its officers).</summary>
    public async Task<RollUpFrame> FrameAsync(StaffScope scope, RollUpOf of, int id, CancellationToken ct = default)
    {
        if (of == RollUpOf.Group)
        {
            var group = await scope.Groups(db).Where(g => g.Id == id).Select(g => new { g.Name, g.Office!.Zone }).SingleOrDefaultAsync(ct)
                ?? throw new OutOfScopeException();
            return Frame(group.Name, group.Zone, m => m.HomeGroupId == id);
        }
        // An office's roll-up is for its officers and administrators; a mentor sees their groups only.
        var office = await OfficerOffices(scope).Where(o => o.Id == id).Select(o => new { o.Name, o.Zone }).SingleOrDefaultAsync(ct)
            ?? throw new OutOfScopeException();
        return Frame(office.Name, office.Zone, m => m.HomeGroup!.OfficeId == id);
    }

    RollUpFrame Frame(string name, IndonesianZone zone, Expression<Func<Maker, bool>> whom, int months = Months) =>
        new(name, zone, IndependenceBands.CompleteMonths(clock.GetUtcNow(), zone, months), whom);

    IQueryable<Office> OfficerOffices(StaffScope scope)
    {
        var officeIds = scope.OfficeIds.ToArray();
        return db.Offices.Where(o => scope.IsAdministrator || officeIds.Contains(o.Id));
    }

    /// <summary>Net revenue per month of the window, summed in the database from the months' sums.</summary>
    public Task<IReadOnlyList<TrendPoint>> TrendAsync(RollUpFrame frame, CancellationToken ct = default) => TrendAsync(db, frame, ct);

    static async Task<IReadOnlyList<TrendPoint>> TrendAsync(MarketplaceDb db, RollUpFrame frame, CancellationToken ct)
    {
        var byMonth = await Summed(db, frame, 0).GroupBy(s => s.Month)
            .Select(g => new { Month = g.Key, Net = g.Sum(s => s.Signed) }).ToDictionaryAsync(g => g.Month, g => g.Net, ct);
        return frame.Months.Select(m => new TrendPoint(m, new Money(byMonth.GetValueOrDefault(m)))).ToList();
    }

    /// <summary>Makers per band in the last complete month; a band looks back three months, so only those are read.</summary>
    public Task<IReadOnlyDictionary<IndependenceBand, int>> BandsAsync(RollUpFrame frame, CancellationToken ct = default) => BandsAsync(db, frame, ct);

    static async Task<IReadOnlyDictionary<IndependenceBand, int>> BandsAsync(MarketplaceDb db, RollUpFrame frame, CancellationToken ct)
    {
        var makers = await frame.Makers(db).Select(m => new { m.Id, m.RegencyId }).ToListAsync(ct);
        var nets = await NetsAsync(db, frame, frame.Makers(db), frame.Months.Count - IndependenceBands.MonthsForMandiri, ct);
        var targets = await TargetsAsync(db, makers.Select(m => m.RegencyId).Distinct().ToList(), ct);
        var bands = makers.Select(m => LastMonth(frame, nets.GetValueOrDefault(m.Id, NoSales), targets[m.RegencyId]).Band).ToList();
        return Enum.GetValues<IndependenceBand>().ToDictionary(b => b, b => bands.Count(x => x == b));
    }

    /// <summary>The five programmes that earned most in the window (and the month so far), summed in the database from the months' sums.</summary>
    public Task<IReadOnlyList<ProgrammeTotal>> TopProgrammesAsync(RollUpFrame frame, CancellationToken ct = default) => TopProgrammesAsync(db, frame, ct);

    static async Task<IReadOnlyList<ProgrammeTotal>> TopProgrammesAsync(MarketplaceDb db, RollUpFrame frame, CancellationToken ct)
    {
        var sums = await Summed(db, frame, 0, withMonthSoFar: true).Where(s => s.ProgrammeId != null).GroupBy(s => s.ProgrammeId!.Value)
            .Select(g => new { Programme = g.Key, Net = g.Sum(s => s.Signed) }).ToDictionaryAsync(p => p.Programme, p => p.Net, ct);
        var ids = sums.Keys.ToList();
        var names = await db.Programmes.Where(p => ids.Contains(p.Id)).Select(p => new { p.Id, p.Name, Group = p.Group!.Name }).ToListAsync(ct);
        return names.Select(p => new ProgrammeTotal(p.Name, p.Group, new Money(sums[p.Id])))
            .OrderByDescending(p => p.Net).ThenBy(p => p.Programme, StringComparer.Ordinal).Take(5).ToList();
    }

    /// <summary>One page of the roll-up's makers by name, each with their band; only their sales are read.</summary>
    public async Task<ListPage<MakerBandRow>> MakersAsync(RollUpFrame frame, ListRequest request, CancellationToken ct = default)
    {
        var people = await frame.Makers(db).PageOf(request).Select(m => new Person(m.Id, m.DisplayName, m.HomeGroup!.Name, m.RegencyId)).ToListAsync(ct);
        var ids = people.Select(p => p.Id).ToList();
        var rows = await BandRowsAsync(frame, people, frame.Makers(db).Where(m => ids.Contains(m.Id)), ct);
        return ListPage.From<MakerBandRow>(rows, request, r => new ListCursor(r.DisplayName, r.MakerId));
    }

    /// <summary>Every maker of the roll-up by name with their band, for the CSV: sums per maker and month, then names as they are read.</summary>
    public async IAsyncEnumerable<MakerBandRow> AllMakersAsync(RollUpFrame frame, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var nets = await NetsAsync(db, frame, frame.Makers(db), 0, ct);
        var targets = await TargetsAsync(db, await frame.Makers(db).Select(m => m.RegencyId).Distinct().ToListAsync(ct), ct);
        await foreach (var p in frame.Makers(db).InOrder().Select(m => new Person(m.Id, m.DisplayName, m.HomeGroup!.Name, m.RegencyId)).AsAsyncEnumerable().WithCancellation(ct))
            yield return BandRow(frame, p, nets.GetValueOrDefault(p.Id, NoSales), targets[p.RegencyId]);
    }

    sealed record Person(int Id, string DisplayName, string Group, int RegencyId);

    async Task<List<MakerBandRow>> BandRowsAsync(RollUpFrame frame, List<Person> people, IQueryable<Maker> makers, CancellationToken ct)
    {
        var nets = await NetsAsync(db, frame, makers, 0, ct);
        var targets = await TargetsAsync(db, people.Select(p => p.RegencyId).Distinct().ToList(), ct);
        return people.Select(p => BandRow(frame, p, nets.GetValueOrDefault(p.Id, NoSales), targets[p.RegencyId])).ToList();
    }

    static MakerBandRow BandRow(RollUpFrame frame, Person p, IReadOnlyDictionary<DateOnly, Money> net, Regency regency)
    {
        var last = LastMonth(frame, net, regency);
        var total = Money.Sum(frame.Months.Select(m => net.GetValueOrDefault(m, Money.Zero)));
        return new MakerBandRow(p.Id, p.DisplayName, p.Group, last.Net, total, last.Percent, last.Band);
    }

    static MonthResult LastMonth(RollUpFrame frame, IReadOnlyDictionary<DateOnly, Money> net, Regency regency) =>
        IndependenceBands.Series([frame.Months[^1]], net, m => regency.TargetFor(m) ?? Money.Zero)[0];

    static readonly IReadOnlyDictionary<DateOnly, Money> NoSales = new Dictionary<DateOnly, Money>();

    /// <summary>Each maker's net per month of the window from month <paramref name="fromIndex"/> on, summed in the database.</summary>
    static async Task<Dictionary<int, IReadOnlyDictionary<DateOnly, Money>>> NetsAsync(MarketplaceDb db, RollUpFrame frame, IQueryable<Maker> makers, int fromIndex, CancellationToken ct)
    {
        var ids = makers.Select(m => m.Id);
        var rows = await Summed(db, frame, fromIndex).Where(s => ids.Contains(s.MakerId))
            .GroupBy(s => new { s.MakerId, s.Month }).Select(g => new { g.Key.MakerId, g.Key.Month, Net = g.Sum(s => s.Signed) }).ToListAsync(ct);
        return rows.GroupBy(r => r.MakerId).ToDictionary(g => g.Key,
            g => (IReadOnlyDictionary<DateOnly, Money>)g.ToDictionary(r => r.Month, r => new Money(r.Net)));
    }

    /// <summary>
    /// The roll-up's sale entries from month <paramref name="fromIndex"/> of the window on, each with the index of its month
    /// in the roll-up's zone (the month so far is <c>Months.Count</c>) and its signed amount, for sums in the database.
    /// </summary>
    IQueryable<Sale> Sales(RollUpFrame frame, int fromIndex)
    {
        var bounds = frame.Months.Append(frame.Months[^1].AddMonths(1)).Select(m => MakerCalendar.MonthStart(m, frame.Zone)).ToArray();
        var from = bounds[fromIndex];
        var ids = frame.Makers(db).Select(m => m.Id);
        return db.LedgerEntries.Where(LedgerEntry.IsSale).Where(e => e.OccurredAt >= from && ids.Contains(e.MakerId)).Select(SaleOf(bounds));
    }

    /// <summary>
    /// The roll-up's months of sales (<see cref="LedgerMonth"/>, in the zone of the makers' home office, which is the roll-up's)
    /// from month <paramref name="fromIndex"/> of the window to its last complete month, or on through the month so far.
    /// </summary>
    static IQueryable<SignedMonth> Summed(MarketplaceDb db, RollUpFrame frame, int fromIndex, bool withMonthSoFar = false)
    {
        var (from, to) = (frame.Months[fromIndex], withMonthSoFar ? DateOnly.MaxValue : frame.Months[^1]);
        var ids = frame.Makers(db).Select(m => m.Id);
        return db.LedgerMonths.Where(LedgerMonth.IsSale).Where(s => s.Month >= from && s.Month <= to && ids.Contains(s.MakerId)).Select(SignedMonthOf);
    }

    sealed class SignedMonth
    {
        public int MakerId { get; init; }
        public DateOnly Month { get; init; }
        public int? ProgrammeId { get; init; }
        public decimal Signed { get; init; }
    }

    /// <summary>A month's sum as a <see cref="SignedMonth"/>, its sign by <see cref="LedgerMonth.SignedRupiah"/>.</summary>
    static readonly Expression<Func<LedgerMonth, SignedMonth>> SignedMonthOf = Expression.Lambda<Func<LedgerMonth, SignedMonth>>(
        Expression.MemberInit(Expression.New(typeof(SignedMonth)),
            Bind<SignedMonth>(nameof(SignedMonth.MakerId), Expression.Property(LedgerMonth.SignedRupiah.Parameters[0], nameof(LedgerMonth.MakerId))),
            Bind<SignedMonth>(nameof(SignedMonth.Month), Expression.Property(LedgerMonth.SignedRupiah.Parameters[0], nameof(LedgerMonth.Month))),
            Bind<SignedMonth>(nameof(SignedMonth.ProgrammeId), Expression.Property(LedgerMonth.SignedRupiah.Parameters[0], nameof(LedgerMonth.ProgrammeId))),
            Bind<SignedMonth>(nameof(SignedMonth.Signed), LedgerMonth.SignedRupiah.Body)),
        LedgerMonth.SignedRupiah.Parameters[0]);

    static MemberAssignment Bind<T>(string property, Expression value) => Expression.Bind(typeof(T).GetProperty(property)!, value);

    sealed class Sale
    {
        public int MakerId { get; init; }
        public int Month { get; init; }
        public decimal Signed { get; init; }
        public bool Credit { get; init; }
        public int? OrderLineId { get; init; }
    }

    /// <summary>An entry as a <see cref="Sale"/>: its month found by comparing with each month's start, its sign by <see cref="LedgerEntry.SignedRupiah"/>.</summary>
    static Expression<Func<LedgerEntry, Sale>> SaleOf(DateTimeOffset[] bounds)
    {
        var e = LedgerEntry.SignedRupiah.Parameters[0];
        var at = Expression.Property(e, nameof(LedgerEntry.OccurredAt));
        Expression month = Expression.Constant(bounds.Length - 1);
        for (var i = bounds.Length - 1; i >= 1; i--)
        {
            var bound = new StrongBox<DateTimeOffset>(bounds[i]); // a parameter, not a literal, so the plan is shared
            month = Expression.Condition(
                Expression.LessThan(at, Expression.Field(Expression.Constant(bound), nameof(bound.Value))),
                Expression.Constant(i - 1), month);
        }
        var body = Expression.MemberInit(Expression.New(typeof(Sale)),
            Expression.Bind(typeof(Sale).GetProperty(nameof(Sale.MakerId))!, Expression.Property(e, nameof(LedgerEntry.MakerId))),
            Expression.Bind(typeof(Sale).GetProperty(nameof(Sale.Month))!, month),
            Expression.Bind(typeof(Sale).GetProperty(nameof(Sale.Signed))!, LedgerEntry.SignedRupiah.Body),
            Expression.Bind(typeof(Sale).GetProperty(nameof(Sale.Credit))!, Expression.Equal(Expression.Property(e, nameof(LedgerEntry.Kind)), Expression.Constant(LedgerEntryKind.Credit))),
            Expression.Bind(typeof(Sale).GetProperty(nameof(Sale.OrderLineId))!, Expression.Property(e, nameof(LedgerEntry.OrderLineId))));
        return Expression.Lambda<Func<LedgerEntry, Sale>>(body, e);
    }

    static async Task<Dictionary<int, Regency>> TargetsAsync(MarketplaceDb db, List<int> regencyIds, CancellationToken ct) =>
        await db.Regencies.AsNoTracking().Include(r => r.Targets).Where(r => regencyIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
}
